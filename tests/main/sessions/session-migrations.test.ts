import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyWrapUp, sessionSchema, type Session } from '../../../preload/contract/session-schema';
import { migrateSession, migrateV1ToV2 } from '../../../main/sessions/session-migrations';
import { openSessionRepository } from '../../../main/sessions/session-repository';
import { openSessionServices } from '../../../main/host/session-services';
import { sessionAt, sessionV1At, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-migrations');
afterEach(() => dirs.cleanup());

const MARCH_14 = Date.parse('2025-03-14T09:00:00Z');
const NOW = new Date('2025-03-20T10:11:12.345Z');
const folderOf = (dataDir: string) => path.join(dataDir, 'sessions', '2025-03');
const partition = (dataDir: string, day = '2025-03-14') =>
  path.join(folderOf(dataDir), `${day}.json`);
const write = (file: string, content: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
};

describe('session migrations', () => {
  it('turns the live coach hand-off (v1) into a v2 session with a wrap-up from its priorities', () => {
    const v1 = sessionV1At(seededRandom(1), MARCH_14);
    v1.priorities = [
      { id: 'p1', text: 'Double charge', kind: 'administrative', confirmed: true },
      { id: 'p2', text: 'Felt ignored', kind: 'emotional', confirmed: false },
    ];
    const v2 = migrateV1ToV2(v1);
    expect(sessionSchema.safeParse(v2).success).toBe(true);
    expect(v2).toEqual({
      schemaVersion: 2,
      id: v1.id,
      agent: '',
      startedAt: v1.startedAt,
      endedAt: v1.endedAt,
      call: v1.call,
      wrapUp: {
        ...emptyWrapUp(),
        priorities: [
          { id: 'p1', text: 'Double charge', kind: 'administrative', confirmed: true, rank: 1 },
          { id: 'p2', text: 'Felt ignored', kind: 'emotional', confirmed: false, rank: 2 },
        ],
      },
      afterCallWorkSec: 0,
      savedAt: v1.endedAt,
      hasTimeline: false,
      recording: null,
    });
    expect(migrateV1ToV2({ ...v1, priorities: [] }).wrapUp).toEqual(emptyWrapUp());
  });

  it('accepts current sessions as they are, refuses newer and malformed ones with a reason', () => {
    const current = sessionAt(seededRandom(2), { startedMs: MARCH_14 });
    expect(migrateSession(current)).toEqual({ ok: true, session: current, from: 2 });
    expect(migrateSession({ ...current, schemaVersion: 3, mood: 'new field' })).toMatchObject({
      ok: false,
      reason: 'future-version',
    });
    expect(migrateSession({ ...current, wrapUp: undefined })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const v1 = sessionV1At(seededRandom(3), MARCH_14);
    expect(migrateSession({ ...v1, priorities: 'none' })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(migrateSession(null)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('migrates a v1 partition file on disk, keeps the original beside it, and lists its sessions', () => {
    const dataDir = dirs.make();
    const random = seededRandom(4);
    const v1s = [sessionV1At(random, MARCH_14), sessionV1At(random, MARCH_14 + 3_600_000)];
    const original = JSON.stringify({ schemaVersion: 1, sessions: v1s });
    write(partition(dataDir), original);

    const repo = openSessionRepository({ dataDir, now: () => NOW });
    expect(repo.list({}).rows.map((row) => row.id)).toEqual([v1s[1].id, v1s[0].id]);
    expect(repo.get(v1s[0].id)).toEqual(migrateV1ToV2(v1s[0]));
    const onDisk = JSON.parse(fs.readFileSync(partition(dataDir), 'utf8'));
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.sessions).toEqual(v1s.map(migrateV1ToV2));
    expect(fs.readFileSync(path.join(folderOf(dataDir), '2025-03-14.v1-backup.json'), 'utf8')).toBe(
      original,
    );
    // A v1 record inside a v2 file (written by an import, say) is migrated the same way.
    const mixed = sessionV1At(random, Date.parse('2025-03-15T09:00:00Z'));
    const kept = sessionAt(random, { startedMs: Date.parse('2025-03-15T10:00:00Z') });
    write(partition(dataDir, '2025-03-15'), { schemaVersion: 2, sessions: [mixed, kept] });
    const reopened = openSessionRepository({ dataDir, now: () => NOW });
    expect(reopened.get(mixed.id)).toEqual(migrateV1ToV2(mixed));
    expect(reopened.get(kept.id)).toEqual(kept);
    expect(repo.problems.list()).toEqual([]);
  });
});

describe('partition files that cannot be used', () => {
  const goodDay = (dataDir: string): Session[] => {
    const random = seededRandom(9);
    const repo = openSessionRepository({ dataDir, now: () => NOW });
    const sessions = [0, 1, 2].map((i) =>
      repo.save(sessionAt(random, { startedMs: Date.parse('2025-03-13T09:00:00Z') + i * 60_000 })),
    );
    return sessions;
  };

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), 'not-json'],
    ['empty', () => '', 'not-json'],
    ['not JSON', () => 'this is not json\n', 'not-json'],
    ['invalid', () => JSON.stringify({ schemaVersion: 2, sessions: [{ id: 'x' }] }), 'invalid'],
    [
      'from a newer version',
      (text: string) => JSON.stringify({ ...JSON.parse(text), schemaVersion: 3 }),
      'future-version',
    ],
    [
      'holding a session from a newer version',
      (text: string) => {
        const data = JSON.parse(text);
        data.sessions[0] = { ...data.sessions[0], schemaVersion: 4 };
        return JSON.stringify(data);
      },
      'future-version',
    ],
  ])(
    'a %s partition is moved aside untouched, reported, and nothing else is lost',
    (_label, damage, kind) => {
      const dataDir = dirs.make();
      const good = goodDay(dataDir);
      const random = seededRandom(10);
      const repo = openSessionRepository({ dataDir, now: () => NOW });
      repo.save(sessionAt(random, { startedMs: MARCH_14 }));
      const badText = damage(fs.readFileSync(partition(dataDir), 'utf8'));
      write(partition(dataDir), badText);

      const warnings: string[] = [];
      const services = openSessionServices({
        dataDir,
        now: () => NOW,
        warn: (message) => warnings.push(message),
      });
      const reopened = services.repository;
      expect(
        reopened
          .list({})
          .rows.map((row) => row.id)
          .sort(),
      ).toEqual(good.map((s) => s.id).sort());
      const [problem] = reopened.problems.list();
      expect(problem).toMatchObject({ kind, file: partition(dataDir) });
      expect(path.basename(problem.movedTo)).toBe(
        '2025-03-14.corrupt-2025-03-20T10-11-12-345Z.json',
      );
      expect(fs.readFileSync(problem.movedTo, 'utf8')).toBe(badText);
      expect(fs.existsSync(partition(dataDir))).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(problem.movedTo);

      // The day takes new sessions again, in a fresh file; the moved file stays as it was.
      const next = reopened.save(sessionAt(random, { startedMs: MARCH_14 + 60_000 }));
      expect(openSessionRepository({ dataDir }).get(next.id)).toEqual(next);
      expect(fs.readFileSync(problem.movedTo, 'utf8')).toBe(badText);
      for (const session of good) expect(reopened.get(session.id)).toEqual(session);
    },
  );

  it('a file that turns bad while running is moved aside on the next save into it, never overwritten', () => {
    const dataDir = dirs.make();
    const random = seededRandom(12);
    const repo = openSessionRepository({ dataDir, now: () => NOW });
    const first = repo.save(sessionAt(random, { startedMs: MARCH_14 }));
    const newer = JSON.stringify({
      schemaVersion: 3,
      sessions: [{ ...first, schemaVersion: 3 }],
      future: true,
    });
    write(partition(dataDir), newer);
    const second = repo.save(sessionAt(random, { startedMs: MARCH_14 + 60_000 }));
    const [problem] = repo.problems.list();
    expect(problem.kind).toBe('future-version');
    expect(fs.readFileSync(problem.movedTo, 'utf8')).toBe(newer);
    expect(repo.list({}).rows.map((row) => row.id)).toEqual([second.id]);
    expect(repo.get(first.id)).toBeNull();
  });

  it('leftover temp files from a crash mid-write are ignored, and old ones cleaned up', () => {
    const dataDir = dirs.make();
    const good = goodDay(dataDir);
    const folder = path.join(dataDir, 'sessions', '2025-03');
    const leftovers = ['2025-03-13.json.tmp-1742000000abcdef', '2025-03-13.json.4242-deadbeef.tmp'];
    for (const name of leftovers) {
      fs.writeFileSync(path.join(folder, name), '{"schemaVersion":2,"sessions":[{"id":');
      const old = new Date(NOW.getTime() - 3_600_000);
      fs.utimesSync(path.join(folder, name), old, old);
    }
    const repo = openSessionRepository({ dataDir, now: () => NOW });
    expect(repo.list({}).total).toBe(3);
    expect(repo.get(good[1].id)).toEqual(good[1]);
    expect(repo.problems.list()).toEqual([]);
    for (const name of leftovers) expect(fs.existsSync(path.join(folder, name))).toBe(false);
  });
});
