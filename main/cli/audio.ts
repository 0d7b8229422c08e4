/**
 * `npm run --silent audio -- setup [--sink NAME] | teardown | --help` (bundled as out/cli/audio.js): the
 * caller's audio on Linux for the browser app. `setup` creates the input "Calm Line caller audio" — a
 * PulseAudio/PipeWire remap source on the default output's monitor — and prints what to pick in Settings;
 * `teardown` removes exactly that. Both are idempotent (main/caller-audio/).
 *
 * What to do goes to stdout; a failure is one line on stderr. Exit codes: 0 done; 1 pactl missing, no
 * sound server answering, or the server refused; 2 bad arguments.
 */
import path from 'node:path';
import { CALLER_SOURCE_LABEL, CALLER_SOURCE_NAME } from '../caller-audio/caller-source-plan';
import {
  setupCallerSource,
  teardownCallerSource,
  type SetupOutcome,
} from '../caller-audio/caller-source';
import { systemPactl, type Pactl } from '../caller-audio/pactl';
import { AUDIO_HELP, BadAudioArgsError, parseAudioArgs } from './audio-args';

export const EXIT_DONE = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_ARGS = 2;

function setupText(o: SetupOutcome): string {
  const lines = [
    o.created
      ? `Created the input "${CALLER_SOURCE_LABEL}" (source ${CALLER_SOURCE_NAME}, module ${o.moduleIndex}): a copy of what the output ${o.sink} plays.`
      : `The input "${CALLER_SOURCE_LABEL}" is already there (source ${CALLER_SOURCE_NAME}, module ${o.moduleIndex}), copying the output ${o.sink}: nothing changed.`,
  ];
  if (o.unloaded.length > 0) lines.push(`Removed an older copy (module ${o.unloaded.join(', ')}).`);
  if (o.restoredDefaultSource)
    lines.push(
      `Your default input stays ${o.restoredDefaultSource} (the sound server had switched to the new one).`,
    );
  lines.push(
    '',
    'In Calm Line, Settings → Audio sources:',
    '  How the call reaches Calm Line: "Two devices: my mic + the caller’s audio"',
    `  Caller’s audio: "${CALLER_SOURCE_LABEL}"`,
    '  My microphone: your headset’s microphone (not the caller’s input)',
    '',
    `Let the softphone play the call to ${o.sink} (its default output). You still hear the caller there: the`,
    'input only copies what that output plays (other sounds on it too: mute notifications during calls).',
    'It lasts until the sound server restarts; run setup again then. Remove it: npm run --silent audio -- teardown',
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns its exit code, having written its output. */
export async function runAudio(
  argv: readonly string[],
  pactl: Pactl = systemPactl(),
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  try {
    const args = parseAudioArgs(argv);
    if (args.command === 'help') {
      out(`${AUDIO_HELP}\n`);
    } else if (args.command === 'setup') {
      out(setupText(await setupCallerSource(pactl, { sink: args.sink })));
    } else {
      const { unloaded } = await teardownCallerSource(pactl);
      out(
        unloaded.length > 0
          ? `Removed the input "${CALLER_SOURCE_LABEL}" (module ${unloaded.join(', ')}).\n`
          : `No "${CALLER_SOURCE_LABEL}" input to remove: nothing changed.\n`,
      );
    }
    return EXIT_DONE;
  } catch (error) {
    err(`audio: ${(error as Error)?.message ?? String(error)}\n`);
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
