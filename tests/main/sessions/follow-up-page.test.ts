import { afterEach, describe, expect, it } from 'vitest';
import { openSessionRepository } from '../../../main/sessions/session-repository';
import { withTeamQueue } from '../../../main/team/team-services';
import type { TeamSync } from '../../../main/team/team-sync';
import type { Session } from '../../../preload/contract/session-schema';
import { localDay } from '../../../preload/domain/calendar-day';
import { followUpVolume } from '../../support/follow-up-volume';
import { sessionAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('follow-up-page');
afterEach(() => dirs.cleanup());

const TODAY = new Date(2026, 5, 15, 10);
const asOf = localDay(TODAY);

function repoWith(sessions: Session[]) {
  const dataDir = dirs.make();
  const repository = openSessionRepository({ dataDir, now: () => TODAY });
  repository.saveMany(sessions);
  return { repository, dataDir };
}

/** Three calls pinned down: what was promised, to whom, through which channel. */
function pinned(): Session[] {
  const rng = seededRandom(5);
  const make = (day: number, followUpDate: string, channel: 'call' | 'email' | 'letter') => {
    const s = sessionAt(rng, { startedMs: new Date(2026, 5, day, 9).getTime(), followUpDate });
    return {
      ...s,
      call: {
        ...s.call,
        phone: { callId: null, caseRef: null, from: '…4821', holds: [], events: [] },
      },
      wrapUp: {
        ...s.wrapUp,
        caseReference: `CASE-${day}`,
        nextSteps: [
          { what: `Refund the June invoice ${day}`, who: 'Billing', byWhen: null },
          { what: '  ', who: '', byWhen: null },
          { what: 'Send the tracking number', who: 'Me', byWhen: null },
        ],
        followUp: { date: followUpDate, channel, doneAt: null },
      },
    };
  };
  return [make(1, '2026-06-03', 'email'), make(2, '2026-06-02', 'call'), make(10, asOf, 'letter')];
}

describe('follow-up pages', () => {
  it('says what was promised, to whom, by when and through which channel; overdue oldest date first', () => {
    const { repository } = repoWith(pinned());
    const page = repository.followUpPage({ section: 'overdue', asOf });
    expect(page.counts).toEqual({ overdue: 2, due: 1, upcoming: 0 });
    expect(page.rows.map((row) => [row.date, row.channel, row.caseReference])).toEqual([
      ['2026-06-02', 'call', 'CASE-2'],
      ['2026-06-03', 'email', 'CASE-1'],
    ]);
    expect(page.rows[0].promised).toEqual([
      'Refund the June invoice 2',
      'Send the tracking number',
    ]);
    expect(page.rows[0].caller).toBe('…4821');
    const due = repository.followUpPage({ section: 'due', asOf });
    expect(due.rows.map((row) => [row.caseReference, row.channel])).toEqual([
      ['CASE-10', 'letter'],
    ]);
  });

  it('filters by channel and by words, counting every section under the same filters', () => {
    const { repository } = repoWith(pinned());
    const email = repository.followUpPage({ section: 'overdue', channel: 'email', asOf });
    expect(email.rows.map((row) => row.caseReference)).toEqual(['CASE-1']);
    expect(email.counts).toEqual({ overdue: 1, due: 0, upcoming: 0 });
    const words = repository.followUpPage({ section: 'due', text: 'invoice 10', asOf });
    expect(words.rows.map((row) => row.caseReference)).toEqual(['CASE-10']);
    expect(words.counts).toEqual({ overdue: 0, due: 1, upcoming: 0 });
  });

  it('pages 1,200 overdue of 2,000 calls: each page holds the next rows, none twice', () => {
    const sessions = followUpVolume({
      count: 2000,
      overdue: 1200,
      dueToday: 7,
      upcoming: 40,
      today: TODAY,
    });
    const { repository } = repoWith(sessions);
    const first = repository.followUpPage({ section: 'overdue', limit: 25, asOf });
    expect(first.counts).toEqual({ overdue: 1200, due: 7, upcoming: 40 });
    expect(first.total).toBe(1200);
    expect(first.rows).toHaveLength(25);
    const seen = new Set<string>();
    let previousDate = '';
    for (let offset = 0; offset < 1200; offset += 200) {
      const page = repository.followUpPage({ section: 'overdue', offset, limit: 200, asOf });
      for (const row of page.rows) {
        expect(seen.has(row.id)).toBe(false);
        seen.add(row.id);
        expect(row.date >= previousDate).toBe(true);
        expect(row.date < asOf).toBe(true);
        previousDate = row.date;
      }
    }
    expect(seen.size).toBe(1200);
  });
});

describe('marking several done, and undo', () => {
  it('marks the chosen ones done in one go and opens them again on undo, kept across a restart', () => {
    const { repository, dataDir } = repoWith(pinned());
    const ids = repository.followUpPage({ section: 'overdue', asOf }).rows.map((row) => row.id);
    expect(
      repository
        .setFollowUpsDone(ids, true)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(repository.followUpPage({ section: 'overdue', asOf }).total).toBe(0);
    // Already done: nothing changes (the first doneAt is kept).
    const doneAt = repository.get(ids[0])?.wrapUp.followUp.doneAt;
    expect(doneAt).toBe(TODAY.toISOString());
    expect(repository.setFollowUpsDone(ids, true, new Date(2030, 0, 1))).toEqual([]);
    expect(repository.get(ids[0])?.wrapUp.followUp.doneAt).toBe(doneAt);

    expect(repository.setFollowUpsDone(ids, false)).toHaveLength(2);
    const reopened = openSessionRepository({ dataDir, now: () => TODAY });
    expect(reopened.followUpPage({ section: 'overdue', asOf }).total).toBe(2);
    expect(reopened.get(ids[0])?.wrapUp.followUp.doneAt).toBeNull();
  });

  it('queues every changed session for the team store, done and undone', () => {
    const { repository } = repoWith(pinned());
    const queued: string[][] = [];
    const sync = {
      queued: (ids: readonly string[]) => void queued.push([...ids]),
    } as unknown as TeamSync;
    const teamed = withTeamQueue(repository, sync);
    const ids = teamed.followUpPage({ section: 'overdue', asOf }).rows.map((row) => row.id);
    teamed.setFollowUpsDone(ids, true);
    teamed.setFollowUpsDone(ids, false);
    expect(queued).toEqual([ids, ids]);
  });
});
