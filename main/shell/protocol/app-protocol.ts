/**
 * The app:// protocol that serves the built renderer to Electron windows, with the same files, MIME
 * types and CSP as the browser host. The scheme must be registered as privileged before `ready`.
 */
import { protocol } from 'electron';
import { createAppProtocolHandler } from './app-protocol-handler';
import { APP_SCHEME } from '../security/app-origin';
import type { RecordingStore } from '../../recordings/recording-store';

/** Call before app `ready`: makes app:// a standard, secure origin that can fetch and stream media. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

/** Call after `ready`: answers app://calm-line/<path> from `rendererDir` (and /recording/<id> from `recordings`). */
export function serveRendererOverAppProtocol(
  rendererDir: string,
  recordings?: Pick<RecordingStore, 'fileOf'>,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, recordings));
}
