/**
 * Arguments of `npm run --silent team -- migrate|sync|status [--data-dir DIR]`. Pure: argv in, the
 * command and folder out, or a BadTeamArgsError with one sentence saying what is wrong.
 */
import { parseArgs } from 'node:util';

export const TEAM_COMMANDS = ['migrate', 'sync', 'status'] as const;
export type TeamCommand = (typeof TEAM_COMMANDS)[number];

export const TEAM_USAGE = 'usage: npm run --silent team -- migrate|sync|status [--data-dir DIR]';

export class BadTeamArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadTeamArgsError';
  }
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
    throw new BadTeamArgsError(`${(error as Error).message.split('\n')[0]} ${TEAM_USAGE}`);
  }
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) throw new BadTeamArgsError(`Say what to do. ${TEAM_USAGE}`);
  if (!(TEAM_COMMANDS as readonly string[]).includes(command))
    throw new BadTeamArgsError(`Unknown command "${command}". ${TEAM_USAGE}`);
  if (extra.length > 0)
    throw new BadTeamArgsError(`Unexpected argument "${extra[0]}". ${TEAM_USAGE}`);
  const dataDir = parsed.values['data-dir'];
  if (dataDir === '') throw new BadTeamArgsError(`--data-dir needs a folder. ${TEAM_USAGE}`);
  return { command: command as TeamCommand, dataDir };
}
