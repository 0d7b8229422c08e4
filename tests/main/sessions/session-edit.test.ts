import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { editedSession, wrapUpChanges } from '../../../main/sessions/session-edit';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices } from '../../../main/host/session-services';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { sessionSchema, type Session } from '../../../preload/contract/session-schema';
import { postgresUnavailableReason } from '../../support/postgres-server';
import { makeTimeline, sessionAt, seededRandom } from '../../support/session-factory';
import { agentDataDir, openAgentApp, startTeamFixture } from '../team/team-fixture';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-edit');
afterEach(() => dirs.cleanup());

const rng = seededRandom(27);
const saved = (): Session => ({
  ...sessionAt(rng, { startedMs: Date.parse('2026-11-02T10:00:00Z') }),
  savedAt: '2026-11-02T10:12:00.000Z',
});

describe('correcting a saved wrap-up', () => {
  it('lists each changed field with its words before and after', () => {
    const s = { ...saved(), wrapUp: { ...saved().wrapUp, resolution: 'partly' as const } };
    const after = {
      ...s.wrapUp,
      resolution: 'resolved' as const,
      notes: 'Refund confirmed by phone',
      escalation: { ...s.wrapUp.escalation },
    };
    const changes = wrapUpChanges(s.wrapUp, after);
    expect(changes.map((c) => c.field)).toEqual(['resolution', 'notes']);
    expect(changes[0]).toEqual({ field: 'resolution', before: 'partly', after: 'resolved' });
    expect(changes.find((c) => c.field === 'notes')).toEqual({
      field: 'notes',
      before: s.wrapUp.notes,
      after: 'Refund confirmed by phone',
    });
  });

  it('keeps who changed what and when, with savedAt the correction’s (never older); nothing changed: the same session', () => {
    const s = saved();
    const at = new Date('2026-12-06T13:40:00Z');
    const once = editedSession(s, { ...s.wrapUp, caseReference: 'CASE-1' }, ' Sam ', at);
    expect(once.savedAt).toBe(at.toISOString());
    expect(once.edits).toEqual([
      {
        at: at.toISOString(),
        by: 'Sam',
        changes: [{ field: 'caseReference', before: s.wrapUp.caseReference, after: 'CASE-1' }],
      },
    ]);
    expect(sessionSchema.safeParse(once).success).toBe(true);
    const twice = editedSession(once, { ...once.wrapUp, notes: 'x' }, 'Lena', new Date(0));
    expect(twice.savedAt).toBe(once.savedAt);
    expect(twice.edits?.map((e) => e.by)).toEqual(['Sam', 'Lena']);
    expect(editedSession(twice, twice.wrapUp, 'Sam', at)).toBe(twice);
  });
});

describe('over the contract', () => {
  function host() {
    const dataDir = dirs.make();
    const services = openSessionServices({ dataDir, teamStore: false });
    const handlers = createSessionHandlers(services) as unknown as IpcHandlers;
    return { dataDir, services, call: (m: string, p: unknown) => dispatch(handlers, m, p) };
  }

  it('editSession stores the correction with its history; the log and a new start see it', async () => {
    const { dataDir, services, call } = host();
    const s = saved();
    services.repository.save(s);
    const r = await call('editSession', {
      id: s.id,
      wrapUp: { ...s.wrapUp, resolution: 'escalated' },
      by: 'Sam',
    });
    expect(r.ok).toBe(true);
    services.close();
    const reopened = openSessionServices({ dataDir, teamStore: false });
    const stored = reopened.repository.get(s.id)!;
    expect(stored.wrapUp.resolution).toBe('escalated');
    expect(stored.edits?.[0].by).toBe('Sam');
    expect(reopened.repository.list({}).rows[0].resolution).toBe('escalated');
    reopened.close();
  });

  it('deleteSession removes the session, its timeline and its recording; discardCall never a saved one', async () => {
    const { dataDir, services, call } = host();
    const s = saved();
    await call('saveCallTimeline', { id: s.id, timeline: makeTimeline(rng, 30) });
    services.repository.save(s);
    expect(services.timelines.has(s.id)).toBe(true);
    expect((await call('discardCall', { id: s.id })).ok).toBe(false);
    expect(services.repository.has(s.id)).toBe(true);
    const r = await call('deleteSession', { id: s.id });
    expect(r).toEqual({ ok: true, value: { deleted: true } });
    expect(services.repository.has(s.id)).toBe(false);
    expect(services.timelines.has(s.id)).toBe(false);
    expect(services.repository.list({}).total).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'sessions'))).toBe(true);
  });

  it('discardCall drops the open draft and the timeline of a call never saved', async () => {
    const { services, call } = host();
    const s = saved();
    await call('saveCallTimeline', { id: s.id, timeline: makeTimeline(rng, 2) });
    await call('saveDraft', {
      callId: s.id,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      call: s.call,
      wrapUp: s.wrapUp,
      step: 'priorities',
      updatedAt: s.savedAt,
      agent: 'Sam',
    });
    expect((await call('discardCall', { id: s.id })).ok).toBe(true);
    expect(services.drafts.get()).toBeNull();
    expect(services.timelines.has(s.id)).toBe(false);
    expect(services.repository.has(s.id)).toBe(false);
  });
});

const noPostgres = postgresUnavailableReason();
describe.skipIf(noPostgres !== null)('the team store gets the corrected copy', () => {
  it('an edited session is sent again and replaces the stored row (the newer savedAt wins)', async () => {
    const fx = await startTeamFixture();
    try {
      const login = { role: 'ana', password: 'pw-ana', teamId: 'north', agentId: 'ana' };
      await fx.addAgent(login);
      const s = saved();
      const dir = agentDataDir(fx.config(login), [s]);
      const app = openAgentApp(dir, fx.config(login));
      try {
        expect((await app.team.sync!.pushNow()).error).toBeNull();
        const handlers = createSessionHandlers({
          ...app.sessions,
          repository: app.repository,
        }) as unknown as IpcHandlers;
        const r = await dispatch(handlers, 'editSession', {
          id: s.id,
          wrapUp: { ...s.wrapUp, caseReference: 'CASE-EDITED' },
          by: 'Ana Souza',
        });
        expect(r.ok).toBe(true);
        expect((await app.team.sync!.pushNow()).error).toBeNull();
        const { rows } = await fx.admin.query(
          'SELECT case_reference, saved_at, session FROM calm_sessions WHERE id = $1',
          [s.id],
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].case_reference).toBe('CASE-EDITED');
        expect(new Date(rows[0].saved_at).getTime()).toBeGreaterThan(Date.parse(s.savedAt));
        expect(rows[0].session.edits[0].by).toBe('Ana Souza');
      } finally {
        await app.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await fx.close();
    }
  }, 120_000);
});
