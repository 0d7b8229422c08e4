/**
 * A trend chart's text alternative: the same numbers as a table (one row per day the chart shows, one
 * column for the team and each agent shown) and a one-sentence summary for the canvas's description.
 * Pure, so tests check it without a canvas.
 */
import type { TeamMetricId, TeamTrends, TrendDays } from './team-series';
import { countOf, en } from '../../../preload/domain/count-words';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly day: string; readonly cells: readonly string[] }[];
  readonly summary: string;
}

/** A figure as the table shows it: up to one decimal, a dash for a day without a value. */
export function formatFigure(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function chartTable(
  trends: TeamTrends,
  metric: { readonly id: TeamMetricId; readonly label: string; readonly by: TrendDays },
  shownAgents: ReadonlySet<string>,
): ChartTable {
  const range = trends.ranges[metric.by];
  const series = [
    { name: 'Team', values: trends.team.values[metric.id] },
    ...trends.agents
      .filter((a) => a.agent !== null && shownAgents.has(a.agent))
      .map((a) => ({ name: a.agent ?? '', values: a.values[metric.id] })),
  ];
  if (!range)
    return {
      columns: series.map((s) => s.name),
      rows: [],
      summary: `${metric.label}: no sessions in these days. Pick a longer range, or import an export that covers them.`,
    };
  const rows = [];
  for (let i = range[0]; i <= range[1]; i++)
    rows.push({ day: trends.days[i], cells: series.map((s) => formatFigure(s.values[i] ?? null)) });
  const team = series[0].values.slice(range[0], range[1] + 1);
  let high = -1;
  team.forEach((v, i) => {
    if (v !== null && (high < 0 || v > (team[high] ?? -Infinity))) high = i;
  });
  const unit = trends.granularity ?? 'day';
  const point = (day: string) => (unit === 'day' ? day : `the ${unit} of ${day}`);
  const days = `${countOf(rows.length, en(unit))} from ${point(rows[0].day)} to ${point(rows[rows.length - 1].day)}`;
  const peak =
    high < 0
      ? 'no values'
      : `team highest ${formatFigure(team[high])} ${unit === 'day' ? 'on' : 'in'} ${point(trends.days[range[0] + high])}`;
  return {
    columns: series.map((s) => s.name),
    rows,
    summary: `${metric.label} per ${unit}: ${days}; ${peak}.`,
  };
}
