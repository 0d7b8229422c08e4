import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../../main/shell/security/app-origin';
import { buildContentSecurityPolicy } from '../../../../main/host/content-security-policy';
import {
  decidePermission,
  type PermissionQuery,
} from '../../../../main/shell/security/permission-policy';
import { isTrustedSender } from '../../../../main/shell/security/sender-policy';
import { relativeStaticPath } from '../../../../main/host/static-files';

describe('IPC sender validation', () => {
  it('trusts only the top frame of a page on app://calm-line', () => {
    expect(isTrustedSender({ frameUrl: 'app://calm-line/index.html', isTopFrame: true })).toBe(
      true,
    );
    expect(
      isTrustedSender({ frameUrl: 'app://calm-line/index.html#/settings', isTopFrame: true }),
    ).toBe(true);
  });

  it.each([
    ['a subframe of the app', 'app://calm-line/index.html', false],
    ['another app:// host', 'app://calm-line.evil/index.html', true],
    ['a port on the app host', 'app://calm-line:8080/index.html', true],
    ['credentials in the URL', 'app://user:pw@calm-line/index.html', true],
    ['a web page', 'https://calm-line/index.html', true],
    ['a local file', 'file:///work/out/renderer/index.html', true],
    ['the browser host origin', 'http://127.0.0.1:5173/', true],
    ['a destroyed frame', undefined, true],
    ['an empty URL', '', true],
    ['about:blank', 'about:blank', true],
  ] as const)('refuses %s', (_label, frameUrl, isTopFrame) => {
    expect(isTrustedSender({ frameUrl, isTopFrame })).toBe(false);
  });
});

describe('permission decision', () => {
  const base: PermissionQuery = {
    permission: 'media',
    requestingOrigin: 'app://calm-line/index.html',
    isMainFrame: true,
    mediaTypes: ['audio'],
    systemLoopbackSupported: false,
  };

  it('grants the microphone to the app', () => {
    expect(decidePermission(base)).toBe(true);
    expect(decidePermission({ ...base, requestingOrigin: 'app://calm-line' })).toBe(true);
  });

  it('refuses cameras, mixed requests and empty media requests', () => {
    expect(decidePermission({ ...base, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermission({ ...base, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(decidePermission({ ...base, mediaTypes: [] })).toBe(false);
    expect(decidePermission({ ...base, mediaTypes: ['unknown'] })).toBe(false);
  });

  it('refuses other origins and subframes, even for the microphone', () => {
    expect(decidePermission({ ...base, requestingOrigin: 'https://example.com' })).toBe(false);
    expect(decidePermission({ ...base, requestingOrigin: 'file:///index.html' })).toBe(false);
    expect(decidePermission({ ...base, requestingOrigin: undefined })).toBe(false);
    expect(decidePermission({ ...base, isMainFrame: false })).toBe(false);
  });

  it('grants display capture only where system loopback exists', () => {
    const capture = { ...base, permission: 'display-capture', mediaTypes: [] };
    expect(decidePermission(capture)).toBe(false);
    expect(decidePermission({ ...capture, systemLoopbackSupported: true })).toBe(true);
    expect(
      decidePermission({ ...capture, systemLoopbackSupported: true, isMainFrame: false }),
    ).toBe(false);
  });

  it.each([
    'notifications',
    'geolocation',
    'clipboard-read',
    'openExternal',
    'midi',
    'hid',
    'fullscreen',
  ])('refuses %s', (permission) => {
    expect(decidePermission({ ...base, permission, systemLoopbackSupported: true })).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = (csp: string) =>
    new Map(
      csp.split(';').map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );

  it('allows scripts only from the app itself, never inline or eval; WebAssembly may compile', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(buildContentSecurityPolicy()).not.toContain("'unsafe-eval'");
  });

  it('adds the browser host socket to connect-src only', () => {
    const csp = directives(
      buildContentSecurityPolicy({ connectSources: ['ws://127.0.0.1:4567/ipc'] }),
    );
    expect(csp.get('connect-src')).toContain('ws://127.0.0.1:4567/ipc');
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});

describe('app origin and static paths', () => {
  it('recognises the app origin exactly', () => {
    expect(isAppUrl('app://calm-line/assets/index.js')).toBe(true);
    expect(isAppUrl('app://calm-line.example/')).toBe(false);
    expect(isAppUrl('app://calm-line@evil/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('maps URL paths to files inside the root and refuses everything that could leave it', () => {
    expect(relativeStaticPath('/')).toBe('index.html');
    expect(relativeStaticPath('/assets/index-abc.js')).toBe('assets/index-abc.js');
    expect(relativeStaticPath('/assets/my%20font.woff2')).toBe('assets/my font.woff2');
    for (const bad of [
      '/../secret',
      '/assets/../../secret',
      '/%2e%2e/secret',
      '/assets/..%2f..%2fsecret',
      '/..%5csecret',
      '/assets/%00.js',
      '/assets//x.js',
      '/%E0%A4%A',
      '/C:/Windows/win.ini',
      'relative',
    ]) {
      expect(relativeStaticPath(bad), bad).toBeUndefined();
    }
  });
});
