/**
 * A session as one row of `calm_sessions` (pure): the whole session as JSON text, plus the columns the
 * team view filters and sorts on — taken from the session log's own summary and search text, so the store
 * filters exactly as the log does. PostgreSQL's text cannot hold U+0000 (nor can json give it back as
 * text): the filter columns and the queryable `session` json carry U+FFFD in its place, and a session that
 * holds one is also kept as its exact JSON text (`session_exact`, escaped, so it comes back exactly).
 */
import type { Session } from '../../preload/contract/session-schema';
import { searchTextOf, summarizeSession } from '../sessions/session-summary';

export interface SessionRow {
  readonly id: string;
  readonly agentName: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly savedAt: string;
  readonly durationSec: number;
  readonly resolution: string | null;
  readonly escalation: string;
  readonly followUpDate: string | null;
  readonly followUpDone: boolean;
  readonly caseReference: string;
  readonly priorityCount: number;
  readonly confirmedPriorityCount: number;
  readonly overtalkCount: number;
  readonly tooLoudCount: number;
  readonly heatedCount: number;
  readonly timeToCalmSec: number | null;
  readonly hasTimeline: boolean;
  readonly searchText: string;
  /** The session as JSON, every U+0000 in its text as U+FFFD (what admin queries read). */
  readonly sessionJson: string;
  /** The exact JSON text when it differs from sessionJson (the session holds a U+0000), else null. */
  readonly sessionExact: string | null;
}

// eslint-disable-next-line no-control-regex
const withoutNul = (text: string): string => text.replace(/\u0000/g, '\uFFFD');

export function sessionRow(session: Session, agentId: string): SessionRow {
  const summary = summarizeSession(session);
  const exact = JSON.stringify(session);
  const queryable = exact.includes('\\u0000')
    ? JSON.stringify(session, (_key, value: unknown) =>
        typeof value === 'string' ? withoutNul(value) : value,
      )
    : exact;
  return {
    id: session.id,
    agentName: withoutNul(session.agent || agentId),
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    savedAt: session.savedAt,
    durationSec: summary.durationSec,
    resolution: summary.resolution,
    escalation: summary.escalation,
    followUpDate: summary.followUpDate,
    followUpDone: summary.followUpDone,
    caseReference: withoutNul(summary.caseReference),
    priorityCount: summary.priorityCount,
    confirmedPriorityCount: summary.confirmedPriorityCount,
    overtalkCount: summary.overtalkCount,
    tooLoudCount: summary.tooLoudCount,
    heatedCount: summary.heatedCount,
    timeToCalmSec: session.call.metrics.timeToCalmSec,
    hasTimeline: summary.hasTimeline,
    searchText: withoutNul(searchTextOf(session)),
    sessionJson: queryable,
    sessionExact: queryable === exact ? null : exact,
  };
}

/** The column names in the order `upsertParameters` fills them (after team_id and agent_id). */
export const ROW_COLUMNS = [
  ['id', 'uuid'],
  ['agent_name', 'text'],
  ['started_at', 'timestamptz'],
  ['ended_at', 'timestamptz'],
  ['saved_at', 'timestamptz'],
  ['duration_sec', 'float8'],
  ['resolution', 'text'],
  ['escalation', 'text'],
  ['follow_up_date', 'date'],
  ['follow_up_done', 'bool'],
  ['case_reference', 'text'],
  ['priority_count', 'int4'],
  ['confirmed_priority_count', 'int4'],
  ['overtalk_count', 'int4'],
  ['too_loud_count', 'int4'],
  ['heated_count', 'int4'],
  ['time_to_calm_sec', 'float8'],
  ['has_timeline', 'bool'],
  ['search_text', 'text'],
  ['session', 'json'],
  ['session_exact', 'text'],
  ['timeline', 'json'],
] as const;

/** The rows' values, row after row, in ROW_COLUMNS order (the parameters of one multi-row upsert). */
export function upsertParameters(
  rows: readonly SessionRow[],
  timelines: readonly (string | null)[],
): unknown[] {
  const pick: ((row: SessionRow, i: number) => unknown)[] = [
    (r) => r.id,
    (r) => r.agentName,
    (r) => r.startedAt,
    (r) => r.endedAt,
    (r) => r.savedAt,
    (r) => r.durationSec,
    (r) => r.resolution,
    (r) => r.escalation,
    (r) => r.followUpDate,
    (r) => r.followUpDone,
    (r) => r.caseReference,
    (r) => r.priorityCount,
    (r) => r.confirmedPriorityCount,
    (r) => r.overtalkCount,
    (r) => r.tooLoudCount,
    (r) => r.heatedCount,
    (r) => r.timeToCalmSec,
    (r) => r.hasTimeline,
    (r) => r.searchText,
    (r) => r.sessionJson,
    (r) => r.sessionExact,
    (_r, i) => timelines[i] ?? null,
  ];
  const values: unknown[] = [];
  rows.forEach((row, i) => {
    for (const get of pick) values.push(get(row, i));
  });
  return values;
}
