import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocket } from 'ws';
import { parseHostFrame, type HostFrame } from '../../../preload/contract/browser-host-protocol';
import type { IpcResult } from '../../../preload/contract/ipc-result';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request with the path sent exactly as given (no normalisation) and optional header overrides. */
export function request(
  port: number,
  requestPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: requestPath, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Makes a small built-renderer folder: the files a Vite build emits, one of each kind. */
export function writeFakeRenderer(dir: string): void {
  const files: Record<string, string> = {
    'index.html':
      '<!doctype html><html><head><script type="module" src="./assets/index.js"></script></head>' +
      '<body>Calm Line test build</body></html>',
    'assets/index.js': 'export const app = "calm";\n',
    'assets/coach-worklet.js':
      'registerProcessor("coach", class extends AudioWorkletProcessor { process() { return true; } });\n',
    'assets/index.css': 'body { color: #234; }\n',
    'assets/engine.wasm': '\0asm\x01\0\0\0',
    'assets/inter.woff2': 'wOF2',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'manifest.json': '{"name":"Calm Line"}',
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

export interface SocketOptions {
  readonly cookie?: string;
  readonly origin?: string;
  readonly host?: string;
}

/** Opens a WebSocket to the host; rejects with the HTTP status when the handshake is refused. */
export function openSocket(port: number, options: SocketOptions): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.Cookie = options.cookie;
    if (options.host) headers.Host = options.host;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ipc`, { headers, origin: options.origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      reject(
        Object.assign(new Error(`refused with ${res.statusCode}`), { status: res.statusCode }),
      );
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** Collects host frames on a socket; `next` waits for the first frame matching a predicate. */
export function frames(socket: WebSocket) {
  const seen: HostFrame[] = [];
  const waiters: { test: (frame: HostFrame) => boolean; resolve: (frame: HostFrame) => void }[] =
    [];
  socket.on('message', (data) => {
    const frame = parseHostFrame(data.toString());
    if (!frame) return;
    seen.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.test(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  let nextId = 1;
  return {
    next(test: (frame: HostFrame) => boolean): Promise<HostFrame> {
      const found = seen.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    async call(method: string, payload?: unknown): Promise<IpcResult<unknown>> {
      const id = nextId++;
      socket.send(JSON.stringify({ type: 'call', id, method, payload }));
      const frame = await this.next(
        (candidate) => candidate.type === 'result' && candidate.id === id,
      );
      if (frame.type !== 'result') throw new Error('unreachable');
      return frame.result;
    },
  };
}

export function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}
