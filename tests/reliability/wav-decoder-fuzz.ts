/**
 * Child process of wav-hostile-input.test.ts: decodes `count` seeded random mutations of the base files
 * with decodeWav and prints one JSON line per file — `{"i":…,"outcome":"read"|"refused"}`, plus
 * `"violation"` when the result breaks a rule (a crash that is not a WavFormatError, a message that is not
 * one sentence, samples that are not finite or out of range, frames beyond the file). The parent's
 * watchdog turns a missing line into "case i hung".
 *
 *   npx tsx tests/reliability/wav-decoder-fuzz.ts SEED COUNT BASE.wav [BASE.wav…]
 */
import { readFileSync } from 'node:fs';
import {
  WavFormatError,
  decodeWav,
  WAV_MAX_SAMPLE_RATE,
  WAV_MIN_SAMPLE_RATE,
} from '../../renderer/engine/wav-codec';
import { mutateWav, mutationSeed } from '../support/wav-mutations';

const ONE_SENTENCE = /^[A-Z0-9].*[.)]$/;

function check(bytes: Uint8Array): { outcome: 'read' | 'refused'; violation?: string } {
  let decoded;
  try {
    decoded = decodeWav(bytes);
  } catch (error) {
    if (!(error instanceof WavFormatError))
      return {
        outcome: 'refused',
        violation: `threw ${(error as Error)?.name}: ${(error as Error)?.message}`,
      };
    const m = error.message;
    if (!ONE_SENTENCE.test(m) || m.includes('\n') || m.length > 300)
      return { outcome: 'refused', violation: `message is not one sentence: ${JSON.stringify(m)}` };
    return { outcome: 'refused' };
  }
  const { format, channels, frameCount, sampleRate, warnings } = decoded;
  if (format.channelCount !== 1 && format.channelCount !== 2)
    return { outcome: 'read', violation: `${format.channelCount} channels` };
  if (channels.length !== format.channelCount)
    return {
      outcome: 'read',
      violation: `${channels.length} arrays for ${format.channelCount} channels`,
    };
  if (!(frameCount >= 1) || channels.some((c) => c.length !== frameCount))
    return {
      outcome: 'read',
      violation: `frame count ${frameCount} vs arrays ${channels.map((c) => c.length)}`,
    };
  if (sampleRate < WAV_MIN_SAMPLE_RATE || sampleRate > WAV_MAX_SAMPLE_RATE)
    return { outcome: 'read', violation: `sample rate ${sampleRate}` };
  if (Math.ceil(frameCount / format.framesPerBlock) * format.blockAlign > bytes.length)
    return {
      outcome: 'read',
      violation: `${frameCount} frames in blocks of ${format.blockAlign} bytes in a ${bytes.length}-byte file`,
    };
  const limit = format.encoding === 'float' ? Number.MAX_VALUE : 1;
  for (const c of channels) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (!(v >= -limit && v <= limit))
        return { outcome: 'read', violation: `sample ${i} is ${v}` };
    }
  }
  for (const w of warnings)
    if (!ONE_SENTENCE.test(w) || w.includes('\n'))
      return { outcome: 'read', violation: `warning is not one sentence: ${JSON.stringify(w)}` };
  return { outcome: 'read' };
}

function main(): void {
  const [seedArg, countArg, ...files] = process.argv.slice(2);
  const seed = Number(seedArg);
  const count = Number(countArg);
  const bases = files.map((f) => new Uint8Array(readFileSync(f)));
  for (let i = 0; i < count; i++) {
    const mutation = mutateWav(bases[i % bases.length], mutationSeed(seed, i));
    const result = check(mutation.bytes);
    const line: Record<string, unknown> = { i, outcome: result.outcome };
    if (result.violation)
      line.violation = `${result.violation} (base ${i % bases.length}; ${mutation.steps.join('; ')})`;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main();
