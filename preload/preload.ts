/**
 * The sandboxed preload: exposes `window.calmLine` (a CalmLineApi) and nothing else. Each contract
 * method becomes a named function that invokes its own channel; `on` subscribes to a known host event,
 * hands the listener only the payload (never the IPC event), and returns an unsubscribe.
 * Bundled to one CommonJS file (out/preload/preload.cjs) because sandboxed preloads cannot import.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_METHOD_NAMES, ipcChannel, isHostEventName } from './contract/ipc-channels';
// Types only: the contract's schemas (zod) stay out of the sandboxed bundle.
import type { CalmLineApi, HostEventName, HostEvents, Unsubscribe } from './contract/ipc-contract';
import { fail, isIpcResult, type IpcResult } from './contract/ipc-result';

async function invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
  try {
    const result: unknown = await ipcRenderer.invoke(channel, payload);
    return isIpcResult(result) ? result : fail('internal', 'The host sent a malformed answer.');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('host-unavailable', `The Calm Line host did not answer: ${message}`);
  }
}

function on<E extends HostEventName>(
  event: E,
  listener: (payload: HostEvents[E]) => void,
): Unsubscribe {
  if (!isHostEventName(event)) throw new Error(`Unknown Calm Line event: ${String(event)}`);
  if (typeof listener !== 'function')
    throw new Error('Calm Line event listener must be a function.');
  const channel = ipcChannel(event);
  const forward = (_event: IpcRendererEvent, payload: HostEvents[E]): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

function buildApi(): CalmLineApi {
  const methods: Record<string, (payload?: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const method of IPC_METHOD_NAMES) {
    const channel = ipcChannel(method);
    methods[method] = (payload?: unknown) => invoke(channel, payload);
  }
  return { ...methods, on } as unknown as CalmLineApi;
}

contextBridge.exposeInMainWorld('calmLine', buildApi());
