/**
 * The session log's query as SQL over `calm_sessions` (pure): the same filters with the same meaning —
 * calendar days in the host's local time (turned into instants here, so the server's time zone does not
 * matter), resolution ('none' = not set), escalation, agent, follow-ups as of `today`, and every search
 * word in the folded search text. Values only ever travel as parameters ($1, $2, …).
 *
 * Every query names its teams: the one chosen, or the teams this login leads or belongs to (read once per
 * statement, as an init plan) — so each team is one range of an index that starts with the team, and
 * "all my teams" costs what its own rows cost, not what every team's rows cost. Row-level security still
 * decides what each row shows; the team list only lets the planner use the index.
 */
import type { SessionQuery } from '../../preload/contract/session-ipc-schema';
import { localDayStartMs } from '../../preload/domain/calendar-day';
import { searchTerms } from '../sessions/session-summary';
import { READER_TEAMS_SQL } from './store-membership';

export interface SqlWhere {
  /** `WHERE …` (or '' when nothing is filtered). */
  readonly sql: string;
  readonly params: unknown[];
}

export interface StoreFilter extends Omit<SessionQuery, 'offset' | 'limit'> {
  /** One team (else every team the reader may read). */
  readonly team?: string;
}

/** Whether a filter names nothing but days and a team (a count the hourly sums can answer). */
export function isDaysOnly(query: StoreFilter): boolean {
  return (
    query.resolution === undefined &&
    query.escalation === undefined &&
    query.agent === undefined &&
    query.followUp === undefined &&
    searchTerms(query.text).length === 0
  );
}

/**
 * The count of a days-only filter: for the teams this login leads, the hourly sums of the whole UTC
 * hours in the range plus the sessions of the partial hours at its ends (a day that starts at :30 local
 * time); for the teams it is only an agent in, its own sessions (row-level security). The hour table is
 * kept by triggers (store-migrations.ts), so this is exact.
 */
export function daysOnlyCountSql(query: StoreFilter, params: unknown[]): string {
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const HOUR = 3_600_000;
  const a = query.from === undefined ? null : localDayStartMs(query.from);
  const b = query.to === undefined ? null : localDayStartMs(query.to, 1);
  // Whole UTC hours inside [a, b): [firstHour, lastHour) (null: unbounded on that side).
  const firstHour = a === null ? null : Math.ceil(a / HOUR) * HOUR;
  const lastHour = b === null ? null : Math.floor(b / HOUR) * HOUR;
  const instant = (ms: number): string => `${param(new Date(ms).toISOString())}::timestamptz`;
  const utcHour = (ms: number): string =>
    `${param(new Date(ms).toISOString().slice(0, 19))}::timestamp`;
  const team = query.team === undefined ? '' : ` AND team_id = ${param(query.team)}`;
  const led = `ARRAY(SELECT team_id FROM calm_team_leads WHERE role_name = current_user${team})`;
  const agentOnly = `ARRAY(SELECT team_id FROM calm_agents WHERE role_name = current_user${team}
    EXCEPT SELECT team_id FROM calm_team_leads WHERE role_name = current_user)`;
  const exact = (teams: string, from: number | null, to: number | null): string => {
    const range = [
      from === null ? '' : ` AND started_at >= ${instant(from)}`,
      to === null ? '' : ` AND started_at < ${instant(to)}`,
    ].join('');
    return `(SELECT count(*) FROM calm_sessions WHERE team_id = ANY (${teams})${range})`;
  };
  const parts: string[] = [];
  if (a !== null && b !== null && firstHour! >= lastHour!) {
    parts.push(exact(led, a, b)); // less than one whole hour
  } else {
    const hours = [
      firstHour === null ? '' : ` AND hour >= ${utcHour(firstHour)}`,
      lastHour === null ? '' : ` AND hour < ${utcHour(lastHour)}`,
    ].join('');
    parts.push(
      `(SELECT coalesce(sum(n), 0) FROM calm_session_hours WHERE team_id = ANY (${led})${hours})`,
    );
    if (a !== null && a < firstHour!) parts.push(exact(led, a, firstHour));
    if (b !== null && lastHour! < b) parts.push(exact(led, lastHour, b));
  }
  parts.push(exact(agentOnly, a, b));
  return `SELECT ${parts.join('\n  + ')} AS n`;
}

/** The SQL listing the teams a query reads: the chosen one, or every team of this login. */
export function teamsSql(query: Pick<StoreFilter, 'team'>, params: unknown[]): string {
  if (query.team === undefined) return READER_TEAMS_SQL;
  params.push(query.team);
  return `SELECT $${params.length}::text`;
}

/**
 * The WHERE clause of a query. `teamColumn` null leaves the team out (the caller joins each team in);
 * otherwise the team is `team_id = $n` or, for all of the reader's teams, `team_id = ANY (…)`.
 */
export function whereFor(
  query: StoreFilter,
  today: string,
  params: unknown[] = [],
  teamClause: 'teams' | 'none' = 'teams',
): SqlWhere {
  const clauses: string[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (teamClause === 'teams')
    clauses.push(
      query.team !== undefined
        ? `team_id = ${param(query.team)}`
        : `team_id = ANY (ARRAY(${READER_TEAMS_SQL}))`,
    );
  if (query.from !== undefined)
    clauses.push(`started_at >= ${param(new Date(localDayStartMs(query.from)).toISOString())}`);
  if (query.to !== undefined)
    clauses.push(`started_at < ${param(new Date(localDayStartMs(query.to, 1)).toISOString())}`);
  if (query.resolution !== undefined) {
    clauses.push(
      query.resolution === 'none'
        ? 'resolution IS NULL'
        : `resolution = ${param(query.resolution)}`,
    );
  }
  if (query.escalation !== undefined) clauses.push(`escalation = ${param(query.escalation)}`);
  if (query.agent !== undefined) {
    // The agent id the store recorded, or the display name the sessions carry.
    const agent = param(query.agent);
    clauses.push(`(agent_id = ${agent} OR agent_name = ${agent})`);
  }
  switch (query.followUp) {
    case 'due':
      clauses.push(`NOT follow_up_done AND follow_up_date = ${param(today)}::date`);
      break;
    case 'overdue':
      clauses.push(`NOT follow_up_done AND follow_up_date < ${param(today)}::date`);
      break;
    case 'open':
      clauses.push('NOT follow_up_done AND follow_up_date IS NOT NULL');
      break;
    case 'done':
      clauses.push('follow_up_done');
      break;
    case undefined:
      break;
  }
  for (const term of searchTerms(query.text)) {
    // eslint-disable-next-line no-control-regex
    clauses.push(`strpos(search_text, ${param(term.replace(/\u0000/g, '\uFFFD'))}) > 0`);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
