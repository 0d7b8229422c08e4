/**
 * `export --source team`: the sessions an export writes, read from the team store configured in the data
 * folder instead of the folder's own sessions — the same filter, order (newest first) and file formats,
 * so the columns are the ones a local export has. Row-level security decides which teams the login
 * reads; `team` narrows the export to one of them — and a team the login does not read is an error that
 * names the teams it does read, not an empty file. Each session comes with the agent id the store recorded
 * for the login that synced it (`agentIdOf`: the export's `agent_id` column and JSON `agentIds`).
 */
import type { ExportFilter } from '../../preload/contract/session-export-schema';
import type { Session } from '../../preload/contract/session-schema';
import { describeStore, loadTeamConfig, TEAM_CONFIG_FILE, TeamConfigError } from './team-config';
import { describeStoreError, openStorePool } from './store-connection';
import { READER_TEAMS_SQL, StoreSetupError } from './store-membership';
import { StoreVersionError } from './store-migrations';
import { openTeamStore } from './team-store';

export interface TeamExportSource {
  readonly sessions: AsyncGenerator<Session>;
  /** The syncing login's agent id of a session this source yielded (null for any other session). */
  agentIdOf(session: Session): string | null;
  /** "host:port/db": which store (for the summary line). */
  readonly store: string;
  /** Rows skipped because they were not valid sessions. */
  readonly skipped: { count: number };
  /** One line for a failure while reading. */
  describeError(error: unknown): string;
  close(): Promise<void>;
}

export function openTeamExportSource(
  dataDir: string,
  filter: ExportFilter,
  team: string | undefined,
  today: string,
): TeamExportSource {
  const config = loadTeamConfig(dataDir);
  if (config === null)
    throw new TeamConfigError(
      `--source team: no team store is configured in ${dataDir} (${TEAM_CONFIG_FILE} does not exist).`,
    );
  const pool = openStorePool(config, { max: 1 });
  const store = openTeamStore(pool, config);
  const skipped = { count: 0 };
  // Keyed by the object yielded, so an export's rows are matched to their store row without a lookup by id.
  const agentIds = new WeakMap<Session, string>();
  async function* sessions(): AsyncGenerator<Session> {
    if (team !== undefined) {
      const { rows } = await pool.query<{ team_id: string }>(
        `SELECT team_id FROM (${READER_TEAMS_SQL}) t ORDER BY 1`,
      );
      if (!rows.some((row) => row.team_id === team)) {
        const { rows: me } = await pool.query<{ login: string }>('SELECT current_user AS login');
        const readable = rows.map((row) => row.team_id);
        throw new StoreSetupError(
          `login "${me[0].login}" does not read team ${team} (${readable.length > 0 ? `it reads ${readable.join(', ')}` : 'it reads no team'})`,
        );
      }
    }
    for await (const { session, agentId } of store.iterateStored(
      { ...filter, team },
      today,
      skipped,
    )) {
      agentIds.set(session, agentId);
      yield session;
    }
  }
  return {
    sessions: sessions(),
    agentIdOf: (session) => agentIds.get(session) ?? null,
    store: describeStore(config.url),
    skipped,
    describeError: (error) =>
      error instanceof StoreVersionError || error instanceof StoreSetupError
        ? error.message
        : describeStoreError(error, config),
    close: () => pool.end().catch(() => undefined),
  };
}
