/**
 * `npm run --silent team -- migrate|sync|status [--data-dir DIR]`: the team store from the command line,
 * over the data folder's `team-store.json` (default folder: the app's, as Electron and the browser host
 * use it).
 *   migrate — brings the store's schema up to date (run once by IT, with an administrator's login).
 *   sync    — sends what the queue holds (every saved session the first time) and exits.
 *   status  — prints the local, queued (every saved session not yet sent, from the first run on), refused
 *             and stored counts.
 * Each prints one line (status: a few); errors are one line on stderr, never with the password.
 * Exit codes: 0 done; 1 the store failed (down, refused, wrong login, sessions refused); 2 bad arguments,
 * no data folder, or no usable team configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultUserDataDir } from '../storage/user-data-dir';
import { BadTeamArgsError, parseTeamArgs, type TeamArgs } from './team-args';
import {
  describeStore,
  loadTeamConfig,
  TEAM_CONFIG_FILE,
  TeamConfigError,
  type TeamConfig,
} from '../team/team-config';
import { describeStoreError, openStorePool } from '../team/store-connection';
import { LATEST_VERSION, migrate, storeVersion, StoreVersionError } from '../team/store-migrations';

class StoreFailure extends Error {}

function dataDirOf(args: TeamArgs): string {
  const base =
    process.env.npm_lifecycle_event === 'team' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  const dataDir =
    args.dataDir !== undefined ? path.resolve(base, args.dataDir) : defaultUserDataDir();
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory())
    throw new BadTeamArgsError(
      `No Calm Line data folder at ${dataDir}${args.dataDir === undefined ? ' (the default; pass --data-dir)' : ''}.`,
    );
  return dataDir;
}

function configIn(dataDir: string): TeamConfig {
  const config = loadTeamConfig(dataDir);
  if (config === null)
    throw new TeamConfigError(
      `No team store is configured: ${path.join(dataDir, TEAM_CONFIG_FILE)} does not exist.`,
    );
  return config;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

async function runMigrate(config: TeamConfig): Promise<number> {
  const pool = openStorePool(config, { max: 1 });
  try {
    const result = await migrate(pool);
    const where = describeStore(config.url);
    process.stdout.write(
      result.applied.length === 0
        ? `The team store at ${where} is up to date (schema version ${result.to}).\n`
        : `The team store at ${where} went from schema version ${result.from} to ${result.to} (${result.applied.map((m) => m.name).join('; ')}).\n`,
    );
    return 0;
  } catch (error) {
    throw new StoreFailure(
      `Migration failed: ${error instanceof StoreVersionError ? error.message : describeStoreError(error, config)}. Nothing was changed by the failed step.`,
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}

async function openLocal(dataDir: string, config: TeamConfig) {
  const [{ openSessionServices }, { openTeamServices }] = await Promise.all([
    import('../host/session-services'),
    import('../team/team-services'),
  ]);
  const sessions = openSessionServices({ dataDir, teamStore: false });
  const team = openTeamServices({
    dataDir,
    config,
    repository: sessions.repository,
    timelineJson: (session) => {
      const timeline = sessions.timelines.get(session.id);
      return timeline === null ? null : JSON.stringify(timeline);
    },
    background: false,
  });
  return { sessions, team };
}

async function runSync(dataDir: string, config: TeamConfig): Promise<number> {
  const { sessions, team } = await openLocal(dataDir, config);
  try {
    team.sync!.retryRefused();
    const result = await team.sync!.pushNow();
    const status = team.status();
    const who = `${config.teamId}/${config.agentId} at ${describeStore(config.url)}`;
    if (result.error !== null)
      throw new StoreFailure(
        `Team sync failed: ${result.error}. ${plural(status.queued, 'session')} stay queued (sent ${result.sent} before the failure).`,
      );
    if (status.refused > 0)
      throw new StoreFailure(
        `Sent ${plural(result.sent, 'session')} as ${who}; ${status.error ?? `${status.refused} refused`}.`,
      );
    process.stdout.write(`Sent ${plural(result.sent, 'session')} as ${who}; none queued.\n`);
    return 0;
  } finally {
    await team.close();
    sessions.close();
  }
}

async function runStatus(dataDir: string, config: TeamConfig): Promise<number> {
  const { sessions, team } = await openLocal(dataDir, config);
  try {
    const local = sessions.repository.warmUp();
    // Before the first sync the saved sessions are not queued yet: queue them now (as the app and
    // `team sync` do first), so "Queued" counts what will be sent.
    team.sync!.queueSaved();
    const status = team.status();
    const where = describeStore(config.url);
    process.stdout.write(
      `Team store: ${where}, team ${config.teamId}, agent ${config.agentId}\n` +
        `Local sessions: ${local}\nQueued: ${status.queued - status.refused}\nRefused: ${status.refused}\n`,
    );
    const pool = openStorePool(config, { max: 1 });
    try {
      const version = await storeVersion(pool);
      if (version !== LATEST_VERSION) {
        process.stdout.write(`Schema version: ${version} (this app needs ${LATEST_VERSION})\n`);
        return 1;
      }
      const stored = await team.store!.countMine();
      process.stdout.write(`In the store (this agent): ${stored}\nSchema version: ${version}\n`);
      return 0;
    } catch (error) {
      throw new StoreFailure(
        `The team store could not be read: ${describeStoreError(error, config)}.`,
      );
    } finally {
      await pool.end().catch(() => undefined);
    }
  } finally {
    await team.close();
    sessions.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseTeamArgs(argv);
  const dataDir = dataDirOf(args);
  const config = configIn(dataDir);
  switch (args.command) {
    case 'migrate':
      return runMigrate(config);
    case 'sync':
      return runSync(dataDir, config);
    case 'status':
      return runStatus(dataDir, config);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = (error as Error)?.message ?? String(error);
    process.stderr.write(`${message}\n`);
    process.exit(error instanceof BadTeamArgsError || error instanceof TeamConfigError ? 2 : 1);
  },
);
