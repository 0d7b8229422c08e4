/**
 * The answer to one app:// request: a GET for a file of the built renderer on app://calm-line, with the
 * app's CSP and security headers on every response, errors included. Plain fetch-API Request/Response,
 * so the shell hands it to `protocol.handle` and tests call it directly.
 */
import { isAppUrl } from '../security/app-origin';
import { buildContentSecurityPolicy } from '../../host/content-security-policy';
import { readStaticFile, securityHeaders } from '../../host/static-files';
import { answerRecordingRequest, recordingBodyStream } from '../../recordings/recording-files';
import type { RecordingStore } from '../../recordings/recording-store';

/** `recordings`: opted-in call audio, served as app://calm-line/recording/<session id>. */
export function createAppProtocolHandler(
  rendererDir: string,
  recordings?: Pick<RecordingStore, 'fileOf'>,
): (request: Request) => Promise<Response> {
  const csp = buildContentSecurityPolicy();
  const headers = securityHeaders(csp);
  return async (request) => {
    if (request.method !== 'GET' || !isAppUrl(request.url)) {
      return new Response(null, { status: 404, headers });
    }
    const recording = answerRecordingRequest(
      recordings,
      new URL(request.url).pathname,
      request.headers.get('range'),
    );
    if (recording) {
      const body = recording.body ? recordingBodyStream(recording.body) : null;
      return new Response(body, {
        status: recording.status,
        headers: { ...headers, ...recording.headers },
      });
    }
    const pathname = new URL(request.url).pathname;
    const file = await readStaticFile(rendererDir, pathname);
    if (file.status !== 200) return new Response(null, { status: file.status, headers });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': file.contentType,
      },
    });
  };
}
