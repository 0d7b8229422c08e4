import { describe, expect, it } from 'vitest';
import { agentName, chartTable, formatFigure } from '../../../renderer/src/team/team-chart-table';
import {
  TEAM_METRICS,
  type TeamMetricId,
  type TeamTrends,
} from '../../../renderer/src/team/team-series';
import { intlForLocale } from '../../support/intl-for-locale';

const values = (calls: (number | null)[]) =>
  Object.fromEntries(TEAM_METRICS.map((m) => [m.id, calls])) as Record<
    TeamMetricId,
    (number | null)[]
  >;

const trends: TeamTrends = {
  days: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'],
  ranges: { call: [0, 2], due: null },
  team: { agent: null, values: values([3, null, 5.25, 9]) },
  agents: [
    { agent: 'Ana Souza', values: values([2, null, 4, 9]) },
    { agent: 'Björn Lindqvist', values: values([1, null, 1.25, 0]) },
  ],
};
const calls = TEAM_METRICS[0];

describe('a trend chart in words', () => {
  it('lists the chart’s days with the team and each shown agent, gaps as a dash', () => {
    const table = chartTable(trends, calls, new Set(['Ana Souza']));
    expect(table.columns).toEqual(['Team', 'Ana Souza']);
    expect(table.rows).toEqual([
      { day: '2026-01-05', label: 'Jan 5, 2026', cells: ['3', '2'] },
      { day: '2026-01-06', label: 'Jan 6, 2026', cells: ['—', '—'] },
      { day: '2026-01-07', label: 'Jan 7, 2026', cells: ['5.3', '4'] },
    ]);
    expect(table.summary).toBe(
      'Calls per day: 3 days from Jan 5, 2026 to Jan 7, 2026; team highest 5.3 on Jan 7, 2026.',
    );
  });

  it('says when a chart has nothing to show', () => {
    const due = TEAM_METRICS.find((m) => m.id === 'followUpsDue')!;
    expect(chartTable(trends, due, new Set())).toEqual({
      columns: ['Team'],
      rows: [],
      summary:
        'Follow-ups due: no sessions in these days. Pick a longer range, or import an export that covers them.',
    });
    expect(formatFigure(null)).toBe('—');
  });

  it('names a session no export names an agent for, in the lead’s language', () => {
    expect(agentName('Ana Souza')).toBe('Ana Souza');
    expect(agentName('')).toBe('Unknown agent');
    expect(agentName('', intlForLocale('de'))).toBe('Unbekannter Agent');
  });

  it('says it in the agent’s language, with the locale’s dates and decimal sign', () => {
    const table = chartTable(trends, calls, new Set(['Ana Souza']), intlForLocale('de'));
    expect(table.columns).toEqual(['Team', 'Ana Souza']);
    expect(table.rows[2]).toEqual({
      day: '2026-01-07',
      label: '7. Jan. 2026',
      cells: ['5,3', '4'],
    });
    expect(table.summary).toBe(
      'Anrufe pro Tag: 3 Tage vom 5. Jan. 2026 bis 7. Jan. 2026; Team-Höchstwert 5,3 am 7. Jan. 2026.',
    );
    const weeks = chartTable(
      { ...trends, granularity: 'week' },
      calls,
      new Set(),
      intlForLocale('fr'),
    );
    expect(weeks.summary).toMatch(
      /^Appels par semaine : 3 semaines de la semaine du 5 janv\. 2026 à la semaine du 7 janv\. 2026 ; /,
    );
  });
});
