/**
 * `npm run --silent export -- --from DATE --to DATE --format csv|json|xlsx --out FILE [--data-dir DIR]`
 * (plus optional --agent, --resolution, --escalation, --follow-up): the UI's export for scheduled jobs.
 * Reads the sessions of the data folder (default: the app's, as Electron and the browser host use it),
 * or with `--source team [--team ID]` the team store configured there (same formats and columns),
 * writes the file atomically (a cancelled run — Ctrl+C — or a failure leaves no file) and prints one line.
 * Exit codes: 0 written; 1 the export failed (disk, data folder unreadable); 2 bad flags or paths.
 * Its line and its errors are in the environment's language; the file itself never changes with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeError } from '../i18n/catalogue-error';
import { cliText } from '../i18n/main-locale';
import { defaultUserDataDir } from '../storage/user-data-dir';
import { BadExportArgsError, parseExportArgs } from './export-args';

const text = cliText();

/** The team store cannot be used as a source (not configured, unreadable configuration): exit 2. */
class UnusableTeamSource extends Error {}

/** The agent named in the data folder's settings (for the JSON envelope); '' when unknown. */
function agentNameIn(dataDir: string): string {
  try {
    const settings = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as {
      profile?: { agentName?: unknown };
    };
    const name = settings.profile?.agentName;
    return typeof name === 'string' ? name.slice(0, 200) : '';
  } catch {
    return '';
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseExportArgs(argv);
  // `npm run export` starts in the package root; relative paths mean the directory npm was run from.
  const base =
    process.env.npm_lifecycle_event === 'export' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  const out = path.resolve(base, args.out);
  const dataDir =
    args.dataDir !== undefined ? path.resolve(base, args.dataDir) : defaultUserDataDir();
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new BadExportArgsError(
      args.dataDir === undefined ? 'cli.no-default-data-folder' : 'cli.no-data-folder',
      { folder: dataDir },
    );
  }
  const outDir = path.dirname(out);
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory())
    throw new BadExportArgsError('cli.export.out-folder-missing', { folder: outDir });
  if (fs.existsSync(out) && fs.statSync(out).isDirectory())
    throw new BadExportArgsError('cli.export.out-is-folder', { file: out });

  // Loaded only once the flags are good: bad flags answer at once.
  const [
    { APP_VERSION },
    { exportHeader, exportSessionsToFile },
    { localDay },
    { openSessionRepository },
    { openTeamExportSource },
    { configuredAgentId },
  ] = await Promise.all([
    import('../host/app-version'),
    import('../export/export-file'),
    import('../../preload/domain/calendar-day'),
    import('../sessions/session-repository'),
    import('../team/team-export-source'),
    import('../team/team-config'),
  ]);
  const now = new Date();
  const today = localDay(now);
  let team: ReturnType<typeof openTeamExportSource> | null = null;
  try {
    if (args.source === 'team') team = openTeamExportSource(dataDir, args.filter, args.team, today);
  } catch (error) {
    throw new UnusableTeamSource((error as Error).message);
  }
  const sessions = team
    ? team.sessions
    : openSessionRepository({ dataDir }).iterate(args.filter, today);
  // From the store: who synced each row. From the folder: the agent id its sessions sync under (none
  // without a team store).
  const localAgentId = team ? null : configuredAgentId(dataDir);
  const agentIds = team
    ? { of: team.agentIdOf, inJson: true }
    : localAgentId === null
      ? undefined
      : { of: () => localAgentId, inJson: false };
  const controller = new AbortController();
  let written = 0;
  const onSignal = (): void => controller.abort(new Error('Export cancelled'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const bytes = await exportSessionsToFile(sessions, {
      format: args.format,
      filePath: out,
      header: exportHeader(agentNameIn(dataDir), APP_VERSION, args.filter, now),
      agentIds,
      progress: { signal: controller.signal, onSession: (n) => (written = n) },
    });
    const done = {
      count: written,
      from: args.filter.from,
      to: args.filter.to,
      format: args.format.toUpperCase(),
      file: out,
      bytes,
    };
    const line = team
      ? text.format('cli.export.done-from-team', { ...done, store: team.store })
      : text.format('cli.export.done', done);
    const skipped = team?.skipped.count
      ? ` ${text.format('cli.export.rows-left-out', { count: team.skipped.count })}`
      : '';
    process.stdout.write(`${line}${skipped}\n`);
    return 0;
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write(`${text.format('cli.export.cancelled')}\n`);
      return 130;
    }
    const reason = team ? team.describeError(error) : String((error as Error)?.message ?? error);
    process.stderr.write(`${text.format('cli.export.failed', { reason })}\n`);
    return 1;
  } finally {
    await team?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BadExportArgsError || error instanceof UnusableTeamSource) {
      process.stderr.write(`${describeError(error, text)}\n`);
      process.exit(2);
    }
    const reason = String((error as Error)?.message ?? error);
    process.stderr.write(`${text.format('cli.export.failed-early', { reason })}\n`);
    process.exit(1);
  },
);
