import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Settings } from '../../../preload/contract/settings-schema';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host';
import {
  createBrowserHostClient,
  type ConnectSocket,
} from '../../../renderer/src/api/browser-host-client';
import { writeFakeRenderer } from '../../main/support/host-requests';
import { tempDirs } from '../../main/support/temp-dirs';

const dirs = tempDirs('client');
const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  dirs.cleanup();
});

async function start(dataDir: string, port = 0): Promise<BrowserHost> {
  const rendererDir = path.join(dataDir, '..', 'renderer');
  writeFakeRenderer(rendererDir);
  const host = await startBrowserHost({ dataDir, rendererDir, port });
  hosts.push(host);
  return host;
}

/**
 * What the page's WebSocket does in a browser: connect to the page's own origin with the session cookie.
 * `current()` is read on every (re)connect, as a browser would send whatever cookie it holds then.
 */
function connectAs(current: () => BrowserHost): ConnectSocket {
  return (handlers) => {
    const host = current();
    const token = new URL(host.url).searchParams.get('token');
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, {
      origin: host.origin,
      headers: { Cookie: `calm-line-session-${host.port}=${token}` },
    });
    socket.on('open', () => handlers.onOpen());
    socket.on('message', (data) => handlers.onMessage(data.toString()));
    socket.on('close', () => handlers.onClose());
    socket.on('error', () => undefined);
    return { send: (text) => socket.send(text), close: () => socket.close() };
  };
}

describe('renderer browser-host client against the real host', () => {
  it('calls the contract methods and hears settings-changed', async () => {
    const host = await start(path.join(dirs.make(), 'data'));
    const api = createBrowserHostClient({ connect: connectAs(() => host) });
    const heard = new Promise<Settings>((resolve) => api.on('settings-changed', resolve));
    const info = await api.getAppInfo();
    expect(info.ok && info.value.host).toBe('browser');
    const updated = await api.updateSettings({ audio: { agentSide: 'right' } });
    expect(updated.ok && updated.value.audio.agentSide).toBe('right');
    expect((await heard).audio.agentSide).toBe('right');
    const invalid = await api.updateSettings({ cue: { minHoldSec: -1 } });
    expect(invalid).toMatchObject({ ok: false, code: 'invalid-payload' });
    api.dispose();
  });

  it('fails calls clearly while the host is gone and reconnects when it is back', async () => {
    const dataDir = path.join(dirs.make(), 'data');
    let host = await start(dataDir);
    const api = createBrowserHostClient({
      connect: connectAs(() => host),
      reconnectDelaysMs: [20, 50],
    });
    const events: Settings[] = [];
    api.on('settings-changed', (settings) => events.push(settings));
    expect((await api.getSettings()).ok).toBe(true);

    const port = host.port;
    await hosts.splice(0)[0].close();
    const whileDown = await api.getSettings();
    expect(whileDown).toMatchObject({ ok: false, code: 'host-unavailable' });
    expect(!whileDown.ok && whileDown.message).toMatch(/Calm Line host/);

    // Same data folder, same port, a new token: the client's next connection uses the new cookie.
    host = await start(dataDir, port);
    await expect.poll(async () => (await api.getSettings()).ok).toBe(true);
    const afterRestart = await api.updateSettings({ ui: { compact: true } });
    expect(afterRestart.ok && afterRestart.value.ui.compact).toBe(true);
    await expect.poll(() => events.some((settings) => settings.ui.compact)).toBe(true);
    api.dispose();
    expect(await api.getSettings()).toMatchObject({ ok: false, code: 'host-unavailable' });
  });
});
