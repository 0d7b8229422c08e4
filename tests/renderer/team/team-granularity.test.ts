import { describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/contract/session-schema';
import {
  bucketOf,
  bucketsBetween,
  computeTeamTrends,
  granularityFor,
} from '../../../renderer/src/team/team-series';
import { sessionAt, seededRandom } from '../../support/session-factory';

describe('points by day, week or month, chosen by the range', () => {
  it('two months are days, a year is weeks, longer is months', () => {
    expect(granularityFor(31)).toBe('day');
    expect(granularityFor(62)).toBe('day');
    expect(granularityFor(365)).toBe('week');
    expect(granularityFor(800)).toBe('month');
  });

  it('a week starts on its Monday, a month on its 1st; the buckets cover the range', () => {
    expect(bucketOf('2026-12-06', 'week')).toBe('2026-11-30'); // a Sunday
    expect(bucketOf('2026-11-30', 'week')).toBe('2026-11-30');
    expect(bucketOf('2026-12-06', 'month')).toBe('2026-12-01');
    expect(bucketsBetween('2026-01-01', '2026-12-31', 'week')).toHaveLength(53);
    expect(bucketsBetween('2026-01-15', '2026-03-02', 'month')).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('a week adds up its calls and weighs its means by the calls, exactly as one long day would', () => {
    const rng = seededRandom(9);
    const at = (day: number, overtalk: number): Session => {
      const s = sessionAt(rng, { startedMs: new Date(2026, 10, day, 10).getTime() });
      return { ...s, call: { ...s.call, metrics: { ...s.call.metrics, overtalkCount: overtalk } } };
    };
    // Mon 2 Nov: one call with 4; Wed 4 Nov: three calls with 0 — the week's mean is 1, not (4 + 0) / 2.
    const input = [at(2, 4), at(4, 0), at(4, 0), at(4, 0)].map((session) => ({
      session,
      agent: 'Ana',
    }));
    const weeks = computeTeamTrends(input, '2026-11-30', { granularity: 'week' });
    expect(weeks.days[0]).toBe('2026-11-02');
    expect(weeks.team.values.calls[0]).toBe(4);
    expect(weeks.team.values.overtalkPerCall[0]).toBe(1);
    // A range leaves out the calls outside it; a short range is drawn by the day.
    const one = computeTeamTrends(input, '2026-11-30', { from: '2026-11-03' });
    expect(one.granularity).toBe('day');
    expect(one.team.values.calls.reduce<number>((n, v) => n + (v ?? 0), 0)).toBe(3);
  });
});
