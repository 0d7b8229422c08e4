/**
 * The team view's trends: one value per calendar day, week or month (the viewer's local time) per metric,
 * for the team and for each agent — the granularity chosen by the range (days up to two months, weeks up to
 * a year and a bit, months beyond), so a year is 53 points, not 365. Pure, so tests check the numbers
 * without a canvas.
 *
 * Per-call metrics are means over that day's calls (null on a day without calls, drawn as a gap); time to
 * calm is the mean over calls that were heated and calmed down. "Confirmed priorities" is the share of
 * calls (in %) with at least one priority the customer confirmed. Follow-ups are counted on their due
 * day: "due" are open ones due today or later, "overdue" open ones due before today (as of `asOfDay`).
 */
import type { Session } from '../../../preload/contract/session-schema';
import type { TeamFigures } from '../../../preload/contract/team-store-schema';
import { daysBetween, localDay } from '../../../preload/domain/calendar-day';
import type { MessageKey } from '../i18n/catalogue';

/** The charts: `label` and `axis` are message keys (the chart's title and its y axis). */
export const TEAM_METRICS = [
  { id: 'calls', label: 'team.metric.calls', axis: 'team.metric.calls.axis', by: 'call' },
  {
    id: 'overtalkPerCall',
    label: 'team.metric.overtalk',
    axis: 'team.metric.overtalk.axis',
    by: 'call',
  },
  {
    id: 'tooLoudPerCall',
    label: 'team.metric.too-loud',
    axis: 'team.metric.too-loud.axis',
    by: 'call',
  },
  {
    id: 'timeToCalm',
    label: 'team.metric.time-to-calm',
    axis: 'team.metric.time-to-calm.axis',
    by: 'call',
  },
  {
    id: 'confirmedShare',
    label: 'team.metric.confirmed',
    axis: 'team.metric.confirmed.axis',
    by: 'call',
  },
  {
    id: 'escalations',
    label: 'team.metric.escalations',
    axis: 'team.metric.escalations.axis',
    by: 'call',
  },
  {
    id: 'followUpsDue',
    label: 'team.metric.follow-ups-due',
    axis: 'team.metric.follow-ups.axis',
    by: 'due',
  },
  {
    id: 'followUpsOverdue',
    label: 'team.metric.follow-ups-overdue',
    axis: 'team.metric.follow-ups.axis',
    by: 'due',
  },
] as const satisfies readonly { id: string; label: MessageKey; axis: MessageKey; by: string }[];
export type TeamMetricId = (typeof TEAM_METRICS)[number]['id'];
/** Which days a metric is counted on: the call's day, or the follow-up's due day. */
export type TrendDays = (typeof TEAM_METRICS)[number]['by'];

export interface TrendSeries {
  /** null: the whole team. */
  readonly agent: string | null;
  readonly values: Readonly<Record<TeamMetricId, readonly (number | null)[]>>;
}

export type Granularity = 'day' | 'week' | 'month';

/** Days up to this many: one point a day; weeks up to WEEKS_UP_TO days; months beyond. */
export const DAYS_UP_TO = 62;
export const WEEKS_UP_TO = 400;

export function granularityFor(dayCount: number): Granularity {
  if (dayCount <= DAYS_UP_TO) return 'day';
  return dayCount <= WEEKS_UP_TO ? 'week' : 'month';
}

/** The first day of the bucket a day falls in: itself, its week's Monday, or its month's 1st. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const back = (date.getDay() + 6) % 7;
  return localDay(new Date(y, m - 1, d - back));
}

/** Buckets from the one holding `first` to the one holding `last`, each as its first day. */
export function bucketsBetween(first: string, last: string, granularity: Granularity): string[] {
  const from = bucketOf(first, granularity);
  if (granularity === 'day') return daysBetween(from, last);
  const out: string[] = [];
  const [y, m, d] = from.split('-').map(Number);
  for (let i = 0; i < 5000; i++) {
    const start =
      granularity === 'week' ? new Date(y, m - 1, d + 7 * i) : new Date(y, m - 1 + i, 1);
    const day = localDay(start);
    if (day > last) break;
    out.push(day);
  }
  return out;
}

export interface TeamTrends {
  /** Each point's first day, 'YYYY-MM-DD', from the first to the last bucket with a call or a follow-up. */
  readonly days: readonly string[];
  /** What a point covers (absent: a day). */
  readonly granularity?: Granularity;
  /** Index range [first, last] within `days` of the days with calls, and of the open follow-ups' due days
   * (null: none) — charts show only their metric's range, so no run of empty days looks like a trend. */
  readonly ranges: Readonly<Record<TrendDays, readonly [number, number] | null>>;
  readonly team: TrendSeries;
  readonly agents: readonly TrendSeries[];
}

export interface TrendInput {
  readonly session: Session;
  readonly agent: string;
}

interface DayAcc {
  calls: number;
  overtalk: number;
  tooLoud: number;
  calmSum: number;
  calmCalls: number;
  confirmedCalls: number;
  escalations: number;
  due: number;
  overdue: number;
}
const emptyAcc = (): DayAcc => ({
  calls: 0,
  overtalk: 0,
  tooLoud: 0,
  calmSum: 0,
  calmCalls: 0,
  confirmedCalls: 0,
  escalations: 0,
  due: 0,
  overdue: 0,
});

function accumulate(byDay: Map<string, DayAcc>, day: string): DayAcc {
  let acc = byDay.get(day);
  if (!acc) byDay.set(day, (acc = emptyAcc()));
  return acc;
}

function addSession(
  byDay: Map<string, DayAcc>,
  session: Session,
  callDay: string,
  asOfDay: string,
  granularity: Granularity,
): void {
  const acc = accumulate(byDay, bucketOf(callDay, granularity));
  const m = session.call.metrics;
  acc.calls++;
  acc.overtalk += m.overtalkCount;
  acc.tooLoud += m.cueCounts['too-loud'];
  if (m.timeToCalmSec !== null) {
    acc.calmSum += m.timeToCalmSec;
    acc.calmCalls++;
  }
  if (session.wrapUp.priorities.some((p) => p.confirmed)) acc.confirmedCalls++;
  if (session.wrapUp.escalation.kind !== 'none') acc.escalations++;
  const { date, doneAt } = session.wrapUp.followUp;
  if (date !== null && doneAt === null) {
    const due = accumulate(byDay, bucketOf(date, granularity));
    if (date < asOfDay) due.overdue++;
    else due.due++;
  }
}

function seriesOf(
  agent: string | null,
  byDay: Map<string, DayAcc>,
  days: readonly string[],
): TrendSeries {
  const values = Object.fromEntries(
    TEAM_METRICS.map((m) => [m.id, [] as (number | null)[]]),
  ) as Record<TeamMetricId, (number | null)[]>;
  const round = (v: number): number => Math.round(v * 100) / 100;
  for (const day of days) {
    const a = byDay.get(day) ?? emptyAcc();
    values.calls.push(a.calls);
    values.overtalkPerCall.push(a.calls ? round(a.overtalk / a.calls) : null);
    values.tooLoudPerCall.push(a.calls ? round(a.tooLoud / a.calls) : null);
    values.timeToCalm.push(a.calmCalls ? round(a.calmSum / a.calmCalls) : null);
    values.confirmedShare.push(a.calls ? round((100 * a.confirmedCalls) / a.calls) : null);
    values.escalations.push(a.escalations);
    values.followUpsDue.push(a.due);
    values.followUpsOverdue.push(a.overdue);
  }
  return { agent, values };
}

type Span = Record<TrendDays, { first?: string; last?: string }>;

function widen(span: Span, which: TrendDays, day: string): void {
  const r = span[which];
  if (r.first === undefined || day < r.first) r.first = day;
  if (r.last === undefined || day > r.last) r.last = day;
}

/** The trends from per-day accumulators of the team and of each agent, over the days they span. */
function trendsOf(
  team: Map<string, DayAcc>,
  perAgent: Map<string, Map<string, DayAcc>>,
  span: Span,
  granularity: Granularity,
): TeamTrends {
  const bounds = [span.call.first, span.call.last, span.due.first, span.due.last]
    .filter((d): d is string => d !== undefined)
    .sort();
  const days =
    bounds.length === 0 ? [] : bucketsBetween(bounds[0], bounds[bounds.length - 1], granularity);
  const rangeOf = (which: TrendDays): readonly [number, number] | null => {
    const { first, last } = span[which];
    return first === undefined || last === undefined
      ? null
      : [days.indexOf(bucketOf(first, granularity)), days.indexOf(bucketOf(last, granularity))];
  };
  const agents = [...perAgent.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((agent) => seriesOf(agent, perAgent.get(agent)!, days));
  return {
    days,
    granularity,
    ranges: { call: rangeOf('call'), due: rangeOf('due') },
    team: seriesOf(null, team, days),
    agents,
  };
}

/** Which calls the trends count: a calendar-day range (inclusive; either end open), and the granularity
 * (default: chosen by the range, see granularityFor). */
export interface TrendOptions {
  readonly from?: string;
  readonly to?: string;
  readonly granularity?: Granularity;
}

/** The span's length in days (calls and due days together): what the granularity is chosen by. */
function spanDays(span: Span): number {
  const bounds = [span.call.first, span.call.last, span.due.first, span.due.last]
    .filter((d): d is string => d !== undefined)
    .sort();
  return bounds.length === 0 ? 0 : daysBetween(bounds[0], bounds[bounds.length - 1]).length;
}

export function computeTeamTrends(
  sessions: readonly TrendInput[],
  asOfDay: string,
  options: TrendOptions = {},
): TeamTrends {
  const inRange = sessions
    .map((input) => ({ ...input, day: localDay(new Date(input.session.startedAt)) }))
    .filter(
      ({ day }) =>
        (options.from === undefined || day >= options.from) &&
        (options.to === undefined || day <= options.to),
    );
  const span: Span = { call: {}, due: {} };
  for (const { session, day } of inRange) {
    widen(span, 'call', day);
    const { date, doneAt } = session.wrapUp.followUp;
    if (date !== null && doneAt === null) widen(span, 'due', date);
  }
  const granularity = options.granularity ?? granularityFor(spanDays(span));
  const team = new Map<string, DayAcc>();
  const perAgent = new Map<string, Map<string, DayAcc>>();
  for (const { session, agent, day } of inRange) {
    addSession(team, session, day, asOfDay, granularity);
    let mine = perAgent.get(agent);
    if (!mine) perAgent.set(agent, (mine = new Map()));
    addSession(mine, session, day, asOfDay, granularity);
  }
  return trendsOf(team, perAgent, span, granularity);
}

/** The same trends from the team store's per-day, per-agent sums (the store adds up; this divides). */
export function computeTeamTrendsFromFigures(
  figures: TeamFigures,
  asOfDay: string,
  options: Pick<TrendOptions, 'granularity'> = {},
): TeamTrends {
  const team = new Map<string, DayAcc>();
  const perAgent = new Map<string, Map<string, DayAcc>>();
  const span: Span = { call: {}, due: {} };
  for (const f of figures.calls) widen(span, 'call', f.day);
  for (const f of figures.followUps) widen(span, 'due', f.day);
  const granularity = options.granularity ?? granularityFor(spanDays(span));
  const both = (agent: string, day: string, add: (acc: DayAcc) => void): void => {
    let mine = perAgent.get(agent);
    if (!mine) perAgent.set(agent, (mine = new Map()));
    add(accumulate(team, bucketOf(day, granularity)));
    add(accumulate(mine, bucketOf(day, granularity)));
  };
  for (const f of figures.calls) {
    both(f.agent, f.day, (acc) => {
      acc.calls += f.calls;
      acc.overtalk += f.overtalkSum;
      acc.tooLoud += f.tooLoudSum;
      acc.calmSum += f.timeToCalmSum;
      acc.calmCalls += f.timeToCalmCount;
      acc.confirmedCalls += f.confirmedCalls;
      acc.escalations += f.escalations;
    });
  }
  for (const f of figures.followUps) {
    both(f.agent, f.day, (acc) => {
      if (f.day < asOfDay) acc.overdue += f.open;
      else acc.due += f.open;
    });
  }
  return trendsOf(team, perAgent, span, granularity);
}
