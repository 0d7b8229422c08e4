/**
 * The team store over a `pg` pool: upserting this agent's sessions (one statement per batch, by session
 * id, never letting an older copy replace a newer one), and reading for the team view and the export
 * (pages, counts, every match in order, per-day figures). Every value is a parameter; row-level security
 * in the database decides what this login may write and read — nothing here widens or narrows it.
 */
import { SESSION_PAGE_DEFAULT, type SessionQuery } from '../../preload/contract/session-ipc-schema';
import { sessionSchema, type Session } from '../../preload/contract/session-schema';
import type {
  TeamFigures,
  TeamSessionPage,
  TeamSessionRow,
} from '../../preload/contract/team-store-schema';
import { ROW_COLUMNS, sessionRow, upsertParameters } from './session-row';
import { agentIdOfLogin, READER_TEAMS_SQL } from './store-membership';
import { assertStoreVersion } from './store-migrations';
import { daysOnlyCountSql, isDaysOnly, teamsSql, whereFor, type StoreFilter } from './store-query';
import type { StorePool } from './store-connection';
import type { SessionRefusal } from '../../preload/contract/team-store-problem';
import type { PracticeRunRecord } from '../../preload/contract/practice-schema';
import { practiceParameters, practiceUpsertSql } from './practice-row';

export interface SessionToStore {
  readonly session: Session;
  /** The loudness timeline as JSON text (only when the configuration includes timelines). */
  readonly timelineJson?: string | null;
}

/** A session read back from the store, with who synced it (`agent_id`, from the login, not the payload). */
export interface StoredSession {
  readonly session: Session;
  readonly agentId: string;
}

/** What the store did with one upsert's sessions. */
export interface UpsertResult {
  /** Sessions the store now holds as sent (written, or already there in a copy at least as new). */
  readonly stored: number;
  /** Ids the store did not take, with why (another agent's session id in this team). */
  readonly notTaken: readonly {
    readonly id: string;
    readonly reason: string;
    readonly refusal: SessionRefusal;
  }[];
}

export interface TeamStore {
  /** Checks that the store has this app's schema and, when there is something to send, lists this login
   * as the configured agent (a StoreVersionError or StoreSetupError says what to fix). A login with
   * nothing to send — a team lead's or QM's app — needs no agent row. */
  checkReady(toSend: boolean): Promise<void>;
  /** Upserts the sessions as this login's agent, in one statement (all or none). */
  upsert(items: readonly SessionToStore[]): Promise<UpsertResult>;
  /** Upserts rehearsals (Practice) into their own table as this login's agent, in one statement. */
  upsertPractice(runs: readonly PracticeRunRecord[]): Promise<UpsertResult>;
  list(
    query: StoreFilter & Pick<SessionQuery, 'offset' | 'limit'>,
    today: string,
  ): Promise<TeamSessionPage>;
  count(filter: StoreFilter, today: string): Promise<number>;
  /** Every matching session, newest first, fetched a batch at a time. Rows that fail the session schema
   * are skipped and counted in `skipped`. */
  iterate(filter: StoreFilter, today: string, skipped?: { count: number }): AsyncGenerator<Session>;
  /** As `iterate`, each session with the agent id the store recorded for the login that synced it. */
  iterateStored(
    filter: StoreFilter,
    today: string,
    skipped?: { count: number },
  ): AsyncGenerator<StoredSession>;
  figures(filter: StoreFilter, today: string, timeZone: string): Promise<TeamFigures>;
  /** Sessions of this agent in the store. */
  countMine(): Promise<number>;
}

/** One multi-row INSERT … ON CONFLICT for `count` rows: $1 team, $2 agent, then one parameter per value
 * (PostgreSQL types each from its column; at most 65,535 parameters, so batches stay under 3,000 rows). */
export function upsertSql(count: number): string {
  const names = ROW_COLUMNS.map(([name]) => name);
  const width = names.length;
  const rows: string[] = [];
  for (let r = 0; r < count; r++) {
    const values = names.map((_, c) => `$${3 + r * width + c}`);
    rows.push(`($1, $2, ${values.join(', ')})`);
  }
  const updates = names.filter((name) => name !== 'id').map((name) => `${name} = EXCLUDED.${name}`);
  // Another agent's row with the same id is left alone (not an error: the caller is told which ids were
  // not taken); an older copy never replaces a newer one.
  return `INSERT INTO calm_sessions (team_id, agent_id, ${names.join(', ')})
VALUES ${rows.join(',\n')}
ON CONFLICT (team_id, id) DO UPDATE SET ${updates.join(', ')}, synced_at = now()
WHERE calm_sessions.agent_id = EXCLUDED.agent_id AND calm_sessions.saved_at <= EXCLUDED.saved_at
RETURNING id`;
}

const ROW_FIELDS = `id, team_id, agent_id, agent_name, started_at, duration_sec, resolution, escalation,
  to_char(follow_up_date, 'YYYY-MM-DD') AS follow_up_date, follow_up_done, case_reference, priority_count,
  confirmed_priority_count, overtalk_count, too_loud_count, heated_count, has_timeline`;

interface DbRow {
  id: string;
  team_id: string;
  agent_id: string;
  agent_name: string;
  started_at: Date;
  duration_sec: number;
  resolution: TeamSessionRow['resolution'];
  escalation: TeamSessionRow['escalation'];
  follow_up_date: string | null;
  follow_up_done: boolean;
  case_reference: string;
  priority_count: number;
  confirmed_priority_count: number;
  overtalk_count: number;
  too_loud_count: number;
  heated_count: number;
  has_timeline: boolean;
}

const toRow = (r: DbRow): TeamSessionRow => ({
  id: r.id,
  teamId: r.team_id,
  agentId: r.agent_id,
  agent: r.agent_name,
  startedAt: r.started_at.toISOString(),
  durationSec: r.duration_sec,
  resolution: r.resolution,
  escalation: r.escalation,
  followUpDate: r.follow_up_date,
  followUpDone: r.follow_up_done,
  caseReference: r.case_reference,
  priorityCount: r.priority_count,
  confirmedPriorityCount: r.confirmed_priority_count,
  overtalkCount: r.overtalk_count,
  tooLoudCount: r.too_loud_count,
  heatedCount: r.heated_count,
  hasTimeline: r.has_timeline,
});

/** Rows fetched per round trip by `iterate`. */
const ITERATE_BATCH = 2000;

export function openTeamStore(
  pool: StorePool,
  identity: { readonly teamId: string; readonly agentId: string },
): TeamStore {
  let checked: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    checked ??= assertStoreVersion(pool).catch((error: unknown) => {
      checked = null;
      throw error;
    });
    return checked;
  };
  let agent: Promise<string> | null = null;
  const agentId = (): Promise<string> => {
    agent ??= ready()
      .then(() => agentIdOfLogin(pool, identity.teamId, identity.agentId))
      .catch((error: unknown) => {
        agent = null;
        throw error;
      });
    return agent;
  };

  const count = async (filter: StoreFilter, today: string): Promise<number> => {
    await ready();
    if (isDaysOnly(filter)) {
      const params: unknown[] = [];
      const { rows } = await pool.query<{ n: string }>(daysOnlyCountSql(filter, params), params);
      return Number(rows[0].n);
    }
    const where = whereFor(filter, today);
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM calm_sessions ${where.sql}`,
      where.params,
    );
    return Number(rows[0].n);
  };

  async function* iterateStored(
    filter: StoreFilter,
    today: string,
    skipped?: { count: number },
  ): AsyncGenerator<StoredSession> {
    await ready();
    // The keyset travels as text: timestamptz's text keeps microseconds and the offset (a Date would
    // round to milliseconds and skip rows).
    let after: { startedKey: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [];
      const where = whereFor(filter, today, params);
      let sql = where.sql;
      if (after !== null) {
        params.push(after.startedKey, after.id);
        sql = `${sql} AND (started_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
      }
      params.push(ITERATE_BATCH);
      const { rows } = await pool.query<{
        id: string;
        started_key: string;
        agent_id: string;
        agent_name: string;
        session: unknown;
      }>(
        `SELECT id, started_at::text AS started_key, agent_id, agent_name,
           coalesce(session_exact::json, session) AS session FROM calm_sessions ${sql}
         ORDER BY started_at DESC, id DESC LIMIT $${params.length}`,
        params,
      );
      for (const row of rows) {
        const parsed = sessionSchema.safeParse(row.session);
        if (!parsed.success) {
          if (skipped) skipped.count++;
          continue;
        }
        const session = parsed.data;
        yield {
          session: session.agent === '' ? { ...session, agent: row.agent_name } : session,
          agentId: row.agent_id,
        };
      }
      if (rows.length < ITERATE_BATCH) return;
      const last = rows[rows.length - 1];
      after = { startedKey: last.started_key, id: last.id };
    }
  }

  /** What an upsert did: the ids it did not write are this agent's own rows already newer (sent before),
   * or another agent's ids in the team (not taken, with why). */
  const notTakenOf = async (
    table: 'calm_sessions' | 'calm_practice_runs',
    asAgent: string,
    ids: readonly string[],
    written: readonly { id: string }[],
  ): Promise<UpsertResult> => {
    if (written.length === ids.length) return { stored: ids.length, notTaken: [] };
    const taken = new Set(written.map((row) => row.id));
    const rest = ids.filter((id) => !taken.has(id));
    const { rows: own } = await pool.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE team_id = $1 AND agent_id = $2 AND id = ANY($3::uuid[])`,
      [identity.teamId, asAgent, rest],
    );
    const mine = new Set(own.map((row) => row.id));
    const notTaken = rest
      .filter((id) => !mine.has(id))
      .map((id) => ({
        id,
        reason: `session ${id} is another agent's in team ${identity.teamId} (the store keeps theirs)`,
        refusal: { refusal: 'otherAgent', session: id, team: identity.teamId } as const,
      }));
    return { stored: ids.length - notTaken.length, notTaken };
  };

  return {
    async checkReady(toSend) {
      if (!toSend) return ready();
      // Asked afresh each time: IT may have fixed (or changed) the membership since.
      agent = null;
      await agentId();
    },
    async upsert(items) {
      if (items.length === 0) return { stored: 0, notTaken: [] };
      const asAgent = await agentId();
      const rows = items.map((item) => sessionRow(item.session, asAgent));
      const timelines = items.map((item) => item.timelineJson ?? null);
      const written = await pool.query<{ id: string }>(upsertSql(rows.length), [
        identity.teamId,
        asAgent,
        ...upsertParameters(rows, timelines),
      ]);
      return notTakenOf(
        'calm_sessions',
        asAgent,
        rows.map((row) => row.id),
        written.rows,
      );
    },
    async upsertPractice(runs) {
      if (runs.length === 0) return { stored: 0, notTaken: [] };
      const asAgent = await agentId();
      const written = await pool.query<{ id: string }>(practiceUpsertSql(runs.length), [
        identity.teamId,
        asAgent,
        ...practiceParameters(runs, asAgent),
      ]);
      return notTakenOf(
        'calm_practice_runs',
        asAgent,
        runs.map((run) => run.id),
        written.rows,
      );
    },
    async list(query, today) {
      await ready();
      const offset = query.offset ?? 0;
      const limit = query.limit ?? SESSION_PAGE_DEFAULT;
      // Each team's newest `offset + limit` keys from its own index range (index only), merged; then the
      // page's rows fetched by key: a page costs about the same whether the reader has one team or fifty,
      // and no other team's rows are touched.
      const params: unknown[] = [];
      const teams = teamsSql(query, params);
      const where = whereFor(query, today, params, 'none');
      const filters = where.sql.replace(/^WHERE /, '');
      params.push(offset + limit, limit, offset);
      const n = params.length;
      const [page, total] = await Promise.all([
        pool.query<DbRow>(
          `WITH top AS (
             SELECT k.team_id, k.id, k.started_at FROM (${teams}) AS reader(team) CROSS JOIN LATERAL (
               SELECT team_id, id, started_at FROM calm_sessions
               WHERE team_id = reader.team${filters ? ` AND ${filters}` : ''}
               ORDER BY started_at DESC, id DESC LIMIT $${n - 2}) k
             ORDER BY k.started_at DESC, k.id DESC LIMIT $${n - 1} OFFSET $${n})
           SELECT s.* FROM top CROSS JOIN LATERAL (
             SELECT ${ROW_FIELDS} FROM calm_sessions WHERE team_id = top.team_id AND id = top.id) s
           ORDER BY s.started_at DESC, s.id DESC`,
          params,
        ),
        count(query, today),
      ]);
      return { rows: page.rows.map(toRow), total, offset };
    },
    count,
    async *iterate(filter, today, skipped) {
      for await (const stored of iterateStored(filter, today, skipped)) yield stored.session;
    },
    iterateStored,
    async figures(filter, today, timeZone) {
      await ready();
      const callParams: unknown[] = [timeZone];
      const where = whereFor(filter, today, callParams);
      const dueParams: unknown[] = [];
      const dueWhere = whereFor({ ...filter, from: undefined, to: undefined }, today, dueParams);
      const open = 'follow_up_date IS NOT NULL AND NOT follow_up_done';
      // Grouped by the agent id the store recorded for the syncing login (not the free-text name a
      // session carries); each agent is labelled with the display name of their latest call beside it.
      const label = `first_value(max(agent_name)) OVER (PARTITION BY team_id, agent_id ORDER BY max(started_at) DESC)
        || ' (' || agent_id || ')'`;
      // Rehearsals by the days, team and agent only (a call's resolution or follow-up is not theirs).
      const practiceParams: unknown[] = [];
      const practiceWhere = whereFor(
        { team: filter.team, from: filter.from, to: filter.to, agent: filter.agent },
        today,
        practiceParams,
      );
      const [calls, followUps, teams, practice] = await Promise.all([
        pool.query(
          `SELECT day, agent, calls, overtalk_sum, too_loud_sum, time_to_calm_sum, time_to_calm_count,
             confirmed_calls, escalations FROM (
             SELECT to_char((started_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day, ${label} AS agent,
               count(*)::int AS calls, sum(overtalk_count)::float8 AS overtalk_sum,
               sum(too_loud_count)::float8 AS too_loud_sum,
               coalesce(sum(time_to_calm_sec), 0)::float8 AS time_to_calm_sum,
               count(time_to_calm_sec)::int AS time_to_calm_count,
               count(*) FILTER (WHERE confirmed_priority_count > 0)::int AS confirmed_calls,
               count(*) FILTER (WHERE escalation <> 'none')::int AS escalations
             FROM calm_sessions ${where.sql} GROUP BY 1, team_id, agent_id) g ORDER BY 1, 2`,
          callParams,
        ),
        pool.query(
          `SELECT day, agent, open FROM (
             SELECT to_char(follow_up_date, 'YYYY-MM-DD') AS day, ${label} AS agent, count(*)::int AS open
             FROM calm_sessions ${dueWhere.sql} AND ${open}
             GROUP BY 1, team_id, agent_id) g ORDER BY 1, 2`,
          dueParams,
        ),
        pool.query<{ team_id: string }>(`${READER_TEAMS_SQL} ORDER BY 1`),
        pool.query(
          `SELECT max(agent_name) || ' (' || agent_id || ')' AS agent, count(*)::int AS rehearsals,
             sum(turns)::int AS turns, sum(waited)::int AS waited,
             sum(answered_softly)::int AS answered_softly, sum(talked_over)::int AS talked_over,
             sum(unanswered)::int AS unanswered, max(started_at) AS last_at
           FROM calm_practice_runs ${practiceWhere.sql} GROUP BY team_id, agent_id ORDER BY 1`,
          practiceParams,
        ),
      ]);
      return {
        calls: calls.rows.map((r) => ({
          day: r.day,
          agent: r.agent,
          calls: r.calls,
          overtalkSum: r.overtalk_sum,
          tooLoudSum: r.too_loud_sum,
          timeToCalmSum: r.time_to_calm_sum,
          timeToCalmCount: r.time_to_calm_count,
          confirmedCalls: r.confirmed_calls,
          escalations: r.escalations,
        })),
        followUps: followUps.rows.map((r) => ({ day: r.day, agent: r.agent, open: r.open })),
        teams: teams.rows.map((r) => r.team_id),
        practice: practice.rows.map((r) => ({
          agent: r.agent,
          rehearsals: r.rehearsals,
          turns: r.turns,
          waited: r.waited,
          answeredSoftly: r.answered_softly,
          talkedOver: r.talked_over,
          unanswered: r.unanswered,
          lastAt: (r.last_at as Date).toISOString(),
        })),
      };
    },
    async countMine() {
      await ready();
      const { rows } = await pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM calm_sessions WHERE team_id = $1 AND agent_id = $2',
        [identity.teamId, identity.agentId],
      );
      return Number(rows[0].n);
    },
  };
}
