import { describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/contract/session-schema';
import { daysBetween, localDay } from '../../../preload/domain/calendar-day';
import { computeTeamTrends } from '../../../renderer/src/team/team-series';
import { makeSessions } from '../../support/session-factory';

const [template] = makeSessions(1, { seed: 71 });

/** A call at local noon on 2026-01-<day>. */
function call(
  agent: string,
  day: number,
  over: {
    overtalk?: number;
    tooLoud?: number;
    calm?: number | null;
    confirmed?: boolean;
    escalated?: boolean;
    followUp?: [string, boolean];
  } = {},
): { session: Session; agent: string } {
  const startedAt = new Date(2026, 0, day, 12, 0, 0).toISOString();
  const m = template.call.metrics;
  return {
    agent,
    session: {
      ...template,
      agent,
      startedAt,
      call: {
        ...template.call,
        metrics: {
          ...m,
          overtalkCount: over.overtalk ?? 0,
          timeToCalmSec: over.calm ?? null,
          cueCounts: { ...m.cueCounts, 'too-loud': over.tooLoud ?? 0 },
        },
      },
      wrapUp: {
        ...template.wrapUp,
        priorities: [
          { id: 'p1', text: 'x', kind: 'technical', confirmed: over.confirmed ?? false, rank: 1 },
        ],
        escalation: { kind: over.escalated ? 'handed-off' : 'none', reason: '' },
        followUp: over.followUp
          ? {
              date: over.followUp[0],
              channel: 'call',
              doneAt: over.followUp[1] ? '2026-01-09T10:00:00Z' : null,
            }
          : { date: null, channel: 'call', doneAt: null },
      },
    },
  };
}

describe('team trends', () => {
  it('computes each metric per day for the team and per agent, with gaps on days without calls', () => {
    const input = [
      call('Ana', 5, { overtalk: 2, tooLoud: 1, calm: 60, confirmed: true }),
      call('Ana', 5, {
        overtalk: 4,
        tooLoud: 0,
        calm: null,
        escalated: true,
        followUp: ['2026-01-08', false],
      }),
      call('Björn', 5, {
        overtalk: 0,
        tooLoud: 3,
        calm: 30,
        confirmed: true,
        followUp: ['2026-01-12', false],
      }),
      call('Björn', 7, { overtalk: 1, tooLoud: 1, followUp: ['2026-01-09', true] }),
    ];
    const trends = computeTeamTrends(input, '2026-01-10');
    expect(trends.days).toEqual([
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
      '2026-01-12',
    ]);
    // Calls fall on 01-05..01-07; open follow-ups are due 01-08 and 01-12 (the done one does not count).
    expect(trends.ranges).toEqual({ call: [0, 2], due: [3, 7] });
    const t = trends.team.values;
    expect(t.calls).toEqual([3, 0, 1, 0, 0, 0, 0, 0]);
    expect(t.overtalkPerCall.slice(0, 3)).toEqual([2, null, 1]);
    expect(t.tooLoudPerCall.slice(0, 3)).toEqual([1.33, null, 1]);
    expect(t.timeToCalm.slice(0, 3)).toEqual([45, null, null]);
    expect(t.confirmedShare.slice(0, 3)).toEqual([66.67, null, 0]);
    expect(t.escalations.slice(0, 3)).toEqual([1, 0, 0]);
    // Open follow-ups on their due day: 01-08 is before 01-10 (overdue), 01-12 after (due); 01-09 is done.
    expect(t.followUpsOverdue).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
    expect(t.followUpsDue).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);

    expect(trends.agents.map((a) => a.agent)).toEqual(['Ana', 'Björn']);
    const [ana, bjorn] = trends.agents.map((a) => a.values);
    expect(ana.calls.slice(0, 3)).toEqual([2, 0, 0]);
    expect(ana.overtalkPerCall.slice(0, 3)).toEqual([3, null, null]);
    expect(ana.confirmedShare[0]).toBe(50);
    expect(bjorn.calls.slice(0, 3)).toEqual([1, 0, 1]);
    expect(bjorn.timeToCalm[0]).toBe(30);
    expect(bjorn.followUpsDue[7]).toBe(1);
    // Every series has one value per day.
    for (const s of [trends.team, ...trends.agents])
      for (const v of Object.values(s.values)) expect(v).toHaveLength(trends.days.length);
  });

  it('the team line is the sum (counts) of the agents’ lines on a generated month', () => {
    const sessions = makeSessions(500, { seed: 72, days: 28 }).map((session) => ({
      session,
      agent: session.agent,
    }));
    const trends = computeTeamTrends(sessions, '2026-01-20');
    for (const metric of ['calls', 'escalations', 'followUpsDue', 'followUpsOverdue'] as const) {
      trends.days.forEach((_, i) => {
        const sum = trends.agents.reduce((n, a) => n + (a.values[metric][i] ?? 0), 0);
        expect(trends.team.values[metric][i]).toBe(sum);
      });
    }
    expect(trends.team.values.calls.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(500);
  });

  it('no sessions, no days; day ranges cross month ends', () => {
    expect(computeTeamTrends([], '2026-01-01')).toMatchObject({
      days: [],
      ranges: { call: null, due: null },
    });
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(localDay(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
