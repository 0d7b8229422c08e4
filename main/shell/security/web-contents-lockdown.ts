/**
 * What every web contents the app creates is allowed to do: nothing beyond showing the page it was
 * given. No navigation (any frame, any URL — the app is one page; in-page routes change no document),
 * no redirects, no webviews, no new windows. Written against the few WebContents members it uses so it
 * runs (and is tested) without Electron; the shell applies it from `web-contents-created`.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenDetails {
  readonly url: string;
}

/** The part of Electron's WebContents the lockdown touches. */
export interface LockableWebContents {
  on(
    event: 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
}

export function lockDownWebContents(
  contents: LockableWebContents,
  log?: (message: string) => void,
): void {
  contents.on('will-frame-navigate', (event) => {
    log?.('Blocked a navigation');
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    log?.('Blocked a redirect');
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log?.('Blocked a webview');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => {
    log?.('Blocked a new window');
    return { action: 'deny' };
  });
}
