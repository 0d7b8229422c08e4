/**
 * The app:// protocol that serves the built renderer to Electron windows, with the same files, MIME
 * types and CSP as the browser host. The scheme must be registered as privileged before `ready`.
 */
import { protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from '../security/app-origin';
import { buildContentSecurityPolicy } from '../security/content-security-policy';
import { readStaticFile, securityHeaders } from '../static/static-files';

/** Call before app `ready`: makes app:// a standard, secure origin that can fetch and stream media. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

/** Call after `ready`: answers app://calm-line/<path> from `rendererDir`. */
export function serveRendererOverAppProtocol(rendererDir: string): void {
  const headers = securityHeaders(buildContentSecurityPolicy());
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' || !isAppUrl(request.url)) {
      return new Response(null, { status: 404, headers });
    }
    const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
    if (file.status !== 200) return new Response(null, { status: file.status, headers });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': file.contentType },
    });
  });
}
