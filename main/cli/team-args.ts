/**
 * Arguments of `npm run --silent team -- migrate|sync|status [--data-dir DIR]`. Pure: argv in, the
 * command and folder out, or a BadTeamArgsError with one sentence saying what is wrong (from the
 * catalogue: English in its message, the program's language when said).
 */
import { parseArgs } from 'node:util';
import { CatalogueError } from '../i18n/catalogue-error';
import { parseArgsProblem } from './args-problem';

export const TEAM_COMMANDS = ['migrate', 'sync', 'status'] as const;
export type TeamCommand = (typeof TEAM_COMMANDS)[number];

const USAGE = 'cli.team.usage';

/** Bad arguments, no data folder, no team store configured: exit 2. */
export class BadTeamArgsError extends CatalogueError {
  override name = 'BadTeamArgsError';
}

export interface TeamArgs {
  readonly command: TeamCommand;
  readonly dataDir: string | undefined;
}

export function parseTeamArgs(argv: readonly string[]): TeamArgs {
  let parsed: { values: { 'data-dir'?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' } },
    });
  } catch (error) {
    const problem = parseArgsProblem(error);
    throw new BadTeamArgsError(problem.id, problem.values, USAGE);
  }
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) throw new BadTeamArgsError('cli.say-what', {}, USAGE);
  if (!(TEAM_COMMANDS as readonly string[]).includes(command))
    throw new BadTeamArgsError('cli.unknown-command', { command }, USAGE);
  if (extra.length > 0)
    throw new BadTeamArgsError('cli.unexpected-argument', { argument: extra[0] }, USAGE);
  const dataDir = parsed.values['data-dir'];
  if (dataDir === '') throw new BadTeamArgsError('cli.data-dir-empty', {}, USAGE);
  return { command: command as TeamCommand, dataDir };
}
