/**
 * Arguments of `npm run --silent audio -- setup [--sink NAME] | teardown | --help`. Pure: argv in, the
 * command out, or a BadAudioArgsError with one sentence saying what is wrong (from the catalogue: English
 * in its message, the program's language when said).
 */
import { parseArgs } from 'node:util';
import { CatalogueError } from '../i18n/catalogue-error';
import { parseArgsProblem } from './args-problem';

const USAGE = 'cli.audio.usage';

/** Bad arguments: exit 2. */
export class BadAudioArgsError extends CatalogueError {
  override name = 'BadAudioArgsError';
}

export type AudioArgs =
  | { readonly command: 'help' }
  | { readonly command: 'setup'; readonly sink: string | undefined }
  | { readonly command: 'teardown' };

export function parseAudioArgs(argv: readonly string[]): AudioArgs {
  let parsed: { values: { sink?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { sink: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const problem = parseArgsProblem(error);
    throw new BadAudioArgsError(problem.id, problem.values, USAGE);
  }
  if (parsed.values.help) return { command: 'help' };
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) throw new BadAudioArgsError('cli.say-what', {}, USAGE);
  if (command !== 'setup' && command !== 'teardown')
    throw new BadAudioArgsError('cli.unknown-command', { command }, USAGE);
  if (extra.length > 0)
    throw new BadAudioArgsError('cli.unexpected-argument', { argument: extra[0] }, USAGE);
  const { sink } = parsed.values;
  if (command === 'teardown') {
    if (sink !== undefined) throw new BadAudioArgsError('cli.audio.teardown-no-sink', {}, USAGE);
    return { command };
  }
  if (sink === '') throw new BadAudioArgsError('cli.audio.sink-empty', {}, USAGE);
  return { command, sink };
}
