// A time zone west of UTC, so "a day" in the log (local) and a partition (UTC day) differ.
process.env.TZ = 'America/New_York';

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/contract/session-schema';
import { openSessionRepository } from '../../../main/sessions/session-repository';
import { sessionAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-repo');
afterEach(() => dirs.cleanup());

/** A local time (New York) on a day of March 2025. */
const local = (day: number, hour: number, minute = 0) =>
  new Date(2025, 2, day, hour, minute).getTime();
const NOW = new Date(2025, 2, 20, 12, 0);

function withWrapUp(session: Session, change: (wrapUp: Session['wrapUp']) => void): Session {
  const copy = structuredClone(session);
  change(copy.wrapUp);
  return copy;
}

/** 60 sessions over 6 local days (10 a day, 08:00–17:00), plus hand-made ones with known text and fields. */
function seed(dataDir: string) {
  const random = seededRandom(7);
  const repo = openSessionRepository({ dataDir, now: () => NOW });
  const sessions: Session[] = [];
  for (let day = 10; day < 16; day++) {
    for (let hour = 8; hour < 18; hour++) {
      const session = withWrapUp(
        sessionAt(random, { startedMs: local(day, hour), followUpDate: null }),
        (w) => {
          w.notes = 'routine call';
          w.priorities = w.priorities.map((p) => ({ ...p, text: 'routine' }));
          w.emotionalCatalyst = '';
          w.nextSteps = [];
          w.rootCause.note = '';
          w.caseReference = '';
          w.resolution = 'resolved';
          w.escalation = { kind: 'none', reason: '' };
        },
      );
      sessions.push(repo.save(session));
    }
  }
  return { repo, sessions, random };
}

describe('session repository on a real folder with conf', () => {
  it('saves and gets a session back exactly, and a reopened repository finds it', () => {
    const dataDir = dirs.make();
    const random = seededRandom(1);
    const repo = openSessionRepository({ dataDir });
    const session = sessionAt(random, { startedMs: local(14, 9) });
    expect(repo.save(session)).toEqual(session);
    expect(repo.get(session.id)).toEqual(session);
    expect(openSessionRepository({ dataDir }).get(session.id)).toEqual(session);
    expect(repo.get('5f2b0c4e-1d3a-4b5c-8d6e-7f8091a2b3c4')).toBeNull();
  });

  it('stores sessions by UTC day in conf files, each with its schema version', () => {
    const dataDir = dirs.make();
    const repo = openSessionRepository({ dataDir });
    // 21:30 in New York on the 14th is 01:30 UTC on the 15th.
    const late = sessionAt(seededRandom(2), { startedMs: local(14, 21, 30) });
    repo.save(late);
    const file = path.join(dataDir, 'sessions', '2025-03', '2025-03-15.json');
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.sessions).toEqual([late]);
    expect(fs.existsSync(path.join(dataDir, 'sessions', '2025-03', '2025-03-15.index.json'))).toBe(
      true,
    );
  });

  it('replaces a session saved again with the same id (no duplicate in the log)', () => {
    const { repo, sessions } = seed(dirs.make());
    const changed = withWrapUp(sessions[3], (w) => {
      w.notes = 'Customer called back, issue solved';
    });
    repo.save(changed);
    expect(repo.list({}).total).toBe(60);
    expect(repo.get(changed.id)?.wrapUp.notes).toBe('Customer called back, issue solved');
    expect(repo.list({ text: 'called back' }).rows.map((r) => r.id)).toEqual([changed.id]);
  });

  it('lists newest first, in pages, with the total of matches', () => {
    const { repo, sessions } = seed(dirs.make());
    const newestFirst = [...sessions]
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
      .map((s) => s.id);
    const first = repo.list({ limit: 25 });
    expect(first.total).toBe(60);
    expect(first.offset).toBe(0);
    expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 25));
    const third = repo.list({ limit: 25, offset: 50 });
    expect(third.rows.map((r) => r.id)).toEqual(newestFirst.slice(50));
    expect(repo.list({ offset: 60 }).rows).toEqual([]);
    expect(repo.list({}).rows).toHaveLength(50);
  });

  it('summarizes each row from the session', () => {
    const dataDir = dirs.make();
    const repo = openSessionRepository({ dataDir });
    const session = withWrapUp(sessionAt(seededRandom(3), { startedMs: local(12, 10) }), (w) => {
      w.priorities = [
        { id: 'a', text: 'Refund', kind: 'administrative', confirmed: true, rank: 1 },
        { id: 'b', text: 'Respect', kind: 'emotional', confirmed: false, rank: 2 },
      ];
      w.followUp = { date: '2025-04-11', channel: 'email', doneAt: null };
      w.caseReference = 'INC-42';
      w.resolution = 'pending';
    });
    repo.save(session);
    expect(repo.list({}).rows[0]).toEqual({
      id: session.id,
      agent: session.agent,
      startedAt: session.startedAt,
      durationSec: session.call.durationSec,
      resolution: 'pending',
      escalation: session.wrapUp.escalation.kind,
      followUpDate: '2025-04-11',
      followUpDone: false,
      caseReference: 'INC-42',
      priorityCount: 2,
      confirmedPriorityCount: 1,
      overtalkCount: session.call.metrics.overtalkCount,
      tooLoudCount: session.call.metrics.cueCounts['too-loud'],
      heatedCount: session.call.metrics.cueCounts['caller-heated'],
      hasTimeline: false,
    });
  });

  it('finds text in priorities, catalyst, next steps, root cause, reference and notes; any case, any accents, all words', () => {
    const { repo, sessions } = seed(dirs.make());
    const fields: [string, (w: Session['wrapUp']) => void][] = [
      [
        'priority',
        (w) =>
          (w.priorities = [
            {
              id: 'p1',
              text: 'Facture de février incorrecte',
              kind: 'administrative',
              confirmed: true,
              rank: 1,
            },
          ]),
      ],
      ['catalyst', (w) => (w.emotionalCatalyst = 'Afraid of an overdraft before payday')],
      [
        'next step',
        (w) =>
          (w.nextSteps = [
            { what: 'Send the Kündigung confirmation', who: 'billing', byWhen: null },
          ]),
      ],
      ['root cause', (w) => (w.rootCause.note = 'Tariff migration bug')],
      ['reference', (w) => (w.caseReference = 'INC-774411')],
      ['notes', (w) => (w.notes = 'Spoke with Mrs. Ødegård about the ROUTER outage')],
    ];
    const ids = fields.map(([, change], i) => repo.save(withWrapUp(sessions[i * 7], change)).id);
    const found = (text: string) => repo.list({ text }).rows.map((r) => r.id);
    expect(found('FEVRIER')).toEqual([ids[0]]);
    expect(found('facture février')).toEqual([ids[0]]);
    expect(found('overdraft payday')).toEqual([ids[1]]);
    expect(found('kundigung')).toEqual([ids[2]]);
    expect(found('tariff migration')).toEqual([ids[3]]);
    expect(found('inc-774411')).toEqual([ids[4]]);
    expect(found('router outage')).toEqual([ids[5]]);
    expect(found('router payday')).toEqual([]);
    expect(found('   ')).toHaveLength(50);
    expect(repo.list({ text: 'routine call' }).total).toBe(60 - 1);
  });

  it('filters by local calendar days, inclusive', () => {
    const { repo, sessions } = seed(dirs.make());
    const onDay = (day: number) =>
      sessions.filter((s) => new Date(s.startedAt).getDate() === day).length;
    expect(repo.list({ from: '2025-03-12', to: '2025-03-12' }).total).toBe(10);
    expect(repo.list({ from: '2025-03-12', to: '2025-03-13' }).total).toBe(onDay(12) + onDay(13));
    expect(repo.list({ from: '2025-03-14' }).total).toBe(20);
    expect(repo.list({ to: '2025-03-10' }).total).toBe(10);
    expect(repo.list({ from: '2025-03-16' }).total).toBe(0);
    // 21:30 local on the 15th is already the 16th in UTC: it still belongs to the 15th.
    repo.save(sessionAt(seededRandom(5), { startedMs: local(15, 21, 30) }));
    expect(repo.list({ from: '2025-03-15', to: '2025-03-15' }).total).toBe(11);
    expect(repo.list({ from: '2025-03-16', to: '2025-03-16' }).total).toBe(0);
  });

  it('filters by resolution (or none), escalation and agent', () => {
    const { repo, sessions } = seed(dirs.make());
    const pending = repo.save(withWrapUp(sessions[1], (w) => (w.resolution = 'pending')));
    const open = repo.save(withWrapUp(sessions[2], (w) => (w.resolution = null)));
    const abusive = repo.save(
      withWrapUp(
        sessions[3],
        (w) => (w.escalation = { kind: 'abusive-conduct', reason: 'insults' }),
      ),
    );
    const other = repo.save({ ...sessions[4], agent: 'Jonas Weber-Ünal' });
    const ids = (query: Parameters<typeof repo.list>[0]) => repo.list(query).rows.map((r) => r.id);
    expect(ids({ resolution: 'pending' })).toEqual([pending.id]);
    expect(ids({ resolution: 'none' })).toEqual([open.id]);
    expect(repo.list({ resolution: 'resolved' }).total).toBe(58);
    expect(ids({ escalation: 'abusive-conduct' })).toEqual([abusive.id]);
    expect(repo.list({ escalation: 'none' }).total).toBe(59);
    expect(ids({ agent: 'Jonas Weber-Ünal' })).toEqual([other.id]);
    expect(ids({ agent: 'Jonas Weber-Ünal', resolution: 'pending' })).toEqual([]);
  });

  it('filters follow-ups due today, overdue, open and done', () => {
    const { repo, sessions } = seed(dirs.make());
    const dated = (i: number, date: string) =>
      repo.save(
        withWrapUp(sessions[i], (w) => (w.followUp = { date, channel: 'call', doneAt: null })),
      );
    const today = dated(0, '2025-03-20');
    const yesterday = dated(1, '2025-03-19');
    const later = dated(2, '2025-04-19');
    const done = repo.markFollowUpDone(dated(3, '2025-03-01').id, new Date(2025, 2, 18, 9, 30));
    expect(done?.wrapUp.followUp.doneAt).toBe(new Date(2025, 2, 18, 9, 30).toISOString());
    const ids = (followUp: 'due' | 'overdue' | 'open' | 'done') =>
      repo
        .list({ followUp })
        .rows.map((r) => r.id)
        .sort();
    expect(ids('due')).toEqual([today.id]);
    expect(ids('overdue')).toEqual([yesterday.id]);
    expect(ids('open')).toEqual([today.id, yesterday.id, later.id].sort());
    expect(ids('done')).toEqual([done?.id]);
    // "Today" moves with the clock: on the 21st, the 20th's follow-up is overdue.
    expect(
      repo
        .list({ followUp: 'overdue' }, '2025-03-21')
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual([today.id, yesterday.id].sort());
  });

  it('opens cold from its index files, and rebuilds an index file that is stale, corrupt or missing', () => {
    const dataDir = dirs.make();
    const { sessions } = seed(dataDir);
    const folder = path.join(dataDir, 'sessions', '2025-03');
    const indexFiles = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.index.json'))
      .sort();
    expect(indexFiles.length).toBeGreaterThanOrEqual(6);
    fs.writeFileSync(path.join(folder, indexFiles[0]), '{"format":1,"rows":[[');
    fs.rmSync(path.join(folder, indexFiles[1]));
    // A stale index: the partition changed behind it (as after a crash between the two writes).
    const target = sessions[55];
    const staleFile = path.join(
      folder,
      `${new Date(target.startedAt).toISOString().slice(0, 10)}.index.json`,
    );
    const staleIndex = fs.readFileSync(staleFile);
    const changed = withWrapUp(target, (w) => (w.notes = 'changed behind the index'));
    openSessionRepository({ dataDir, now: () => NOW }).save(changed);
    fs.writeFileSync(staleFile, staleIndex);

    const cold = openSessionRepository({ dataDir, now: () => NOW });
    expect(cold.list({}).total).toBe(60);
    expect(cold.list({ text: 'changed behind' }).rows.map((r) => r.id)).toEqual([changed.id]);
    expect(
      fs
        .readdirSync(folder)
        .filter((name) => name.endsWith('.index.json'))
        .sort(),
    ).toEqual(indexFiles);
  });

  it('after a flush, starts from the index snapshot; changes made since come from their own index files', () => {
    const dataDir = dirs.make();
    const { repo, sessions } = seed(dataDir);
    const sessionsDir = path.join(dataDir, 'sessions');
    const folder = path.join(sessionsDir, '2025-03');
    expect(repo.list({ text: 'routine' }).total).toBe(60);
    repo.flush();
    expect(fs.existsSync(path.join(sessionsDir, 'index-snapshot.json'))).toBe(true);
    expect(fs.existsSync(path.join(sessionsDir, 'index-snapshot-text.json'))).toBe(true);
    // Without any per-day index file, the snapshot alone gives the log and its search.
    const dayIndexes = () => fs.readdirSync(folder).filter((name) => name.endsWith('.index.json'));
    for (const name of dayIndexes()) fs.rmSync(path.join(folder, name));
    const fromSnapshot = openSessionRepository({ dataDir, now: () => NOW });
    expect(fromSnapshot.list({}).total).toBe(60);
    expect(fromSnapshot.list({ text: 'routine call' }).total).toBe(60);
    expect(dayIndexes()).toEqual([]);
    // A save after the flush (and no flush at exit, as after a crash): its day is read from its own file.
    const changed = fromSnapshot.save(
      withWrapUp(sessions[10], (w) => (w.notes = 'saved after the snapshot')),
    );
    const afterCrash = openSessionRepository({ dataDir, now: () => NOW });
    expect(afterCrash.list({ text: 'after the snapshot' }).rows.map((r) => r.id)).toEqual([
      changed.id,
    ]);
    expect(afterCrash.list({}).total).toBe(60);
    // A damaged snapshot is only a cache: the days are rebuilt from their partitions.
    fs.writeFileSync(
      path.join(sessionsDir, 'index-snapshot.json'),
      '{"format":1,"partitions":[["2025-03-1',
    );
    fs.writeFileSync(path.join(sessionsDir, 'index-snapshot-text.json'), 'null');
    const rebuilt = openSessionRepository({ dataDir, now: () => NOW });
    expect(rebuilt.list({ text: 'after the snapshot' }).rows.map((r) => r.id)).toEqual([
      changed.id,
    ]);
    expect(rebuilt.list({}).total).toBe(60);
    expect(rebuilt.problems.list()).toEqual([]);
  });

  it('streams every matching session newest first, one partition at a time', async () => {
    const { repo, sessions } = seed(dirs.make());
    const all: Session[] = [];
    for await (const session of repo.iterate()) all.push(session);
    expect(all.map((s) => s.id)).toEqual(
      [...sessions]
        .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
        .map((s) => s.id),
    );
    expect(all[59]).toEqual(sessions[0]);
    const someDays: string[] = [];
    for await (const session of repo.iterate({ from: '2025-03-11', to: '2025-03-12', limit: 1 }))
      someDays.push(session.id);
    expect(someDays).toHaveLength(20);
  });

  it('saves many sessions at once (one write per partition) and moves a session whose start changed day', () => {
    const dataDir = dirs.make();
    const repo = openSessionRepository({ dataDir });
    const random = seededRandom(11);
    const batch = Array.from({ length: 40 }, (_, i) =>
      sessionAt(random, { startedMs: local(1 + (i % 8), 9 + (i % 5)) }),
    );
    expect(repo.saveMany(batch)).toBe(40);
    expect(repo.list({ limit: 500 }).total).toBe(40);
    const moved = { ...batch[0], startedAt: new Date(local(25, 10)).toISOString() };
    repo.save(moved);
    const cold = openSessionRepository({ dataDir });
    expect(cold.list({ limit: 500 }).total).toBe(40);
    expect(cold.get(moved.id)?.startedAt).toBe(moved.startedAt);
    expect(cold.list({ from: '2025-03-25' }).rows.map((r) => r.id)).toEqual([moved.id]);
  });

  it('a failed save reports the failure and loses nothing already stored', () => {
    const dataDir = dirs.make();
    const { repo, sessions } = seed(dataDir);
    const before = repo.list({ limit: 500 });
    // The day's partition cannot be replaced (a folder now sits where the temp file would go).
    const target = sessions[59];
    const file = path.join(
      dataDir,
      'sessions',
      '2025-03',
      `${new Date(target.startedAt).toISOString().slice(0, 10)}.json`,
    );
    const content = fs.readFileSync(file);
    fs.chmodSync(path.dirname(file), 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root ignores folder permissions: make the file itself a folder instead.
        fs.renameSync(file, `${file}.keep`);
        fs.mkdirSync(file);
      }
      const changed = withWrapUp(target, (w) => (w.notes = 'never stored'));
      expect(() => repo.save(changed)).toThrow();
      if (process.getuid?.() === 0) {
        fs.rmdirSync(file);
        fs.renameSync(`${file}.keep`, file);
      }
    } finally {
      fs.chmodSync(path.dirname(file), 0o700);
    }
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(repo.list({ limit: 500 })).toEqual(before);
    expect(openSessionRepository({ dataDir }).get(target.id)).toEqual(target);
  });
});
