/**
 * A session as one row of `calm_sessions` (pure): the whole session as JSON text, plus the columns the
 * team view filters and sorts on — taken from the session log's own summary and search text, so the store
 * filters exactly as the log does. PostgreSQL's text cannot hold U+0000 (nor can json give it back as
 * text): the filter columns and the queryable `session` json carry U+FFFD in its place, and a session that
 * holds one is also kept as its exact JSON text (`session_exact`, escaped, so it comes back exactly).
 */
import type { Session } from '../../preload/contract/session-schema';
import type { SessionSummary } from '../../preload/contract/session-ipc-schema';
import { searchTextOf, summarizeSession } from '../sessions/session-summary';

/**
 * The log's summary (the contract's SessionSummary) as the row keeps it: every field but `agent`, which
 * the row keeps as `agentName` (the agent id when the session names no agent). A field added to
 * SessionSummary is a field of the row, so it does not compile until `sessionRow` fills it and
 * `COLUMN_OF` names its column (and a store migration adds that column).
 */
type SummaryColumns = Omit<SessionSummary, 'agent'>;

export interface SessionRow extends SummaryColumns {
  readonly agentName: string;
  readonly endedAt: string;
  readonly savedAt: string;
  readonly timeToCalmSec: number | null;
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

/** Each field's column in `calm_sessions` and its type, in the order the upsert fills them. */
const COLUMN_OF = {
  id: ['id', 'uuid'],
  agentName: ['agent_name', 'text'],
  startedAt: ['started_at', 'timestamptz'],
  endedAt: ['ended_at', 'timestamptz'],
  savedAt: ['saved_at', 'timestamptz'],
  durationSec: ['duration_sec', 'float8'],
  resolution: ['resolution', 'text'],
  escalation: ['escalation', 'text'],
  followUpDate: ['follow_up_date', 'date'],
  followUpDone: ['follow_up_done', 'bool'],
  caseReference: ['case_reference', 'text'],
  priorityCount: ['priority_count', 'int4'],
  confirmedPriorityCount: ['confirmed_priority_count', 'int4'],
  overtalkCount: ['overtalk_count', 'int4'],
  tooLoudCount: ['too_loud_count', 'int4'],
  heatedCount: ['heated_count', 'int4'],
  timeToCalmSec: ['time_to_calm_sec', 'float8'],
  hasTimeline: ['has_timeline', 'bool'],
  searchText: ['search_text', 'text'],
  sessionJson: ['session', 'json'],
  sessionExact: ['session_exact', 'text'],
} as const satisfies { readonly [K in keyof SessionRow]: readonly [string, string] };

const ROW_FIELDS = Object.keys(COLUMN_OF) as (keyof SessionRow)[];

/** The column names and types in the order `upsertParameters` fills them (after team_id and agent_id):
 * the row's fields, then the timeline sent beside it. */
export const ROW_COLUMNS: readonly (readonly [string, string])[] = [
  ...Object.values(COLUMN_OF),
  ['timeline', 'json'],
];

/** The rows' values, row after row, in ROW_COLUMNS order (the parameters of one multi-row upsert). */
export function upsertParameters(
  rows: readonly SessionRow[],
  timelines: readonly (string | null)[],
): unknown[] {
  const values: unknown[] = [];
  rows.forEach((row, i) => {
    for (const field of ROW_FIELDS) values.push(row[field]);
    values.push(timelines[i] ?? null);
  });
  return values;
}
