/**
 * The single entry for every host call: rejects unknown methods, oversized and invalid payloads, runs the
 * handler, and turns anything thrown into a result. It never throws and never rejects.
 */
import {
  ipcMethods,
  isIpcMethodName,
  maxPayloadBytesOf,
} from '../../preload/contract/ipc-contract';
import { fail, isIpcResult, type IpcResult } from '../../preload/contract/ipc-result';
import { describeIssues } from '../../preload/contract/describe-issues';
import type { IpcHandlers } from '../../preload/contract/ipc-handlers';

export interface DispatchOptions {
  /** Overrides every method's own limit (default: `maxPayloadBytesOf(method)`, 64 KiB unless the contract says more). */
  readonly maxPayloadBytes?: number;
  /** Told about handler failures (the caller only gets a generic message). */
  readonly onHandlerError?: (method: string, error: unknown) => void;
}

export interface PayloadShape {
  /** Size as JSON (bytes); undefined when the payload cannot be represented as JSON at all. */
  readonly bytes: number | undefined;
  /** Whether any object in it has an own `__proto__` key (possible after JSON.parse; never legitimate). */
  readonly hasProtoKey: boolean;
}

export function measurePayload(payload: unknown): PayloadShape {
  if (payload === undefined) return { bytes: 0, hasProtoKey: false };
  let hasProtoKey = false;
  try {
    const json = JSON.stringify(payload, (key, value: unknown) => {
      if (key === '__proto__') hasProtoKey = true;
      return value;
    });
    return { bytes: json === undefined ? undefined : Buffer.byteLength(json, 'utf8'), hasProtoKey };
  } catch {
    return { bytes: undefined, hasProtoKey };
  }
}

export async function dispatch(
  handlers: IpcHandlers,
  method: string,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  if (typeof method !== 'string' || !isIpcMethodName(method)) {
    return fail('unknown-method', `Unknown method: ${String(method).slice(0, 100)}`);
  }
  const limit = options.maxPayloadBytes ?? maxPayloadBytesOf(method);
  const { bytes: size, hasProtoKey } = measurePayload(payload);
  if (size === undefined || hasProtoKey)
    return fail('invalid-payload', `${method}: payload is not plain data`);
  if (size > limit)
    return fail('payload-too-large', `${method}: payload is ${size} bytes, limit ${limit}`);

  const parsed = ipcMethods[method].request.safeParse(payload);
  if (!parsed.success) return fail('invalid-payload', `${method}: ${describeIssues(parsed.error)}`);

  try {
    const handler = handlers[method] as (payload: unknown) => unknown;
    const result = await handler(parsed.data);
    if (isIpcResult(result)) return result;
    options.onHandlerError?.(method, new Error('handler returned a non-result'));
    return fail('internal', `${method} failed`);
  } catch (error) {
    options.onHandlerError?.(method, error);
    return fail('internal', `${method} failed on the host`);
  }
}
