/**
 * Rehearsals (Practice) in the team store, over a real PostgreSQL: kept locally like sessions, queued
 * before they are kept, sent by the same sync to their own table — marked practice and never among the
 * calls: the lead's session list, counts and call figures are the sessions alone, the rehearsals are
 * their own figures. Row-level security holds as for sessions: an agent reads and writes its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openTeamStore } from '../../../main/team/team-store';
import { MIGRATIONS, migrate, StoreVersionError } from '../../../main/team/store-migrations';
import { localDay } from '../../../preload/domain/calendar-day';
import { makeSessions } from '../../support/session-factory';
import { postgresUnavailableReason } from '../../support/postgres-server';
import { practiceRun } from '../../support/practice-runs';
import { agentDataDir, openAgentApp, startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = postgresUnavailableReason();

const ANA = { role: 'ana', password: 'pw-ana', teamId: 'north', agentId: 'ana' };
const BO = { role: 'bo', password: 'pw-bo', teamId: 'north', agentId: 'bo' };
const now = Date.now();
const ago = (days: number) => new Date(now - days * 86_400_000).toISOString();
const RUN_A = practiceRun('a0000000-0000-4000-8000-000000000001', ago(2), {
  turns: 4,
  waited: 4,
  answeredSoftly: 3,
  talkedOver: 0,
});
const RUN_B = practiceRun('a0000000-0000-4000-8000-000000000002', ago(1), {
  turns: 4,
  waited: 1,
  answeredSoftly: 0,
  talkedOver: 3,
  unanswered: 1,
});

describe.skipIf(unavailable !== null)(`rehearsals in the team store ${unavailable ?? ''}`, () => {
  let fx: TeamFixture;
  const dirs: string[] = [];
  beforeAll(async () => {
    fx = await startTeamFixture();
    await fx.addAgent(ANA);
    await fx.addAgent(BO);
    await fx.addLead('lena', 'pw-lena', ['north']);
  }, 60_000);
  afterAll(async () => {
    await fx?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const today = () => localDay(new Date());
  const lead = () =>
    openTeamStore(fx.poolAs('lena', 'pw-lena'), { teamId: 'north', agentId: 'lena' });

  it('a rehearsal is queued before it is kept, sent to its own table, and never counted as a call', async () => {
    const calls = makeSessions(5, { seed: 31, agents: ['Ana Souza'], fromDay: today(), days: 1 });
    const dir = agentDataDir(fx.config(ANA), calls);
    dirs.push(dir);
    // One rehearsal kept before the store was configured for this folder: the first sync sends it too.
    const before = openAgentApp(dir, fx.config(ANA));
    before.sessions.practice.saveRun(RUN_A);
    await before.close();

    const app = openAgentApp(dir, fx.config(ANA));
    try {
      expect((await app.team.sync!.pushNow()).error).toBeNull();
      // Saved through the app: the queue holds the id the moment the run is kept (the store is not
      // reached until the next push).
      app.practice.saveRun(RUN_B);
      const queueFile = path.join(dir, 'team-sync', 'practice-queue.json');
      expect(fs.readFileSync(queueFile, 'utf8')).toContain(RUN_B.id);
      expect(app.team.status()).toMatchObject({ state: 'queued', queued: 1 });
      expect(await app.team.sync!.pushNow()).toEqual({ sent: 1, refused: 0, error: null });
      expect(app.team.status()).toMatchObject({ state: 'synced', queued: 0 });
    } finally {
      await app.close();
    }

    const { rows } = await fx.admin.query<{ id: string; agent_id: string; run: unknown }>(
      'SELECT id, agent_id, run FROM calm_practice_runs ORDER BY started_at',
    );
    expect(rows.map((r) => [r.id, r.agent_id])).toEqual([
      [RUN_A.id, 'ana'],
      [RUN_B.id, 'ana'],
    ]);
    expect(rows[1].run).toEqual(RUN_B);

    // The lead: five calls, not seven — in the list, the count and the call figures.
    const store = lead();
    expect((await store.list({}, today())).total).toBe(5);
    expect(await store.count({}, today())).toBe(5);
    const figures = await store.figures({}, today(), 'UTC');
    expect(figures.calls.reduce((n, day) => n + day.calls, 0)).toBe(5);
    const sessionIds = (await store.list({ limit: 100 }, today())).rows.map((r) => r.id);
    expect(sessionIds).not.toContain(RUN_A.id);
    expect(sessionIds).not.toContain(RUN_B.id);
    // The rehearsals are their own figures: two, with their turns summed.
    expect(figures.practice).toEqual([
      {
        agent: 'Ana (ana)',
        rehearsals: 2,
        turns: 8,
        waited: 5,
        answeredSoftly: 3,
        talkedOver: 3,
        unanswered: 1,
        lastAt: RUN_B.startedAt,
      },
    ]);
  });

  it('the days and agent filters apply to rehearsals; the call filters do not hide them', async () => {
    const store = lead();
    const yesterday = localDay(new Date(now - 86_400_000));
    const onlyB = await store.figures({ from: yesterday }, today(), 'UTC');
    expect(onlyB.practice.map((p) => p.rehearsals)).toEqual([1]);
    expect((await store.figures({ agent: 'bo' }, today(), 'UTC')).practice).toEqual([]);
    expect(
      (await store.figures({ agent: 'ana', resolution: 'resolved' }, today(), 'UTC')).practice,
    ).toHaveLength(1);
  });

  it('row-level security: another agent reads none of them and cannot write one as Ana', async () => {
    const bo = fx.poolAs(BO.role, BO.password);
    const seen = await bo.query('SELECT count(*)::int AS n FROM calm_practice_runs');
    expect(seen.rows[0].n).toBe(0);
    await expect(
      bo.query(
        `INSERT INTO calm_practice_runs (team_id, id, agent_id, agent_name, scenario_id, scenario_title,
           started_at, ended_at, turns, waited, answered_softly, talked_over, unanswered, run)
         VALUES ('north', gen_random_uuid(), 'ana', 'x', gen_random_uuid(), 'x', now(), now(),
           0, 0, 0, 0, 0, '{}')`,
      ),
    ).rejects.toThrow(/row-level security/);
    // Bo's own app sends Bo's rehearsal; a run id that is Ana's stays Ana's (not taken, with why).
    const dir = agentDataDir(fx.config(BO));
    dirs.push(dir);
    const app = openAgentApp(dir, fx.config(BO));
    try {
      app.practice.saveRun({ ...RUN_A, agent: 'Bo' });
      const result = await app.team.sync!.pushNow();
      expect(result).toEqual({ sent: 0, refused: 1, error: null });
      expect(app.team.status().error).toMatch(/another agent's in team north/);
    } finally {
      await app.close();
    }
    const { rows } = await fx.admin.query<{ agent_id: string }>(
      'SELECT agent_id FROM calm_practice_runs WHERE id = $1',
      [RUN_A.id],
    );
    expect(rows).toEqual([{ agent_id: 'ana' }]);
  });

  it('a store at schema version 2 is refused with what to run; `migrate` brings it to 3', async () => {
    const boot = new pg.Client({ connectionString: fx.server.adminUrl() });
    await boot.connect();
    await boot.query('CREATE DATABASE calm_v2');
    await boot.end();
    const admin = new pg.Pool({ connectionString: fx.server.adminUrl('calm_v2'), max: 1 });
    try {
      await migrate(admin, MIGRATIONS.slice(0, 2));
      await admin.query(`INSERT INTO calm_teams (team_id) VALUES ('north')`);
      const old = openTeamStore(admin, { teamId: 'north', agentId: 'ana' });
      await expect(old.checkReady(false)).rejects.toThrow(StoreVersionError);
      await expect(old.checkReady(false)).rejects.toThrow(
        /schema is version 2; this app needs 3 \(an administrator runs: npm run --silent team -- migrate\)/,
      );
      const result = await migrate(admin);
      expect([result.from, result.to, result.applied.map((m) => m.version)]).toEqual([2, 3, [3]]);
      const store = openTeamStore(admin, { teamId: 'north', agentId: 'ana' });
      await expect(store.checkReady(false)).resolves.toBeUndefined();
      expect(
        (await admin.query('SELECT count(*)::int AS n FROM calm_practice_runs')).rows[0].n,
      ).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
