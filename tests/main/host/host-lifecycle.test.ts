/**
 * The start and close sequence both hosts run (main/host/host-lifecycle.ts), seen from outside: the phone
 * software's command reaches the page once the host has started and finds no app once it has closed,
 * Settings shows the command line (or why there is none), service events reach the pages until close, and
 * what was saved is there when the host opens again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHost, type Host, type HostOptions } from '../../../main/host/host-lifecycle';
import { discoveryFilePath } from '../../../main/call-events/discovery-file';
import { hookScriptName } from '../../../main/call-events/hook-scripts';
import { runCall } from '../../../main/cli/call';
import type { HostEventName, HostEvents } from '../../../preload/contract/ipc-contract';
import type { IpcResult } from '../../../preload/contract/ipc-result';
import { sessionAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';
import { BROWSER_HOST_FEATURES } from '../../../main/host/host-features';

const dirs = tempDirs('host-lifecycle');
const opened: Host[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((host) => host.close()));
  dirs.cleanup();
});

function open(dataDir: string, overrides: Partial<HostOptions> = {}): Host {
  const host = openHost({
    dataDir,
    host: 'browser',
    features: BROWSER_HOST_FEATURES,
    exportTargets: { choose: async () => null },
    callEndpoint: {
      program: ['/usr/bin/node', '/opt/calm-line/out/cli/call.js'],
      defaultDataDir: '/home/agent/.config/Calm Line',
      hooksDir: dirs.make(),
    },
    ...overrides,
  });
  opened.push(host);
  return host;
}

/** A page that hears every host event and answers each call event as the coach would. */
function page(host: Host) {
  const heard: { event: HostEventName; payload: unknown }[] = [];
  return {
    heard,
    count: () => 1,
    emit<E extends HostEventName>(event: E, payload: HostEvents[E]) {
      heard.push({ event, payload });
      if (event === 'call-event') {
        const { eventId, event: call } = payload as HostEvents['call-event'];
        void host.handlers.answerCallEvent({
          eventId,
          answer: { outcome: 'applied', did: `Page did ${call.kind}.` },
        });
      }
    },
  };
}

const valueOf = async <T>(result: IpcResult<T> | Promise<IpcResult<T>>): Promise<T> => {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.message);
  return settled.value;
};

describe('a host that has started', () => {
  it("takes the phone software's command and hands the event to the page", async () => {
    const dataDir = dirs.make();
    const host = open(dataDir);
    const pages = page(host);
    await host.start(pages);

    const sent = await runCall(['mark', '--data-dir', dataDir]);
    expect(sent).toMatchObject({ code: 0 });
    expect(sent.line).toContain('Page did mark.');
    expect(pages.heard.map((h) => h.event)).toContain('call-event');
  });

  it('gives Settings the command line for this data folder and the hook script beside the app', async () => {
    const dataDir = dirs.make();
    const hooksDir = dirs.make();
    fs.writeFileSync(path.join(hooksDir, hookScriptName()), '#!/bin/sh\n');
    const host = open(dataDir, {
      callEndpoint: {
        program: ['/usr/bin/node', '/opt/calm-line/out/cli/call.js'],
        defaultDataDir: '/home/agent/.config/Calm Line',
        hooksDir,
      },
    });
    await host.start(page(host));

    const setup = await valueOf(host.handlers.getCallEventSetup(undefined));
    expect(setup.problem).toBeNull();
    expect(setup.command).toBe(
      `/usr/bin/node /opt/calm-line/out/cli/call.js --data-dir ${dataDir}`,
    );
    expect(setup.hookScript).toBe(path.join(hooksDir, hookScriptName()));
  });

  it('says in Settings why the phone software cannot reach it, and serves the page all the same', async () => {
    const host = open(dirs.make(), {
      startEndpoint: () => Promise.reject(new Error('listen EACCES 127.0.0.1')),
    });
    await host.start(page(host));

    const setup = await valueOf(host.handlers.getCallEventSetup(undefined));
    expect(setup.command).toBeNull();
    expect(setup.problem).toContain('listen EACCES 127.0.0.1');
    expect(setup).toMatchObject({
      problemKind: 'port-refused',
      problemDetail: 'listen EACCES 127.0.0.1',
    });
    expect((await valueOf(host.handlers.getSettings(undefined))).ui.compact).toBe(false);
  });

  it('tells the pages when settings change', async () => {
    const host = open(dirs.make());
    const pages = page(host);
    await host.start(pages);

    await valueOf(host.handlers.updateSettings({ ui: { compact: true } }));
    const changed = pages.heard.filter((h) => h.event === 'settings-changed');
    expect(changed).toHaveLength(1);
    expect((changed[0].payload as HostEvents['settings-changed']).ui.compact).toBe(true);
  });
});

describe('closing a host', () => {
  it('removes the discovery file before its first await, so the command says no app is running', async () => {
    const dataDir = dirs.make();
    const host = open(dataDir);
    await host.start(page(host));
    expect(fs.existsSync(discoveryFilePath(dataDir))).toBe(true);

    const closing = host.close();
    expect(fs.existsSync(discoveryFilePath(dataDir))).toBe(false);
    await closing;
    expect(host.close()).toBe(closing);
    expect(await runCall(['mark', '--data-dir', dataDir])).toMatchObject({ code: 3 });
  });

  it('leaves no discovery file when it closes while the endpoint is still opening', async () => {
    const dataDir = dirs.make();
    let release = (): void => {};
    const host = open(dataDir, {
      startEndpoint: async (options) => {
        await new Promise<void>((resolve) => (release = resolve));
        const { startCallEventServer } =
          await import('../../../main/call-events/call-event-server');
        return startCallEventServer(options);
      },
    });
    const started = host.start(page(host));
    const closed = host.close();
    release();
    await Promise.all([started, closed]);
    expect(fs.existsSync(discoveryFilePath(dataDir))).toBe(false);
  });

  it('stops telling the pages about changes', async () => {
    const host = open(dirs.make());
    const pages = page(host);
    await host.start(pages);
    await host.close();

    pages.heard.length = 0;
    host.services.settings.update({ ui: { compact: true } });
    expect(pages.heard).toEqual([]);
  });

  it('keeps what was saved: the next host on the same folder lists the session', async () => {
    const dataDir = dirs.make();
    const first = open(dataDir);
    await first.start(page(first));
    const session = sessionAt(seededRandom(7), { startedMs: Date.parse('2026-03-02T10:00:00Z') });
    await valueOf(first.handlers.saveSession({ session }));
    await first.close();

    const second = open(dataDir);
    await second.start(page(second));
    const list = await valueOf(second.handlers.listSessions({}));
    expect(list.rows.map((row) => row.id)).toEqual([session.id]);
  });
});
