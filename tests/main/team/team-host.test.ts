/**
 * The team store inside a host (the one assembly both hosts use) against a real PostgreSQL: a session
 * saved through the IPC contract is queued and reaches the store by itself, and the status says so; a
 * lead's host lists the team's sessions and the charts' figures through the contract; a host without
 * `team-store.json` reports 'off'; an unusable configuration is an error status, while saving goes on.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/host/handlers';
import { openHostServices, type OpenedHostServices } from '../../../main/host/host-services';
import type { Session } from '../../../preload/contract/session-schema';
import type { TeamSyncStatus } from '../../../preload/contract/team-store-schema';
import { makeSessions } from '../../support/session-factory';
import { postgresUnavailableReason } from '../../support/postgres-server';
import { agentDataDir, startTeamFixture, type TeamFixture } from './team-fixture';
import { BROWSER_HOST_FEATURES } from '../../../main/host/host-features';

const unavailable = postgresUnavailableReason();
const ANA = { role: 'ana', password: 'pw-ana', teamId: 'north', agentId: 'ana' };

const until = async (check: () => boolean, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

function openHost(dataDir: string): OpenedHostServices {
  return openHostServices({
    dataDir,
    host: 'browser',
    features: BROWSER_HOST_FEATURES,
    exportTargets: { choose: async () => null },
  });
}

const call = async (host: OpenedHostServices, method: string, payload?: unknown) => {
  const handlers = createHandlers(host);
  return dispatch(handlers, method, payload);
};

describe.skipIf(unavailable !== null)('team store in the host (real PostgreSQL)', () => {
  let fx: TeamFixture;
  const dirs: string[] = [];
  const hosts: OpenedHostServices[] = [];

  beforeAll(async () => {
    fx = await startTeamFixture();
    await fx.addAgent(ANA);
    await fx.addLead('lena', 'pw-lena', ['north']);
  });
  afterAll(async () => {
    for (const host of hosts) {
      host.sessions.close();
      await host.sessions.team.close();
    }
    await fx?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a session saved through the contract reaches the store by itself; the status says synced', async () => {
    const dir = agentDataDir(fx.config(ANA));
    dirs.push(dir);
    const host = openHost(dir);
    hosts.push(host);
    const [session] = makeSessions(1, { seed: 31, agents: ['Ana Souza'] }) as Session[];
    const saved = await call(host, 'saveSession', { session });
    expect(saved.ok).toBe(true);
    await until(() => host.sessions.team.status().state === 'synced');
    const status = (await call(host, 'getTeamStatus')) as { ok: true; value: TeamSyncStatus };
    expect(status.value).toMatchObject({
      state: 'synced',
      queued: 0,
      teamId: 'north',
      agentId: 'ana',
      store: `127.0.0.1:${fx.server.port}/calm`,
      error: null,
    });
    const { rows } = await fx.admin.query('SELECT agent_id FROM calm_sessions WHERE id = $1', [
      session.id,
    ]);
    expect(rows).toEqual([{ agent_id: 'ana' }]);
  });

  it('with includeTimeline the 100 ms timeline goes too; without it, never (and never any audio)', async () => {
    const tim = { role: 'tim', password: 'pw-tim', teamId: 'west', agentId: 'tim' };
    await fx.addAgent(tim);
    const dir = agentDataDir({ ...fx.config(tim), includeTimeline: true });
    dirs.push(dir);
    const host = openHost(dir);
    hosts.push(host);
    const [withTimeline, without] = makeSessions(2, { seed: 33, agents: ['Tim'] });
    const timeline = {
      stepSec: 0.1,
      caller: { momentary: [-23.5, null, -20], shortTerm: [-24, -23, null] },
      agent: { momentary: [-30, -29.5, null], shortTerm: [null, -31, -30] },
    };
    expect(await call(host, 'saveCallTimeline', { id: withTimeline.id, timeline })).toMatchObject({
      ok: true,
    });
    expect(await call(host, 'saveSession', { session: withTimeline })).toMatchObject({ ok: true });
    expect(await call(host, 'saveSession', { session: without })).toMatchObject({ ok: true });
    await until(() => host.sessions.team.status().state === 'synced');
    const { rows } = await fx.admin.query(
      'SELECT id, timeline, has_timeline FROM calm_sessions WHERE agent_id = $1 ORDER BY has_timeline DESC',
      ['tim'],
    );
    expect(rows).toEqual([
      { id: withTimeline.id, timeline, has_timeline: true },
      { id: without.id, timeline: null, has_timeline: false },
    ]);
  });

  it("a lead's host lists the team's sessions and the charts' figures through the contract", async () => {
    const dir = agentDataDir(fx.config({ role: 'lena', password: 'pw-lena', teamId: 'north' }));
    dirs.push(dir);
    const host = openHost(dir);
    hosts.push(host);
    const page = await call(host, 'listTeamSessions', { team: 'north', limit: 10 });
    expect(page).toMatchObject({ ok: true, value: { total: 1, offset: 0 } });
    const rows = (page as { ok: true; value: { rows: { agent: string }[] } }).value.rows;
    expect(rows.map((r) => r.agent)).toEqual(['Ana Souza']);
    const figures = await call(host, 'getTeamFigures', { team: 'north' });
    expect(figures).toMatchObject({ ok: true, value: { teams: ['north'] } });
    const calls = (figures as { ok: true; value: { calls: { calls: number }[] } }).value.calls;
    expect(calls.reduce((n, day) => n + day.calls, 0)).toBe(1);
    const bad = await call(host, 'listTeamSessions', { team: "north'; DROP TABLE x; --" });
    expect(bad).toMatchObject({ ok: false, code: 'invalid-payload' });
  });

  it('sessions saved before the store was configured count as queued from the first moment', async () => {
    const dir = agentDataDir(
      fx.config({ ...ANA, password: 'wrong-password' }),
      makeSessions(5, { seed: 34, agents: ['Ana Souza'] }),
    );
    dirs.push(dir);
    const host = openHost(dir);
    hosts.push(host);
    expect(host.sessions.team.status()).toMatchObject({ state: 'queued', queued: 5 });
    await until(() => host.sessions.team.status().state === 'error');
    expect(host.sessions.team.status()).toMatchObject({ queued: 5 });
    expect(host.sessions.team.status().error).toMatch(/refused the login of "ana"/);
  });

  it("without team-store.json the status is 'off' and the team methods say no store is configured", async () => {
    const dir = agentDataDir(null);
    dirs.push(dir);
    const host = openHost(dir);
    hosts.push(host);
    expect(await call(host, 'getTeamStatus')).toMatchObject({ ok: true, value: { state: 'off' } });
    expect(await call(host, 'listTeamSessions', {})).toEqual({
      ok: false,
      code: 'internal',
      message:
        'No team store is configured on this computer (IT places team-store.json in the data folder).',
      reason: 'team-store-not-configured',
    });
  });

  it('an unusable configuration is an error status with the reason; sessions are still saved', async () => {
    const dir = agentDataDir({ url: 'postgres://ana@db/calm', teamId: 'north' });
    dirs.push(dir);
    const host = openHost(dir);
    hosts.push(host);
    const status = (await call(host, 'getTeamStatus')) as { ok: true; value: TeamSyncStatus };
    expect(status.value.state).toBe('error');
    expect(status.value.error).toBe(
      `the team store's configuration is unusable: ${dir}/team-store.json: agentId expected string, received undefined.`,
    );
    const [session] = makeSessions(1, { seed: 32 });
    expect(await call(host, 'saveSession', { session })).toMatchObject({ ok: true });
  });
});

// Said only where PostgreSQL is missing (never counted as a skipped test where it runs).
if (unavailable !== null) {
  describe('team store in the host', () => {
    it.skip(`needs PostgreSQL: ${unavailable}`, () => undefined);
  });
}
