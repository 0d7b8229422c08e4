import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../preload/contract/settings-schema';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host';
import { checkRequestSource } from '../../../main/browser-host/request-guard';
import { isLoopbackAddress } from '../../../main/call-events/loopback-address';
import { closed, frames, openSocket, request, writeFakeRenderer } from '../support/host-requests';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('browser-host');
const logs: string[] = [];
let host: BrowserHost;
let token: string;
let cookie: string;
let rendererDir: string;
const SECRET = 'calm-line-secret-outside-the-renderer';

beforeAll(async () => {
  const root = dirs.make();
  rendererDir = path.join(root, 'renderer');
  writeFakeRenderer(rendererDir);
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'linked.txt'));
  const log = (message: string) => logs.push(message);
  host = await startBrowserHost({ dataDir: path.join(root, 'data'), rendererDir, log });
  token = new URL(host.url).searchParams.get('token') ?? '';
  cookie = `calm-line-session-${host.port}=${token}`;
});
afterAll(async () => {
  await host.close();
  dirs.cleanup();
});

const origin = () => host.origin;

describe('browser host: where it listens', () => {
  it('is bound to 127.0.0.1 on the port it reports', () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url.startsWith(`${host.origin}/?token=`)).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(40);
  });

  it('does not answer on other loopback addresses (it is not bound to all interfaces)', async () => {
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });

  it('refuses requests from non-loopback peers', () => {
    const sourceCheck = (remoteAddress: string | undefined) =>
      checkRequestSource(
        { remoteAddress, host: `127.0.0.1:${host.port}`, origin: undefined },
        host.port,
        false,
      );
    for (const remoteAddress of [
      '192.168.1.20',
      '10.0.0.5',
      '::ffff:172.16.0.9',
      'fe80::1',
      undefined,
    ]) {
      expect(isLoopbackAddress(remoteAddress)).toBe(false);
      expect(sourceCheck(remoteAddress)).toMatchObject({ ok: false, status: 403 });
    }
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(sourceCheck(remoteAddress).ok).toBe(true);
    }
  });
});

describe('browser host: the token', () => {
  it('refuses every file without the session cookie', async () => {
    for (const target of ['/', '/index.html', '/assets/index.js', '/favicon.svg']) {
      const response = await request(host.port, target);
      expect(response.status, target).toBe(401);
      expect(response.body).not.toContain('Calm Line test build');
    }
  });

  it('refuses a wrong token or a wrong cookie, and sets no cookie', async () => {
    const wrong = await request(host.port, `/?token=${token.slice(0, -2)}xx`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const wrongCookie = await request(host.port, '/', {
      Cookie: `calm-line-session-${host.port}=${token}x`,
    });
    expect(wrongCookie.status).toBe(401);
    const otherPort = await request(host.port, '/', {
      Cookie: `calm-line-session-${host.port + 1}=${token}`,
    });
    expect(otherPort.status).toBe(401);
  });

  it('swaps the token for an HttpOnly SameSite=Strict cookie and moves the page to /', async () => {
    const response = await request(host.port, `/?token=${token}`);
    expect(response.status).toBe(200);
    const setCookie = response.headers['set-cookie']?.[0] ?? '';
    expect(setCookie.startsWith(`${cookie};`)).toBe(true);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(response.body).toMatch(/<meta http-equiv="refresh" content="0; url=\/">/);
    expect(response.body).not.toContain(token);
  });

  it('refuses a DNS-rebinding Host header even with the right token or cookie', async () => {
    const foreignHosts = [
      `evil.example:${host.port}`,
      `localhost:${host.port}`,
      '127.0.0.1',
      `127.0.0.1:${host.port + 1}`,
    ];
    for (const hostHeader of foreignHosts) {
      expect(
        (await request(host.port, `/?token=${token}`, { Host: hostHeader })).status,
        hostHeader,
      ).toBe(403);
      expect(
        (await request(host.port, '/', { Host: hostHeader, Cookie: cookie })).status,
        hostHeader,
      ).toBe(403);
    }
  });

  it('refuses a foreign Origin even with the cookie', async () => {
    for (const foreign of ['http://evil.example', `http://localhost:${host.port}`, 'null']) {
      expect(
        (await request(host.port, '/assets/index.js', { Origin: foreign, Cookie: cookie })).status,
      ).toBe(403);
    }
    expect(
      (await request(host.port, '/assets/index.js', { Origin: origin(), Cookie: cookie })).status,
    ).toBe(200);
  });

  it('only serves GET and HEAD', async () => {
    expect((await request(host.port, '/', { Cookie: cookie }, 'POST')).status).toBe(405);
    const head = await request(host.port, '/', { Cookie: cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('browser host: static files', () => {
  it('serves the renderer with the CSP and nosniff on every response', async () => {
    const index = await request(host.port, '/', { Cookie: cookie });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Calm Line test build');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`ws://127.0.0.1:${host.port}/ipc`);
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const refused = await request(host.port, '/');
    expect(refused.headers['content-security-policy']).toBe(csp);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/index.js', 'text/javascript; charset=utf-8'],
    ['/assets/coach-worklet.js', 'text/javascript; charset=utf-8'],
    ['/assets/index.css', 'text/css; charset=utf-8'],
    ['/assets/engine.wasm', 'application/wasm'],
    ['/assets/inter.woff2', 'font/woff2'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/manifest.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (target, type) => {
    const response = await request(host.port, target, { Cookie: cookie });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/linked.txt',
    '/assets/',
    '/missing.js',
  ])('does not serve %s', async (target) => {
    const response = await request(host.port, target, { Cookie: cookie });
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });
});

describe('browser host: IPC over WebSocket', () => {
  const good = () => ({ cookie, origin: origin() });

  it('refuses a socket without the cookie, with a wrong one, or from another origin or host', async () => {
    const refusal = (options: Parameters<typeof openSocket>[1]) =>
      openSocket(host.port, options).then(
        (socket) => {
          socket.close();
          return 'opened';
        },
        (error: { status?: number }) => error.status,
      );
    expect(await refusal({ origin: origin() })).toBe(401);
    expect(await refusal({ origin: origin(), cookie: `${cookie}0` })).toBe(401);
    expect(await refusal({ cookie })).toBe(403);
    expect(await refusal({ cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await refusal({ ...good(), host: `evil.example:${host.port}` })).toBe(403);
    expect(await refusal(good())).toBe('opened');
  });

  it('answers getSettings, persists updateSettings to disk, and tells every open window', async () => {
    const first = await openSocket(host.port, good());
    const second = await openSocket(host.port, good());
    const a = frames(first);
    const b = frames(second);
    const initial = await a.call('getSettings');
    expect(initial.ok).toBe(true);

    const updated = await a.call('updateSettings', {
      cue: { heatedMarginLu: 9 },
      ui: { alwaysOnTop: true },
    });
    expect(updated.ok && (updated.value as Settings).cue.heatedMarginLu).toBe(9);
    const onDisk = JSON.parse(fs.readFileSync(host.settingsPath, 'utf8')) as Settings;
    expect(onDisk.cue.heatedMarginLu).toBe(9);
    expect(onDisk.ui.alwaysOnTop).toBe(true);
    expect(path.dirname(host.settingsPath)).toBe(host.dataDir);

    const event = await b.next(
      (frame) => frame.type === 'event' && frame.event === 'settings-changed',
    );
    expect(event.type === 'event' && (event.payload as Settings).cue.heatedMarginLu).toBe(9);

    const reset = await b.call('resetSettings');
    expect(reset.ok && (reset.value as Settings).cue).toEqual(DEFAULT_SETTINGS.cue);
    first.close();
    second.close();
  });

  it('answers bad calls with results and reports the browser host without desktop features', async () => {
    const socket = await openSocket(host.port, good());
    const rpc = frames(socket);
    expect(await rpc.call('deleteEverything')).toMatchObject({ ok: false, code: 'unknown-method' });
    const invalid = await rpc.call('updateSettings', { cue: { pauseSec: 'soon' } });
    expect(invalid).toMatchObject({ ok: false, code: 'invalid-payload' });
    const info = await rpc.call('getAppInfo');
    expect(info).toMatchObject({
      ok: true,
      value: {
        host: 'browser',
        features: { globalHotkeys: false, tray: false, systemLoopback: false },
      },
    });
    socket.close();
  });

  it('closes a socket that sends something other than a call frame', async () => {
    const socket = await openSocket(host.port, good());
    const code = closed(socket);
    socket.send('{"type":"call","method":"getSettings"}');
    expect(await code).toBe(1008);
  });

  it('never writes the token to its log', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(token);
  });
});
