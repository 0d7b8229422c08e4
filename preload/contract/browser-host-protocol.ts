/**
 * The WebSocket framing the browser host and its renderer client share: the same methods and events as
 * Electron IPC, one JSON object per message.
 *   client → host  {type: 'call', id, method, payload?}
 *   host → client  {type: 'result', id, result}   (result is an IpcResult)
 *                  {type: 'event', event, payload}
 */
import { isIpcResult, type IpcResult } from './ipc-result';
import { IPC_METHOD_NAMES, maxPayloadBytesOf } from './ipc-contract';

/** Path of the WebSocket endpoint on the browser host. */
export const BROWSER_HOST_WS_PATH = '/ipc';
/**
 * Largest WebSocket message the host accepts (bytes); larger ones close the connection. Derived from the
 * contract — the largest payload any method takes (a long call's timeline), plus the frame around it — so
 * each method's own limit, checked by dispatch, is what decides.
 */
export const BROWSER_HOST_MAX_MESSAGE_BYTES =
  Math.max(...IPC_METHOD_NAMES.map(maxPayloadBytesOf)) + 4096;

export interface CallFrame {
  readonly type: 'call';
  readonly id: number;
  readonly method: string;
  readonly payload?: unknown;
}

export interface ResultFrame {
  readonly type: 'result';
  readonly id: number;
  readonly result: IpcResult<unknown>;
}

export interface EventFrame {
  readonly type: 'event';
  readonly event: string;
  readonly payload: unknown;
}

export type HostFrame = ResultFrame | EventFrame;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Parses a client message; undefined when it is not a well-formed call frame. */
export function parseCallFrame(text: string): CallFrame | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.type !== 'call' || !isCallId(parsed.id)) return undefined;
  if (typeof parsed.method !== 'string' || parsed.method.length > 100) return undefined;
  return { type: 'call', id: parsed.id, method: parsed.method, payload: parsed.payload };
}

/** Parses a host message; undefined when it is neither a result nor an event frame. */
export function parseHostFrame(text: string): HostFrame | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  if (parsed.type === 'result' && isCallId(parsed.id) && isIpcResult(parsed.result)) {
    return { type: 'result', id: parsed.id, result: parsed.result };
  }
  if (parsed.type === 'event' && typeof parsed.event === 'string') {
    return { type: 'event', event: parsed.event, payload: parsed.payload };
  }
  return undefined;
}
