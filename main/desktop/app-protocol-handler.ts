/**
 * The answer to one app:// request: a GET for a file of the built renderer on app://calm-line, with the
 * app's CSP and security headers on every response, errors included. Plain fetch-API Request/Response,
 * so the shell hands it to `protocol.handle` and tests call it directly.
 */
import { isAppUrl } from '../security/app-origin';
import { buildContentSecurityPolicy } from '../security/content-security-policy';
import { readStaticFile, securityHeaders } from '../static/static-files';

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const headers = securityHeaders(buildContentSecurityPolicy());
  return async (request) => {
    if (request.method !== 'GET' || !isAppUrl(request.url)) {
      return new Response(null, { status: 404, headers });
    }
    const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
    if (file.status !== 200) return new Response(null, { status: file.status, headers });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': file.contentType },
    });
  };
}
