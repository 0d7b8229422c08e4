/**
 * The browser host's IPC transport: a WebSocket endpoint on the host's own HTTP server that runs each
 * call frame through `dispatch` and broadcasts host events. Upgrades are authorized by the caller's
 * `authorize` (token cookie, Origin, Host, loopback) before the WebSocket handshake completes.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { HostEventName, HostEvents } from '../../preload/contract/ipc-contract';
import {
  BROWSER_HOST_MAX_MESSAGE_BYTES,
  BROWSER_HOST_WS_PATH,
  parseCallFrame,
  type EventFrame,
  type ResultFrame,
} from '../../preload/contract/browser-host-protocol';
import { dispatch } from '../ipc/dispatch';
import type { IpcHandlers } from '../../preload/contract/ipc-handlers';
import type { GuardDecision } from './request-guard';

export interface IpcWebSocketOptions {
  readonly handlers: IpcHandlers;
  readonly authorize: (request: IncomingMessage) => GuardDecision;
  readonly log?: (message: string) => void;
}

export interface IpcWebSocket {
  emit<E extends HostEventName>(event: E, payload: HostEvents[E]): void;
  /** Connected pages. */
  clientCount(): number;
  /**
   * Resolves once no call is being handled and none has arrived for `quietMs`, or after `maxMs`: lets
   * pages that were told the host is closing save what they hold.
   */
  settle(quietMs: number, maxMs: number): Promise<void>;
  close(): Promise<void>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

export function attachIpcWebSocket(server: Server, options: IpcWebSocketOptions): IpcWebSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: BROWSER_HOST_MAX_MESSAGE_BYTES });
  let inFlight = 0;
  let lastCallAt = Date.now();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = (request.url ?? '').split('?')[0];
    if (pathname !== BROWSER_HOST_WS_PATH) {
      refuseUpgrade(socket, 404);
      return;
    }
    const decision = options.authorize(request);
    if (!decision.ok) {
      options.log?.(`Refused WebSocket connection: ${decision.reason}`);
      refuseUpgrade(socket, decision.status);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(1003, 'text frames only');
        return;
      }
      const frame = parseCallFrame(data.toString());
      if (frame === undefined) {
        ws.close(1008, 'malformed call frame');
        return;
      }
      inFlight++;
      lastCallAt = Date.now();
      void dispatch(options.handlers, frame.method, frame.payload, {
        onHandlerError: (method, error) =>
          options.log?.(`${method} failed: ${(error as Error)?.message ?? error}`),
      }).then((result) => {
        inFlight--;
        lastCallAt = Date.now();
        const reply: ResultFrame = { type: 'result', id: frame.id, result };
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(reply));
      });
    });
  });

  return {
    emit(event, payload) {
      const text = JSON.stringify({ type: 'event', event, payload } satisfies EventFrame);
      for (const client of wss.clients) {
        if (client.readyState === WebSocket.OPEN) client.send(text);
      }
    },
    clientCount() {
      return [...wss.clients].filter((c) => c.readyState === WebSocket.OPEN).length;
    },
    async settle(quietMs, maxMs) {
      const deadline = Date.now() + maxMs;
      lastCallAt = Math.max(lastCallAt, Date.now());
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastCallAt < quietMs)) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
