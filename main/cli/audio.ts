/**
 * `npm run --silent audio -- setup [--sink NAME] | teardown | --help` (bundled as out/cli/audio.js): the
 * caller's audio on Linux for the browser app. `setup` creates the input "Calm Line caller audio" — a
 * PulseAudio/PipeWire remap source on the default output's monitor — and prints what to pick in Settings;
 * `teardown` removes exactly that. Both are idempotent (main/caller-audio/).
 *
 * What to do goes to stdout; a failure is one line on stderr, both in the environment's language (the
 * sound server's own words come as they are). Exit codes: 0 done; 1 pactl missing, no sound server
 * answering, or the server refused; 2 bad arguments.
 */
import path from 'node:path';
import { CALLER_SOURCE_LABEL, CALLER_SOURCE_NAME } from '../caller-audio/caller-source-plan';
import {
  setupCallerSource,
  teardownCallerSource,
  type SetupOutcome,
} from '../caller-audio/caller-source';
import { systemPactl, type Pactl } from '../caller-audio/pactl';
import { describeError } from '../i18n/catalogue-error';
import { cliText } from '../i18n/main-locale';
import type { MainText } from '../i18n/main-text';
import { BadAudioArgsError, parseAudioArgs } from './audio-args';

export const EXIT_DONE = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_ARGS = 2;

function setupText(o: SetupOutcome, text: MainText): string {
  const input = {
    label: CALLER_SOURCE_LABEL,
    source: CALLER_SOURCE_NAME,
    module: String(o.moduleIndex),
    sink: o.sink,
  };
  const lines = [text.format(o.created ? 'cli.audio.created' : 'cli.audio.already-there', input)];
  if (o.unloaded.length > 0)
    lines.push(text.format('cli.audio.removed-older', { modules: o.unloaded.join(', ') }));
  if (o.restoredDefaultSource)
    lines.push(text.format('cli.audio.default-input-kept', { source: o.restoredDefaultSource }));
  lines.push(
    '',
    text.format('cli.audio.what-to-pick', { label: CALLER_SOURCE_LABEL }),
    '',
    text.format('cli.audio.how-it-works', { sink: o.sink }),
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns its exit code, having written its output. */
export async function runAudio(
  argv: readonly string[],
  pactl: Pactl = systemPactl(),
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
  text: MainText = cliText(),
): Promise<number> {
  try {
    const args = parseAudioArgs(argv);
    if (args.command === 'help') {
      const help = text.format('cli.audio.help', { label: CALLER_SOURCE_LABEL });
      out(`${text.format('cli.audio.usage')}\n\n${help}\n`);
    } else if (args.command === 'setup') {
      out(setupText(await setupCallerSource(pactl, { sink: args.sink }), text));
    } else {
      const { unloaded } = await teardownCallerSource(pactl);
      out(
        `${
          unloaded.length > 0
            ? text.format('cli.audio.removed', {
                label: CALLER_SOURCE_LABEL,
                modules: unloaded.join(', '),
              })
            : text.format('cli.audio.nothing-to-remove', { label: CALLER_SOURCE_LABEL })
        }\n`,
      );
    }
    return EXIT_DONE;
  } catch (error) {
    err(`audio: ${describeError(error, text)}\n`);
    return error instanceof BadAudioArgsError ? EXIT_BAD_ARGS : EXIT_FAILED;
  }
}

// Run as a program (tsx, or the bundle), not when imported by a test.
const entry = process.argv[1] ? path.basename(process.argv[1]) : '';
if (entry === 'audio.ts' || entry === 'audio.js') {
  void runAudio(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
