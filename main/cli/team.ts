/**
 * `npm run --silent team -- migrate|sync|status [--data-dir DIR]`: the team store from the command line,
 * over the data folder's `team-store.json` (default folder: the app's, as Electron and the browser host
 * use it).
 *   migrate — brings the store's schema up to date (run once by IT, with an administrator's login).
 *   sync    — sends what the queue holds (every saved session the first time) and exits.
 *   status  — prints the local, queued (every saved session not yet sent, from the first run on), refused
 *             and stored counts.
 * Each prints one line (status: a few); errors are one line on stderr, never with the password. Both in
 * the environment's language (the database's own words come as they are).
 * Exit codes: 0 done; 1 the store failed (down, refused, wrong login, sessions refused); 2 bad arguments,
 * no data folder, or no usable team configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultUserDataDir } from '../storage/user-data-dir';
import { describeError } from '../i18n/catalogue-error';
import { cliText } from '../i18n/main-locale';
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

const text = cliText();

function dataDirOf(args: TeamArgs): string {
  const base =
    process.env.npm_lifecycle_event === 'team' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  const dataDir =
    args.dataDir !== undefined ? path.resolve(base, args.dataDir) : defaultUserDataDir();
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory())
    throw new BadTeamArgsError(
      args.dataDir === undefined ? 'cli.no-default-data-folder' : 'cli.no-data-folder',
      { folder: dataDir },
    );
  return dataDir;
}

function configIn(dataDir: string): TeamConfig {
  const config = loadTeamConfig(dataDir);
  if (config === null)
    throw new BadTeamArgsError('cli.team.not-configured', {
      file: path.join(dataDir, TEAM_CONFIG_FILE),
    });
  return config;
}

async function runMigrate(config: TeamConfig): Promise<number> {
  const pool = openStorePool(config, { max: 1 });
  try {
    const result = await migrate(pool);
    const where = describeStore(config.url);
    process.stdout.write(
      `${
        result.applied.length === 0
          ? text.format('cli.team.up-to-date', { store: where, version: result.to })
          : text.format('cli.team.migrated', {
              store: where,
              from: result.from,
              to: result.to,
              steps: result.applied.map((m) => m.name).join('; '),
            })
      }\n`,
    );
    return 0;
  } catch (error) {
    const reason =
      error instanceof StoreVersionError ? error.message : describeStoreError(error, config);
    throw new StoreFailure(text.format('cli.team.migration-failed', { reason }));
  } finally {
    await pool.end().catch(() => undefined);
  }
}

async function openLocal(dataDir: string, config: TeamConfig) {
  const [{ openSessionServices }, { openTeamServices, practiceRunsOf }] = await Promise.all([
    import('../host/session-services'),
    import('../team/team-services'),
  ]);
  const sessions = openSessionServices({ dataDir, teamStore: false });
  const team = openTeamServices({
    dataDir,
    config,
    repository: sessions.repository,
    practiceRuns: practiceRunsOf(sessions.practice),
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
    const who = text.format('cli.team.who', {
      team: config.teamId,
      agent: config.agentId,
      store: describeStore(config.url),
    });
    if (result.error !== null)
      throw new StoreFailure(
        text.format('cli.team.sync-failed', {
          reason: result.error,
          queued: status.queued,
          sent: result.sent,
        }),
      );
    if (status.refused > 0)
      throw new StoreFailure(
        text.format('cli.team.sent-some-refused', {
          sent: result.sent,
          who,
          refused: status.error ?? text.format('cli.team.refused-count', { count: status.refused }),
        }),
      );
    process.stdout.write(`${text.format('cli.team.sent', { sent: result.sent, who })}\n`);
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
      `${text.format('cli.team.status', {
        store: where,
        team: config.teamId,
        agent: config.agentId,
        local: String(local),
        queued: String(status.queued - status.refused),
        refused: String(status.refused),
      })}\n`,
    );
    const pool = openStorePool(config, { max: 1 });
    try {
      const version = await storeVersion(pool);
      if (version !== LATEST_VERSION) {
        process.stdout.write(
          `${text.format('cli.team.schema-behind', { version, needed: LATEST_VERSION })}\n`,
        );
        return 1;
      }
      const stored = await team.store!.countMine();
      process.stdout.write(`${text.format('cli.team.stored', { stored, version })}\n`);
      return 0;
    } catch (error) {
      throw new StoreFailure(
        text.format('cli.team.unreadable', { reason: describeStoreError(error, config) }),
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
    process.stderr.write(`${describeError(error, text)}\n`);
    process.exit(error instanceof BadTeamArgsError || error instanceof TeamConfigError ? 2 : 1);
  },
);
