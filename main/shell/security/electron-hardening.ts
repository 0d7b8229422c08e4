/**
 * Electron-side hardening: permissions (microphone, and display capture for system loopback, only for
 * the app's own top frame), system-audio capture, and no navigation, new windows or webviews anywhere.
 * The decisions themselves are pure functions beside this file (app-origin, permission-policy, sender-policy, web-contents-lockdown).
 */
import { app, desktopCapturer, type Session } from 'electron';
import { lockDownWebContents } from './web-contents-lockdown';
import { isAppUrl } from './app-origin';
import { decidePermission } from './permission-policy';

export interface SessionHardeningOptions {
  readonly systemLoopbackSupported: boolean;
  readonly log?: (message: string) => void;
}

export function hardenSession(session: Session, options: SessionHardeningOptions): void {
  const { systemLoopbackSupported, log } = options;

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const granted = decidePermission({
      permission,
      requestingOrigin: details.requestingUrl,
      isMainFrame: details.isMainFrame,
      mediaTypes,
      systemLoopbackSupported,
    });
    if (!granted) log?.(`Denied permission request: ${permission}`);
    callback(granted);
  });

  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    decidePermission({
      permission,
      requestingOrigin,
      isMainFrame: details.isMainFrame,
      mediaTypes: details.mediaType ? [details.mediaType] : [],
      systemLoopbackSupported,
    }),
  );

  // USB / HID / serial devices: never.
  session.setDevicePermissionHandler(() => false);

  session.setDisplayMediaRequestHandler((request, callback) => {
    const allowed =
      systemLoopbackSupported &&
      request.audioRequested &&
      isAppUrl(request.securityOrigin) &&
      request.frame !== null &&
      request.frame.parent === null;
    if (!allowed) {
      callback(null);
      return;
    }
    // Chromium needs a video source next to loopback audio; the renderer stops the video track at once.
    desktopCapturer
      .getSources({ types: ['screen'] })
      .then(([screen]) => callback(screen ? { video: screen, audio: 'loopback' } : null))
      .catch(() => callback(null));
  });
}

/** Call once before any window exists: every web contents the app ever creates is locked down. */
export function lockDownAllWebContents(log?: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, log));
}
