/**
 * `export --source team`: the sessions an export writes, read from the team store configured in the data
 * folder instead of the folder's own sessions — the same filter, order (newest first) and file formats,
 * so the columns are the ones a local export has. Row-level security decides which teams the login
 * reads; `team` narrows the export to one of them.
 */
import type { ExportFilter } from '../../preload/contract/session-export-schema';
import type { Session } from '../../preload/contract/session-schema';
import { describeStore, loadTeamConfig, TEAM_CONFIG_FILE, TeamConfigError } from './team-config';
import { describeStoreError, openStorePool } from './store-connection';
import { StoreVersionError } from './store-migrations';
import { openTeamStore } from './team-store';

export interface TeamExportSource {
  readonly sessions: AsyncGenerator<Session>;
  /** "the team store at host:port/db" (for the summary line). */
  readonly where: string;
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
  return {
    sessions: store.iterate({ ...filter, team }, today, skipped),
    where: `the team store at ${describeStore(config.url)}`,
    skipped,
    describeError: (error) =>
      error instanceof StoreVersionError ? error.message : describeStoreError(error, config),
    close: () => pool.end().catch(() => undefined),
  };
}
