/**
 * HTTP side of the browser host: the token bootstrap (`/?token=…` → cookie → `/`), then the built
 * renderer as static files for requests that carry the session cookie. Only GET and HEAD exist.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readStaticFile, securityHeaders } from '../host/static-files';
import { checkRequestSource, type GuardDecision } from './request-guard';
import { readCookie, sessionCookieHeader, sessionCookieName, tokensMatch } from './session-token';
import type { ExportDownloads } from './export-downloads';
import fs from 'node:fs';
import { answerRecordingRequest } from '../recordings/recording-files';
import type { RecordingStore } from '../recordings/recording-store';

export interface HttpHandlerOptions {
  readonly rendererDir: string;
  readonly port: number;
  readonly token: string;
  readonly csp: string;
  readonly log?: (message: string) => void;
  /** One-time export downloads (`/export-download/<token>`), served to holders of the session cookie. */
  readonly downloads?: Pick<ExportDownloads, 'serve'>;
  /** Opted-in call audio for the review (`/recording/<session id>`), to holders of the session cookie. */
  readonly recordings?: Pick<RecordingStore, 'fileOf'>;
}

/** Source checks plus the session cookie: what every request after the bootstrap must pass. */
export function authorizeSession(
  request: IncomingMessage,
  port: number,
  token: string,
  requireOrigin: boolean,
): GuardDecision {
  const source = checkRequestSource(
    {
      remoteAddress: request.socket.remoteAddress,
      host: request.headers.host,
      origin: request.headers.origin,
    },
    port,
    requireOrigin,
  );
  if (!source.ok) return source;
  const presented = readCookie(request.headers.cookie, sessionCookieName(port));
  if (presented === undefined) return { ok: false, status: 401, reason: 'no session cookie' };
  if (!tokensMatch(token, presented))
    return { ok: false, status: 401, reason: 'wrong session cookie' };
  return { ok: true };
}

/**
 * Answer to a correct `/?token=…`: sets the cookie and moves to `/` with a meta refresh rather than a
 * redirect, so the follow-up request is initiated by this same-site page and carries the Strict cookie
 * even when the first load came from elsewhere (the launcher file, a terminal link).
 */
const BOOTSTRAP_PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/">' +
  '<link rel="icon" href="data:,"><title>Calm Line</title></head><body>Opening Calm Line…</body></html>';

const UNAUTHORIZED_TEXT =
  'Calm Line: this page needs the link printed when the browser host started (it carries a one-launch token).\n';

export function createHttpHandler(options: HttpHandlerOptions) {
  const { port, token, csp } = options;
  const baseHeaders = securityHeaders(csp);

  const send = (
    response: ServerResponse,
    status: number,
    body: string | Buffer,
    contentType: string,
    extraHeaders: Record<string, string> = {},
    headOnly = false,
  ): void => {
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    response.writeHead(status, {
      ...baseHeaders,
      'Content-Type': contentType,
      'Content-Length': String(payload.length),
      ...extraHeaders,
    });
    response.end(headOnly ? undefined : payload);
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headOnly = request.method === 'HEAD';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && !headOnly) {
      send(response, 405, 'Method not allowed\n', 'text/plain; charset=utf-8', {
        Allow: 'GET, HEAD',
      });
      return;
    }

    if (url.pathname === '/' && url.searchParams.has('token')) {
      const source = checkRequestSource(
        {
          remoteAddress: request.socket.remoteAddress,
          host: request.headers.host,
          origin: request.headers.origin,
        },
        port,
        false,
      );
      if (!source.ok) {
        options.log?.(`Refused ${request.method} /: ${source.reason}`);
        send(response, source.status, 'Forbidden\n', 'text/plain; charset=utf-8', {}, headOnly);
        return;
      }
      if (!tokensMatch(token, url.searchParams.get('token') ?? undefined)) {
        options.log?.('Refused GET /: wrong token in URL');
        send(response, 401, UNAUTHORIZED_TEXT, 'text/plain; charset=utf-8', {}, headOnly);
        return;
      }
      send(
        response,
        200,
        BOOTSTRAP_PAGE,
        'text/html; charset=utf-8',
        {
          'Set-Cookie': sessionCookieHeader(port, token),
        },
        headOnly,
      );
      return;
    }

    const decision = authorizeSession(request, port, token, false);
    if (!decision.ok) {
      options.log?.(`Refused ${request.method} ${url.pathname.slice(0, 200)}: ${decision.reason}`);
      const text = decision.status === 401 ? UNAUTHORIZED_TEXT : 'Forbidden\n';
      send(response, decision.status, text, 'text/plain; charset=utf-8', {}, headOnly);
      return;
    }

    if (options.downloads?.serve(request, response, baseHeaders)) return;

    const recording = answerRecordingRequest(
      options.recordings,
      url.pathname,
      request.headers.range,
    );
    if (recording) {
      response.writeHead(recording.status, { ...baseHeaders, ...recording.headers });
      if (!recording.body || headOnly) {
        const text = {
          400: 'Bad request',
          404: 'No recording',
          416: 'Range not satisfiable',
        } as Record<number, string>;
        response.end(recording.body ? undefined : `${text[recording.status] ?? 'Not found'}\n`);
        return;
      }
      const stream = fs.createReadStream(recording.body.file, {
        start: recording.body.start,
        end: recording.body.end,
      });
      stream.on('error', () => response.destroy());
      stream.pipe(response);
      return;
    }

    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (file.status !== 200) {
      const text = file.status === 400 ? 'Bad request\n' : 'Not found\n';
      send(response, file.status, text, 'text/plain; charset=utf-8', {}, headOnly);
      return;
    }
    send(response, 200, file.body, file.contentType, {}, headOnly);
  };
}
