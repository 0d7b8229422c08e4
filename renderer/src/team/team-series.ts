/**
 * The team view's trends: one value per calendar day (the viewer's local time) per metric, for the team
 * and for each agent. Pure, so tests check the numbers without a canvas.
 *
 * Per-call metrics are means over that day's calls (null on a day without calls, drawn as a gap); time to
 * calm is the mean over calls that were heated and calmed down. "Confirmed priorities" is the share of
 * calls (in %) with at least one priority the customer confirmed. Follow-ups are counted on their due
 * day: "due" are open ones due today or later, "overdue" open ones due before today (as of `asOfDay`).
 */
import type { Session } from '../../../preload/contract/session-schema';
import type { TeamFigures } from '../../../preload/contract/team-store-schema';
import { daysBetween, localDay } from '../../../preload/domain/calendar-day';

export const TEAM_METRICS = [
  { id: 'calls', label: 'Calls per day', axis: 'calls', by: 'call' },
  { id: 'overtalkPerCall', label: 'Talking-over per call', axis: 'episodes per call', by: 'call' },
  { id: 'tooLoudPerCall', label: 'Too-loud cues per call', axis: 'cues per call', by: 'call' },
  { id: 'timeToCalm', label: 'Time to calm', axis: 'seconds (mean)', by: 'call' },
  {
    id: 'confirmedShare',
    label: 'Calls with confirmed priorities',
    axis: '% of calls',
    by: 'call',
  },
  { id: 'escalations', label: 'Escalations', axis: 'calls escalated', by: 'call' },
  { id: 'followUpsDue', label: 'Follow-ups due', axis: 'open, by due day', by: 'due' },
  { id: 'followUpsOverdue', label: 'Follow-ups overdue', axis: 'open, by due day', by: 'due' },
] as const;
export type TeamMetricId = (typeof TEAM_METRICS)[number]['id'];
/** Which days a metric is counted on: the call's day, or the follow-up's due day. */
export type TrendDays = (typeof TEAM_METRICS)[number]['by'];

export interface TrendSeries {
  /** null: the whole team. */
  readonly agent: string | null;
  readonly values: Readonly<Record<TeamMetricId, readonly (number | null)[]>>;
}

export interface TeamTrends {
  /** Every day from the first to the last with a call or a follow-up, as 'YYYY-MM-DD'. */
  readonly days: readonly string[];
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
): void {
  const acc = accumulate(byDay, callDay);
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
    const due = accumulate(byDay, date);
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
): TeamTrends {
  const bounds = [span.call.first, span.call.last, span.due.first, span.due.last]
    .filter((d): d is string => d !== undefined)
    .sort();
  const days = bounds.length === 0 ? [] : daysBetween(bounds[0], bounds[bounds.length - 1]);
  const rangeOf = (which: TrendDays): readonly [number, number] | null => {
    const { first, last } = span[which];
    return first === undefined || last === undefined
      ? null
      : [days.indexOf(first), days.indexOf(last)];
  };
  const agents = [...perAgent.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((agent) => seriesOf(agent, perAgent.get(agent)!, days));
  return {
    days,
    ranges: { call: rangeOf('call'), due: rangeOf('due') },
    team: seriesOf(null, team, days),
    agents,
  };
}

export function computeTeamTrends(sessions: readonly TrendInput[], asOfDay: string): TeamTrends {
  const team = new Map<string, DayAcc>();
  const perAgent = new Map<string, Map<string, DayAcc>>();
  const span: Span = { call: {}, due: {} };
  for (const { session, agent } of sessions) {
    const day = localDay(new Date(session.startedAt));
    widen(span, 'call', day);
    const { date, doneAt } = session.wrapUp.followUp;
    if (date !== null && doneAt === null) widen(span, 'due', date);
    addSession(team, session, day, asOfDay);
    let mine = perAgent.get(agent);
    if (!mine) perAgent.set(agent, (mine = new Map()));
    addSession(mine, session, day, asOfDay);
  }
  return trendsOf(team, perAgent, span);
}

/** The same trends from the team store's per-day, per-agent sums (the store adds up; this divides). */
export function computeTeamTrendsFromFigures(figures: TeamFigures, asOfDay: string): TeamTrends {
  const team = new Map<string, DayAcc>();
  const perAgent = new Map<string, Map<string, DayAcc>>();
  const span: Span = { call: {}, due: {} };
  const both = (agent: string, day: string, add: (acc: DayAcc) => void): void => {
    let mine = perAgent.get(agent);
    if (!mine) perAgent.set(agent, (mine = new Map()));
    add(accumulate(team, day));
    add(accumulate(mine, day));
  };
  for (const f of figures.calls) {
    widen(span, 'call', f.day);
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
    widen(span, 'due', f.day);
    both(f.agent, f.day, (acc) => {
      if (f.day < asOfDay) acc.overdue += f.open;
      else acc.due += f.open;
    });
  }
  return trendsOf(team, perAgent, span);
}
