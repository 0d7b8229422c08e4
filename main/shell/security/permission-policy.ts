/**
 * The permission decision for Electron's permission request and check handlers. The app needs the
 * microphone (audio capture) and, for system-loopback mode, display capture — nothing else, and only
 * for its own top frame on app://calm-line. Cameras are refused.
 */
import { isAppUrl } from './app-origin';

export interface PermissionQuery {
  /** Electron's permission name ('media', 'display-capture', 'notifications', …). */
  readonly permission: string;
  /** Origin or URL asking (requestingUrl for requests, requestingOrigin for checks). */
  readonly requestingOrigin: string | undefined;
  readonly isMainFrame: boolean;
  /** For 'media': the kinds asked for ('audio', 'video', 'unknown'). */
  readonly mediaTypes: readonly string[];
  /** Whether this platform can capture system audio (Electron: Windows loopback). */
  readonly systemLoopbackSupported: boolean;
}

export function decidePermission(query: PermissionQuery): boolean {
  if (!query.isMainFrame || !isAppUrl(query.requestingOrigin)) return false;
  switch (query.permission) {
    case 'media':
      return query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'audio');
    case 'display-capture':
      return query.systemLoopbackSupported;
    default:
      return false;
  }
}
