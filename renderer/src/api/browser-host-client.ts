/**
 * CalmLineApi over the browser host's WebSocket. Connects on first use, sends calls made while
 * connecting once the socket opens, and reconnects after a drop (backing off up to a few seconds).
 * A call whose answer cannot arrive — the socket closed first — resolves to a `host-unavailable`
 * failure; no method ever rejects.
 */
import {
  IPC_METHOD_NAMES,
  isHostEventName,
  type CalmLineApi,
  type HostEventName,
  type HostEvents,
  type Unsubscribe,
} from '../../../preload/contract/ipc-contract';
import { fail, type IpcResult } from '../../../preload/contract/ipc-result';
import { parseHostFrame, type CallFrame } from '../../../preload/contract/browser-host-protocol';
import { createTypedEmitter } from './typed-emitter';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Called once per connection, after an open or instead of one. */
  onClose(): void;
}
export interface SocketConnection {
  send(text: string): void;
  close(): void;
}
/** Opens one connection; the client calls it again for each reconnect. */
export type ConnectSocket = (handlers: SocketHandlers) => SocketConnection;

export interface BrowserHostClientOptions {
  readonly connect: ConnectSocket;
  /** Waits before successive reconnect attempts; the last one repeats. */
  readonly reconnectDelaysMs?: readonly number[];
}

export type BrowserHostClient = CalmLineApi & {
  /** Closes the connection for good; pending calls fail. */
  dispose(): void;
};

const DEFAULT_RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

interface PendingCall {
  readonly frame: CallFrame;
  readonly resolve: (result: IpcResult<unknown>) => void;
  sent: boolean;
}

/** The ConnectSocket for a browser: a standard WebSocket to `url` (cookies go along automatically). */
export function connectWebSocket(url: string): ConnectSocket {
  return (handlers) => {
    const socket = new WebSocket(url);
    socket.onopen = () => handlers.onOpen();
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') handlers.onMessage(event.data);
    };
    socket.onclose = () => handlers.onClose();
    return { send: (text) => socket.send(text), close: () => socket.close() };
  };
}

export function createBrowserHostClient(options: BrowserHostClientOptions): BrowserHostClient {
  const delays = options.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS_MS;
  const pending = new Map<number, PendingCall>();
  const events = createTypedEmitter<HostEvents>();
  let connection: SocketConnection | undefined;
  let open = false;
  let disposed = false;
  let nextId = 1;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  const settle = (id: number, result: IpcResult<unknown>): void => {
    const call = pending.get(id);
    if (call === undefined) return;
    pending.delete(id);
    call.resolve(result);
  };

  const failAll = (message: string): void => {
    for (const id of [...pending.keys()]) settle(id, fail('host-unavailable', message));
  };

  const wantsConnection = (): boolean =>
    !disposed && (pending.size > 0 || events.listenerCount() > 0);

  const scheduleReconnect = (): void => {
    if (reconnectTimer !== undefined || !wantsConnection()) return;
    const delay = delays[Math.min(failedAttempts, delays.length - 1)] ?? 1000;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      ensureConnection();
    }, delay);
  };

  function ensureConnection(): void {
    if (connection !== undefined || disposed) return;
    if (reconnectTimer !== undefined) {
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
    }
    let wasOpen = false;
    const current: SocketConnection = options.connect({
      onOpen() {
        if (connection !== current) return;
        wasOpen = true;
        open = true;
        failedAttempts = 0;
        for (const call of pending.values()) {
          if (!call.sent) {
            call.sent = true;
            current.send(JSON.stringify(call.frame));
          }
        }
      },
      onMessage(text) {
        if (connection !== current) return;
        const frame = parseHostFrame(text);
        if (frame?.type === 'result') settle(frame.id, frame.result);
        else if (frame?.type === 'event' && isHostEventName(frame.event)) {
          events.emit(frame.event, frame.payload as never);
        }
      },
      onClose() {
        if (connection !== current) return;
        connection = undefined;
        open = false;
        if (!wasOpen) failedAttempts += 1;
        failAll(
          wasOpen
            ? 'Lost the connection to the Calm Line host before it answered; the change may or may not have been saved.'
            : 'Could not reach the Calm Line host. Is `npm run start:browser` still running?',
        );
        scheduleReconnect();
      },
    });
    connection = current;
  }

  const call = (method: string, payload: unknown): Promise<IpcResult<unknown>> => {
    if (disposed)
      return Promise.resolve(fail('host-unavailable', 'The Calm Line host connection was closed.'));
    return new Promise((resolve) => {
      const frame: CallFrame = { type: 'call', id: nextId++, method, payload };
      const entry: PendingCall = { frame, resolve, sent: false };
      pending.set(frame.id, entry);
      if (open && connection !== undefined) {
        entry.sent = true;
        connection.send(JSON.stringify(frame));
      } else {
        ensureConnection();
      }
    });
  };

  function on<E extends HostEventName>(
    event: E,
    listener: (payload: HostEvents[E]) => void,
  ): Unsubscribe {
    if (!isHostEventName(event)) throw new Error(`Unknown Calm Line event: ${String(event)}`);
    const unsubscribe = events.on(event, listener);
    ensureConnection();
    return unsubscribe;
  }

  const methods: Record<string, (payload?: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const method of IPC_METHOD_NAMES)
    methods[method] = (payload?: unknown) => call(method, payload);

  return {
    ...methods,
    on,
    dispose() {
      disposed = true;
      if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
      const closing = connection;
      connection = undefined;
      open = false;
      closing?.close();
      failAll('The Calm Line host connection was closed.');
    },
  } as unknown as BrowserHostClient;
}
