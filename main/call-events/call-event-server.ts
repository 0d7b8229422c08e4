/**
 * The running app's endpoint for the phone software: a small HTTP server on 127.0.0.1 (its own free port,
 * in both hosts) that takes one call event per request and answers once the page has taken it.
 *
 *   POST /call-event   Authorization: Bearer <secret from call-events.json>   {"kind":"start","ref":"…"}
 *
 * Refused before anything is read: a non-loopback peer (403), a Host other than 127.0.0.1:<port> (DNS
 * rebinding, 403), ANY Origin header (a web page; the command never sends one, 403), another method or path
 * (405/404), no or a wrong secret (401, compared in constant time). Then a body over MAX_CALL_EVENT_BYTES
 * (413), or one that is not a valid event (400, with the parser's one line; Settings lists it too). An
 * optional field that fails its check is dropped, not the event (call-event.ts): the answer's `dropped`
 * says which. The page's session cookie plays no part here. Answers are JSON:
 * `{ taken, outcome?, did?, dropped?, message }`; 200 taken (the outcome may still be "failed"), 409 no
 * window open or it did not answer.
 */
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  MAX_CALL_EVENT_BYTES,
  parseCallEventJson,
  type CallEvent,
} from '../../preload/domain/call-event';
import { isLoopbackAddress } from './loopback-address';
import type { CallEventDelivery } from './call-event-relay';
import { newCallEventSecret, removeDiscoveryFile, writeDiscoveryFile } from './discovery-file';

export const CALL_EVENT_PATH = '/call-event';

export interface CallEventServerOptions {
  readonly dataDir: string;
  readonly deliver: (
    event: CallEvent,
    source: string,
    dropped?: readonly string[],
  ) => Promise<CallEventDelivery>;
  /** A request with the right secret that was refused all the same (Settings lists it). */
  readonly refused?: (source: string, reason: string) => void;
  readonly log?: (message: string) => void;
  /** 0 (default): a free port. */
  readonly port?: number;
  /** Default: a new random secret. */
  readonly secret?: string;
}

export interface CallEventServer {
  readonly port: number;
  readonly secret: string;
  readonly discoveryFile: string;
  close(): Promise<void>;
}

export interface CallEventReply {
  readonly taken: boolean;
  readonly outcome?: string;
  readonly did?: string;
  readonly dropped?: readonly string[];
  readonly message: string;
}

function secretMatches(expected: string, header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer ([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(match[1], 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(response: http.ServerResponse, status: number, body: CallEventReply): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  response.end(text);
}

const refuse = (response: http.ServerResponse, status: number, message: string) =>
  reply(response, status, { taken: false, message });

/** Reads at most `limit` bytes; null when the body is longer (the rest is not read). */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function createCallEventRequestHandler(options: {
  port: () => number;
  secret: string;
  deliver: CallEventServerOptions['deliver'];
  refused?: CallEventServerOptions['refused'];
  log?: (message: string) => void;
}) {
  const { secret, deliver, log } = options;
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const refused = (status: number, message: string) => {
      log?.(`Refused call event: ${message}`);
      refuse(response, status, message);
    };
    if (!isLoopbackAddress(request.socket.remoteAddress))
      return refused(403, 'Only this computer may send call events.');
    if (request.headers.host !== `127.0.0.1:${options.port()}`)
      return refused(403, 'Unexpected Host header.');
    if (request.headers.origin !== undefined)
      return refused(403, 'Call events are not taken from web pages (an Origin header was sent).');
    const pathname = (request.url ?? '').split('?')[0];
    if (pathname !== CALL_EVENT_PATH) return refused(404, 'Not found.');
    if (request.method !== 'POST') return refused(405, 'Use POST.');
    if (!secretMatches(secret, request.headers.authorization))
      return refused(401, 'Missing or wrong secret (see call-events.json in the data folder).');
    // From here on the sender holds the secret: a refusal is listed in Settings too.
    const refusedListed = (status: number, message: string) => {
      options.refused?.('command', message);
      refused(status, message);
    };
    const body = await readBody(request, MAX_CALL_EVENT_BYTES);
    if (body === null)
      return refusedListed(413, `The call event is larger than ${MAX_CALL_EVENT_BYTES} bytes.`);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return refusedListed(400, 'The call event is not JSON.');
    }
    const parsed = parseCallEventJson(json);
    if (!parsed.ok) return refusedListed(400, parsed.message);
    const dropped = parsed.dropped ? { dropped: parsed.dropped } : {};
    const delivery = await deliver(parsed.event, 'command', parsed.dropped);
    if (!delivery.taken) {
      const message =
        delivery.reason === 'no-page'
          ? 'Calm Line is running but no window is open to take the call event.'
          : 'The Calm Line window did not answer in time.';
      reply(response, 409, { taken: false, message, ...dropped });
      return;
    }
    reply(response, 200, {
      taken: true,
      outcome: delivery.answer.outcome,
      did: delivery.answer.did,
      ...dropped,
      message: delivery.answer.did,
    });
  };
}

/** Starts the server and writes call-events.json; close() stops it and removes the file (if still ours). */
export async function startCallEventServer(
  options: CallEventServerOptions,
): Promise<CallEventServer> {
  const secret = options.secret ?? newCallEventSecret();
  const server = http.createServer();
  server.on('clientError', (_error, socket) => socket.destroy());
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  let port = 0;
  const handle = createCallEventRequestHandler({
    port: () => port,
    secret,
    deliver: options.deliver,
    refused: options.refused,
    log: options.log,
  });
  server.on('request', (request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log?.(`Call event failed: ${(error as Error)?.message ?? error}`);
      if (!response.headersSent) refuse(response, 500, 'The call event failed.');
      else response.end();
    });
  });
  port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
      else resolve(address.port);
    });
  });
  let discoveryFile: string;
  try {
    discoveryFile = writeDiscoveryFile(options.dataDir, { port, secret, pid: process.pid });
  } catch (error) {
    server.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    port,
    secret,
    discoveryFile,
    close() {
      closing ??= new Promise<void>((resolve) => {
        removeDiscoveryFile(options.dataDir, secret);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
