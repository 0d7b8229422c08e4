/**
 * The Electron-side decisions, exercised as Electron would call them: the lockdown every web contents
 * gets (driven through a real EventEmitter with Electron's event names), and the permission decision
 * for every permission name Electron 45 can ask about (read from its own type definitions, so names
 * added by a later Electron are covered too).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lockDownWebContents,
  type LockableWebContents,
  type WindowOpenDetails,
} from '../../../../main/shell/security/web-contents-lockdown';
import { decidePermission } from '../../../../main/shell/security/permission-policy';
import { REPO_ROOT } from '../../../e2e/support/paths';

class FakeWebContents extends EventEmitter {
  openHandler: ((details: WindowOpenDetails) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function fire(contents: EventEmitter, name: string, url: string): boolean {
  let prevented = false;
  contents.emit(
    name,
    { url, preventDefault: () => (prevented = true) },
    { preload: '/tmp/evil.js' },
    { src: url },
  );
  return prevented;
}

const TARGETS = [
  'https://example.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://calm-line/index.html',
  'app://calm-line.evil/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
];

describe('web contents lockdown', () => {
  it.each(['will-frame-navigate', 'will-redirect', 'will-attach-webview'])(
    'prevents %s to any URL',
    (event) => {
      const contents = new FakeWebContents();
      const log: string[] = [];
      lockDownWebContents(contents as unknown as LockableWebContents, (m) => log.push(m));
      expect(contents.listenerCount(event)).toBe(1);
      for (const url of TARGETS) expect(fire(contents, event, url), `${event} ${url}`).toBe(true);
      expect(log).toHaveLength(TARGETS.length);
    },
  );

  it('denies window.open and target=_blank for every URL', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as unknown as LockableWebContents);
    expect(contents.openHandler).toBeDefined();
    for (const url of TARGETS) expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('leaves an unlocked contents navigable (the fake really reports what a listener does)', () => {
    const contents = new FakeWebContents();
    contents.on('will-frame-navigate', () => undefined);
    expect(fire(contents, 'will-frame-navigate', 'https://example.com/')).toBe(false);
  });
});

function electronPermissionNames(): string[] {
  const types = fs.readFileSync(
    path.join(REPO_ROOT, 'node_modules/electron/electron.d.ts'),
    'utf8',
  );
  const signature =
    /setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+),/.exec(
      types,
    );
  expect(signature, 'Electron types declare setPermissionRequestHandler').not.toBeNull();
  return [...signature![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

describe('permissions', () => {
  const names = electronPermissionNames();
  const app = {
    requestingOrigin: 'app://calm-line/index.html',
    isMainFrame: true,
    mediaTypes: ['audio'],
  } as const;

  it('knows Electron 45’s permission names', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names).toEqual(
      expect.arrayContaining(['media', 'display-capture', 'notifications', 'openExternal', 'usb']),
    );
  });

  it('grants only the microphone to the app’s top frame (display capture only where loopback exists)', () => {
    const granted = names.filter((permission) =>
      decidePermission({ ...app, permission, systemLoopbackSupported: false }),
    );
    expect(granted).toEqual(['media']);
    const withLoopback = names.filter((permission) =>
      decidePermission({ ...app, permission, systemLoopbackSupported: true }),
    );
    expect(withLoopback.sort()).toEqual(['display-capture', 'media']);
  });

  it.each([
    ['a subframe of the app', { ...app, isMainFrame: false }],
    ['a web page', { ...app, requestingOrigin: 'https://example.com' }],
    ['a local file', { ...app, requestingOrigin: 'file:///index.html' }],
    ['the camera', { ...app, mediaTypes: ['video'] }],
  ])('grants nothing to %s', (_label, query) => {
    for (const permission of names) {
      expect(
        decidePermission({ ...query, permission, systemLoopbackSupported: true }),
        permission,
      ).toBe(
        permission === 'display-capture' &&
          query.isMainFrame &&
          query.requestingOrigin.startsWith('app://'),
      );
    }
  });
});
