/**
 * A trend chart's text alternative: the same numbers as a table (one row per day the chart shows, one
 * column for the team and each agent shown) and a one-sentence summary for the canvas's description, in
 * the language of `intl` (English without one): the locale's dates and numbers. Pure, so tests check it
 * without a canvas.
 */
import type { IntlShape } from 'react-intl';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';
import { pointDate } from './chart-axis';
import type { Granularity, TeamMetricId, TeamTrends, TrendDays } from './team-series';

type Words = Pick<IntlShape, 'formatMessage' | 'formatNumber' | 'formatDate'>;

export interface ChartTable {
  readonly columns: readonly string[];
  /** `day`: the point's first day (YYYY-MM-DD); `label`: that point in words. */
  readonly rows: readonly {
    readonly day: string;
    readonly label: string;
    readonly cells: readonly string[];
  }[];
  readonly summary: string;
}

/** An agent's name as the charts and tables show it: "Unknown agent" when the exports name none. */
export function agentName(agent: string, intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL) {
  return agent || intl.formatMessage({ id: 'team.agent.unknown' });
}

/** A figure as the table shows it: up to one decimal, a dash for a day without a value. */
export function formatFigure(value: number | null, intl: Words = ENGLISH_INTL): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return intl.formatNumber(value, { maximumFractionDigits: 1 });
}

const SUMMARY: Readonly<Record<Granularity, MessageKey>> = {
  day: 'team.chart.summary.day',
  week: 'team.chart.summary.week',
  month: 'team.chart.summary.month',
};
const PEAK: Readonly<Record<Granularity, MessageKey>> = {
  day: 'team.chart.peak.day',
  week: 'team.chart.peak.week',
  month: 'team.chart.peak.month',
};

export function chartTable(
  trends: TeamTrends,
  metric: { readonly id: TeamMetricId; readonly label: MessageKey; readonly by: TrendDays },
  shownAgents: ReadonlySet<string>,
  intl: Words = ENGLISH_INTL,
): ChartTable {
  const range = trends.ranges[metric.by];
  const series = [
    { name: intl.formatMessage({ id: 'team.chart.team' }), values: trends.team.values[metric.id] },
    ...trends.agents
      .filter((a) => a.agent !== null && shownAgents.has(a.agent))
      .map((a) => ({ name: agentName(a.agent ?? '', intl), values: a.values[metric.id] })),
  ];
  const label = intl.formatMessage({ id: metric.label });
  if (!range)
    return {
      columns: series.map((s) => s.name),
      rows: [],
      summary: intl.formatMessage({ id: 'team.chart.summary.empty' }, { metric: label }),
    };
  const unit = trends.granularity ?? 'day';
  const when = (day: string) => pointDate(day, unit, intl);
  const rows = [];
  for (let i = range[0]; i <= range[1]; i++)
    rows.push({
      day: trends.days[i],
      label: when(trends.days[i]),
      cells: series.map((s) => formatFigure(s.values[i] ?? null, intl)),
    });
  const team = series[0].values.slice(range[0], range[1] + 1);
  let high = -1;
  team.forEach((v, i) => {
    if (v !== null && (high < 0 || v > (team[high] ?? -Infinity))) high = i;
  });
  const peak =
    high < 0
      ? intl.formatMessage({ id: 'team.chart.peak.none' })
      : intl.formatMessage(
          { id: PEAK[unit] },
          { value: formatFigure(team[high], intl), when: when(trends.days[range[0] + high]) },
        );
  return {
    columns: series.map((s) => s.name),
    rows,
    summary: intl.formatMessage(
      { id: SUMMARY[unit] },
      {
        metric: label,
        count: rows.length,
        first: rows[0].label,
        last: rows[rows.length - 1].label,
        peak,
      },
    ),
  };
}
