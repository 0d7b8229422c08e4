/**
 * The session log's query as SQL over `calm_sessions` (pure): the same filters with the same meaning —
 * calendar days in the host's local time (turned into instants here, so the server's time zone does not
 * matter), resolution ('none' = not set), escalation, agent, follow-ups as of `today`, and every search
 * word in the folded search text. Values only ever travel as parameters ($1, $2, …).
 */
import type { SessionQuery } from '../../preload/contract/session-ipc-schema';
import { localDayStartMs } from '../../preload/domain/calendar-day';
import { searchTerms } from '../sessions/session-summary';

export interface SqlWhere {
  /** `WHERE …` (or '' when nothing is filtered). */
  readonly sql: string;
  readonly params: unknown[];
}

export interface StoreFilter extends Omit<SessionQuery, 'offset' | 'limit'> {
  /** One team (else every team the reader may read). */
  readonly team?: string;
}

export function whereFor(query: StoreFilter, today: string, params: unknown[] = []): SqlWhere {
  const clauses: string[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.team !== undefined) clauses.push(`team_id = ${param(query.team)}`);
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
  if (query.agent !== undefined) clauses.push(`agent_name = ${param(query.agent)}`);
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
