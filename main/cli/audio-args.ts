/**
 * Arguments of `npm run --silent audio -- setup [--sink NAME] | teardown | --help`. Pure: argv in, the
 * command out, or a BadAudioArgsError with one sentence saying what is wrong.
 */
import { parseArgs } from 'node:util';

export const AUDIO_USAGE =
  'usage: npm run --silent audio -- setup [--sink NAME] | teardown | --help';

export const AUDIO_HELP = `${AUDIO_USAGE}

Linux (PulseAudio, or PipeWire with pipewire-pulse): makes the caller's audio an input Calm Line can pick.
Chromium does not offer an output's monitor as an input, so this loads a remap source on it.

  setup            create the input "Calm Line caller audio": a copy of what the default output plays
                   (where the softphone plays the caller); running it again changes nothing
  setup --sink S   the same for the output named S (\`pactl list short sinks\` lists them)
  teardown         remove exactly what setup created
  --help           this text

Exit codes: 0 done, 1 pactl missing, no sound server, or the server refused; 2 bad arguments.`;

export class BadAudioArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadAudioArgsError';
  }
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
    throw new BadAudioArgsError(`${(error as Error).message.split('\n')[0]} ${AUDIO_USAGE}`);
  }
  if (parsed.values.help) return { command: 'help' };
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) throw new BadAudioArgsError(`Say what to do. ${AUDIO_USAGE}`);
  if (command !== 'setup' && command !== 'teardown')
    throw new BadAudioArgsError(`Unknown command "${command}". ${AUDIO_USAGE}`);
  if (extra.length > 0)
    throw new BadAudioArgsError(`Unexpected argument "${extra[0]}". ${AUDIO_USAGE}`);
  const { sink } = parsed.values;
  if (command === 'teardown') {
    if (sink !== undefined) throw new BadAudioArgsError(`teardown takes no --sink. ${AUDIO_USAGE}`);
    return { command };
  }
  if (sink === '') throw new BadAudioArgsError(`--sink needs an output's name. ${AUDIO_USAGE}`);
  return { command, sink };
}
