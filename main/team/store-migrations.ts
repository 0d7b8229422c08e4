/**
 * The team store's schema, as versioned migrations in code. `migrate` applies the missing ones in order,
 * each in its own transaction, under an advisory lock (two administrators migrating at once wait for each
 * other), and records them in `calm_schema_migrations`. A store newer than this app is refused.
 *
 * Access: every agent and team lead logs in as their own database role, a member of `calm_line_member`.
 * Row-level security on `calm_sessions` lets a role insert and update only rows of the (team, agent)
 * that `calm_agents` lists for it, and read its own rows plus every row of the teams `calm_team_leads`
 * lists for it. The membership tables are themselves row-level secured (each role sees its own rows), so
 * nobody learns who else is in which team. No DELETE is granted. The owner (who migrates) bypasses RLS.
 *
 * The session is kept whole as `json` (not jsonb: json gives back exactly the text stored). Since version 2
 * a U+0000 is stored there as U+FFFD (json cannot turn \u0000 into text, so `->>` over the table would
 * fail) and the exact text beside it in `session_exact`; session ids are unique per team (the primary key
 * is (team_id, id)), and team names are visible to their members only. The columns beside the session are
 * what the team view filters, sorts and counts on, with indexes that start with the team: a reader's
 * "all my teams" is one index range per team (team-store.ts). Since version 3 rehearsals (Practice) have
 * their own table, `calm_practice_runs`, under the same rules: no session query reads it.
 */
import type pg from 'pg';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MEMBER_ROLE = 'calm_line_member';

/**
 * The row-level security of a table of agents' rows (sessions, rehearsals): a role reads its own rows
 * and every row of the teams it leads, and inserts and updates only the rows of the (team, agent)
 * `calm_agents` lists for it.
 */
function agentRowPolicies(table: string): string {
  const own = (indent: string) => `EXISTS (SELECT 1 FROM calm_agents a
${indent}WHERE a.team_id = ${table}.team_id AND a.agent_id = ${table}.agent_id
${indent}  AND a.role_name = current_user)`;
  return `CREATE POLICY agent_reads_own ON ${table} FOR SELECT TO ${MEMBER_ROLE}
  USING (${own('                 ')});
CREATE POLICY lead_reads_team ON ${table} FOR SELECT TO ${MEMBER_ROLE}
  USING (EXISTS (SELECT 1 FROM calm_team_leads l
                 WHERE l.team_id = ${table}.team_id AND l.role_name = current_user));
CREATE POLICY agent_inserts_own ON ${table} FOR INSERT TO ${MEMBER_ROLE}
  WITH CHECK (${own('                      ')});
CREATE POLICY agent_updates_own ON ${table} FOR UPDATE TO ${MEMBER_ROLE}
  USING (${own('                 ')})
  WITH CHECK (${own('                      ')});
`;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'teams, members and sessions with row-level security',
    sql: `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${MEMBER_ROLE}') THEN
    CREATE ROLE ${MEMBER_ROLE} NOLOGIN;
  END IF;
END $$;

CREATE TABLE calm_teams (
  team_id text PRIMARY KEY CHECK (team_id ~ '^[A-Za-z0-9._-]{1,64}$'),
  name text NOT NULL DEFAULT ''
);

CREATE TABLE calm_agents (
  team_id text NOT NULL REFERENCES calm_teams ON DELETE CASCADE,
  agent_id text NOT NULL CHECK (agent_id ~ '^[A-Za-z0-9._-]{1,64}$'),
  role_name name NOT NULL,
  PRIMARY KEY (team_id, agent_id),
  UNIQUE (role_name, team_id)
);

CREATE TABLE calm_team_leads (
  team_id text NOT NULL REFERENCES calm_teams ON DELETE CASCADE,
  role_name name NOT NULL,
  PRIMARY KEY (team_id, role_name)
);

CREATE TABLE calm_sessions (
  id uuid PRIMARY KEY,
  team_id text NOT NULL,
  agent_id text NOT NULL,
  agent_name text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  saved_at timestamptz NOT NULL,
  duration_sec double precision NOT NULL,
  resolution text,
  escalation text NOT NULL,
  follow_up_date date,
  follow_up_done boolean NOT NULL,
  case_reference text NOT NULL,
  priority_count integer NOT NULL,
  confirmed_priority_count integer NOT NULL,
  overtalk_count integer NOT NULL,
  too_loud_count integer NOT NULL,
  heated_count integer NOT NULL,
  time_to_calm_sec double precision,
  has_timeline boolean NOT NULL,
  search_text text NOT NULL,
  session json NOT NULL,
  timeline json,
  synced_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (team_id, agent_id) REFERENCES calm_agents (team_id, agent_id)
);
CREATE INDEX calm_sessions_team_started ON calm_sessions (team_id, started_at DESC, id DESC);
CREATE INDEX calm_sessions_team_agent ON calm_sessions (team_id, agent_name, started_at DESC);
CREATE INDEX calm_sessions_team_resolution ON calm_sessions (team_id, resolution, started_at DESC);
CREATE INDEX calm_sessions_team_escalation ON calm_sessions (team_id, escalation, started_at DESC);
CREATE INDEX calm_sessions_team_follow_up ON calm_sessions (team_id, follow_up_date)
  WHERE follow_up_date IS NOT NULL AND NOT follow_up_done;
CREATE INDEX calm_sessions_agent ON calm_sessions (team_id, agent_id, started_at DESC);

ALTER TABLE calm_agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE calm_team_leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE calm_sessions ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_membership ON calm_agents FOR SELECT TO ${MEMBER_ROLE}
  USING (role_name = current_user);
CREATE POLICY own_leadership ON calm_team_leads FOR SELECT TO ${MEMBER_ROLE}
  USING (role_name = current_user);

${agentRowPolicies('calm_sessions')}
GRANT SELECT ON calm_teams, calm_agents, calm_team_leads TO ${MEMBER_ROLE};
GRANT SELECT, INSERT, UPDATE ON calm_sessions TO ${MEMBER_ROLE};
`,
  },
  {
    version: 2,
    name: 'session ids per team, all-teams reads indexed, exact text beside queryable json, team names private',
    sql: `
-- A session id is unique within its team: an agent learns nothing about another team's ids.
ALTER TABLE calm_sessions DROP CONSTRAINT calm_sessions_pkey;
ALTER TABLE calm_sessions ADD PRIMARY KEY (team_id, id);

-- The reader's teams drive one index range per team (started_at within the team); agent_id rides
-- along so row-level security is decided from the index alone (counts are index-only scans).
CREATE INDEX calm_sessions_team_started_agent ON calm_sessions (team_id, started_at DESC, id DESC)
  INCLUDE (agent_id);
DROP INDEX calm_sessions_team_started;

-- json cannot give U+0000 back as text (->> fails on it): the queryable copy carries U+FFFD, and the
-- exact JSON text is kept beside it only for the sessions that hold a U+0000.
ALTER TABLE calm_sessions ADD COLUMN session_exact text;
UPDATE calm_sessions SET session_exact = session::text,
  session = replace(session::text, '\\u0000', '\\ufffd')::json
  WHERE strpos(session::text, '\\u0000') > 0;

-- Sessions per team and UTC hour, kept by statement triggers (one grouped upsert per statement, in
-- key order so concurrent syncs lock the same rows in the same order). A lead's count over days is
-- these sums plus the sessions of the partial hours at its ends (team-store.ts): the view as it opens
-- does not count every row of every team. Leads read their teams' hours; agents count their own rows.
CREATE TABLE calm_session_hours (
  team_id text NOT NULL,
  hour timestamp NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (team_id, hour)
);
INSERT INTO calm_session_hours (team_id, hour, n)
  SELECT team_id, date_trunc('hour', started_at AT TIME ZONE 'UTC'), count(*)
  FROM calm_sessions GROUP BY 1, 2;
ALTER TABLE calm_session_hours ENABLE ROW LEVEL SECURITY;
CREATE POLICY lead_reads_team_hours ON calm_session_hours FOR SELECT TO ${MEMBER_ROLE}
  USING (EXISTS (SELECT 1 FROM calm_team_leads l
                 WHERE l.team_id = calm_session_hours.team_id AND l.role_name = current_user));
GRANT SELECT ON calm_session_hours TO ${MEMBER_ROLE};

CREATE FUNCTION calm_session_hours_add() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $fn$
BEGIN
  INSERT INTO calm_session_hours AS h (team_id, hour, n)
    SELECT team_id, hour, sum(d)::int FROM (
      SELECT team_id, date_trunc('hour', started_at AT TIME ZONE 'UTC') AS hour, -1 AS d FROM gone
      UNION ALL
      SELECT team_id, date_trunc('hour', started_at AT TIME ZONE 'UTC'), 1 FROM came) c
    GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
  ON CONFLICT (team_id, hour) DO UPDATE SET n = h.n + EXCLUDED.n;
  RETURN NULL;
END $fn$;
-- Each event with the transition tables it has (the function reads "gone" and "came").
CREATE FUNCTION calm_session_hours_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $fn$
BEGIN
  INSERT INTO calm_session_hours AS h (team_id, hour, n)
    SELECT team_id, date_trunc('hour', started_at AT TIME ZONE 'UTC'), count(*)::int FROM came
    GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (team_id, hour) DO UPDATE SET n = h.n + EXCLUDED.n;
  RETURN NULL;
END $fn$;
CREATE FUNCTION calm_session_hours_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $fn$
BEGIN
  UPDATE calm_session_hours h SET n = h.n - d.n
    FROM (SELECT team_id, date_trunc('hour', started_at AT TIME ZONE 'UTC') AS hour, count(*)::int AS n
          FROM gone GROUP BY 1, 2 ORDER BY 1, 2) d
    WHERE h.team_id = d.team_id AND h.hour = d.hour;
  RETURN NULL;
END $fn$;
CREATE TRIGGER calm_sessions_hours_insert AFTER INSERT ON calm_sessions
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION calm_session_hours_insert();
CREATE TRIGGER calm_sessions_hours_update AFTER UPDATE ON calm_sessions
  REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT
  EXECUTE FUNCTION calm_session_hours_add();
CREATE TRIGGER calm_sessions_hours_delete AFTER DELETE ON calm_sessions
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION calm_session_hours_delete();

-- Members see the names of their own teams only.
ALTER TABLE calm_teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_teams ON calm_teams FOR SELECT TO ${MEMBER_ROLE}
  USING (EXISTS (SELECT 1 FROM calm_agents a
                 WHERE a.team_id = calm_teams.team_id AND a.role_name = current_user)
         OR EXISTS (SELECT 1 FROM calm_team_leads l
                    WHERE l.team_id = calm_teams.team_id AND l.role_name = current_user));
`,
  },
  {
    version: 3,
    name: 'rehearsals: the practice history, apart from the sessions',
    sql: `
-- A rehearsal (Practice) is never a call: its own table, which no session query reads. The same rules as
-- calm_sessions: an agent writes and reads its own rows, a lead reads its teams' rows, nobody deletes.
CREATE TABLE calm_practice_runs (
  team_id text NOT NULL,
  id uuid NOT NULL,
  agent_id text NOT NULL,
  agent_name text NOT NULL,
  scenario_id uuid NOT NULL,
  scenario_title text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  turns integer NOT NULL,
  waited integer NOT NULL,
  answered_softly integer NOT NULL,
  talked_over integer NOT NULL,
  unanswered integer NOT NULL,
  run json NOT NULL,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, id),
  FOREIGN KEY (team_id, agent_id) REFERENCES calm_agents (team_id, agent_id)
);
CREATE INDEX calm_practice_runs_team_started ON calm_practice_runs (team_id, started_at DESC)
  INCLUDE (agent_id);

ALTER TABLE calm_practice_runs ENABLE ROW LEVEL SECURITY;
${agentRowPolicies('calm_practice_runs')}GRANT SELECT, INSERT, UPDATE ON calm_practice_runs TO ${MEMBER_ROLE};
`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Any number that is Calm Line's and nobody else's: the advisory lock migrations take. */
const MIGRATION_LOCK = 0x63616c6d; // "calm"

export class StoreVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreVersionError';
  }
}

/** The store's schema version: 0 when it has none yet. */
export async function storeVersion(client: pg.ClientBase | pg.Pool): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('calm_schema_migrations') IS NULL THEN 0
            ELSE (SELECT coalesce(max(version), 0) FROM calm_schema_migrations) END AS version`,
  );
  return Number(rows[0]?.version ?? 0);
}

/** Throws a StoreVersionError unless the store has exactly the schema this app writes. */
export async function assertStoreVersion(client: pg.ClientBase | pg.Pool): Promise<void> {
  const version = await storeVersion(client);
  if (version === LATEST_VERSION) return;
  if (version === 0)
    throw new StoreVersionError(
      'the team store has no Calm Line schema yet (an administrator runs: npm run --silent team -- migrate)',
    );
  if (version < LATEST_VERSION)
    throw new StoreVersionError(
      `the team store's schema is version ${version}; this app needs ${LATEST_VERSION} (an administrator runs: npm run --silent team -- migrate)`,
    );
  throw new StoreVersionError(
    `the team store's schema is version ${version}, newer than this app knows (${LATEST_VERSION}); update Calm Line`,
  );
}

export interface MigrateResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly Migration[];
}

/** Applies every missing migration, oldest first; each in one transaction. */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS calm_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`GRANT SELECT ON calm_schema_migrations TO PUBLIC`);
    const from = await storeVersion(client);
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (from > latest)
      throw new StoreVersionError(
        `the team store's schema is version ${from}, newer than this app knows (${latest}); update Calm Line`,
      );
    const applied: Migration[] = [];
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO calm_schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      applied.push(migration);
    }
    return { from, to: Math.max(from, ...applied.map((m) => m.version)), applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
