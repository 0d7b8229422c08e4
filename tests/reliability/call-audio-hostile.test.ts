/**
 * Truncated and hostile recorded calls in every format read besides PCM WAV (µ-law, A-law, GSM 6.10,
 * MP3, Ogg Opus, FLAC) through the analyser CLI as shipped (bundled once, run per file under a watchdog):
 * a file cut short anywhere is refused in one line that names it; a compressed file whose body is
 * garbage is refused; thousands of seeded damages are each refused in one line or read into a whole
 * report — never a crash (exit 1), a stack trace, decoder chatter on stderr or stdout, or a hang.
 * "Open a recorded call…" reads a file cut short as far as it goes and says so in the report's note.
 *
 * A WAV's samples carry no check: a µ-law, A-law or GSM file whose samples are damaged reads as noise,
 * as PCM does. MP3 frames without CRC likewise decode damaged bits as (wrong) sound; FLAC frames (CRC)
 * and Ogg pages (CRC, granule positions) are refused.
 *
 * CALL_AUDIO_SEED=<n> explores other damages; a failure names the seed and the edits.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseRecordedCall } from '../../renderer/src/review/recorded-call-analysis';
import {
  ENCODING_EXTENSIONS,
  ENCODING_LABELS,
  PHONE_ENCODINGS,
  encodeCall,
  type PhoneEncoding,
} from '../support/call-encodings';
import { floorCall } from '../support/floor-calls';
import { scratchDir, seededRandom, sox } from '../support/test-audio';
import { bundleAnalyzeCli } from '../support/analyze-cli-bundle';
import { runWatched } from './child-runner';

const SEED = Number(process.env.CALL_AUDIO_SEED ?? 20261203) >>> 0;
const MUTATIONS_PER_FORMAT = 40;
const PER_FILE_TIMEOUT_MS = 30_000;
const COMPRESSED = new Set<PhoneEncoding>(['mp3', 'opus', 'flac']);
const dir = scratchDir('reliability/call-audio');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  stalled: boolean;
}

let cli: string;
const bases = new Map<PhoneEncoding, Uint8Array>();

beforeAll(() => {
  cli = bundleAnalyzeCli(dir);
  // 12 s of the real call keeps hundreds of runs quick; the same encoders as the formats test.
  const excerpt = path.join(dir, 'excerpt.wav');
  sox(floorCall('clean').wav, excerpt, 'trim', '0', '12');
  for (const f of PHONE_ENCODINGS)
    bases.set(f, new Uint8Array(readFileSync(encodeCall(excerpt, f).file)));
}, 120_000);

async function analyze(file: string): Promise<CliRun> {
  const run = await runWatched(process.execPath, [cli, file], PER_FILE_TIMEOUT_MS);
  return { code: run.code, stdout: run.lines.join('\n'), stderr: run.stderr, stalled: run.stalled };
}

/** Refused in one line naming the file, or read into one whole JSON report with nothing on stderr. */
function outcomeOf(
  run: CliRun,
  file: string,
): { outcome: 'refused' | 'read' } | { violation: string } {
  if (run.stalled) return { violation: 'hung' };
  if (run.code === 2) {
    const lines = run.stderr.split('\n').filter((l) => l.length > 0);
    if (run.stdout !== '') return { violation: `stdout on refusal: ${run.stdout.slice(0, 200)}` };
    if (lines.length !== 1)
      return { violation: `${lines.length} stderr lines: ${run.stderr.slice(0, 300)}` };
    if (!lines[0].startsWith(`analyze: ${path.basename(file)}`) && !lines[0].includes(file))
      return { violation: `refusal does not name the file: ${lines[0]}` };
    if (!/[.)]$/.test(lines[0])) return { violation: `not one sentence: ${lines[0]}` };
    return { outcome: 'refused' };
  }
  if (run.code === 0) {
    if (run.stderr !== '') return { violation: `stderr on success: ${run.stderr.slice(0, 300)}` };
    try {
      const report = JSON.parse(run.stdout) as { durationSec: number };
      if (!(report.durationSec > 0)) return { violation: `duration ${report.durationSec}` };
    } catch {
      return { violation: `stdout is not one JSON document: ${run.stdout.slice(0, 200)}` };
    }
    return { outcome: 'read' };
  }
  return { violation: `exit ${run.code}: ${run.stderr.slice(0, 300)}` };
}

function write(name: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Damage that happens to stored calls: flipped bits, zeroed or lost spans, a scribbled header, a cut. */
function damage(base: Uint8Array, seed: number): { bytes: Uint8Array; steps: string[] } {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  let bytes = base.slice();
  const steps: string[] = [];
  for (let k = 1 + int(3); k > 0; k--) {
    const op = rnd();
    if (op < 0.25) {
      const n = 1 + int(40);
      for (let i = 0; i < n; i++) bytes[int(bytes.length)] ^= 1 << int(8);
      steps.push(`flip ${n} bits`);
    } else if (op < 0.45) {
      const at = int(bytes.length);
      const len = 1 + int(20000);
      bytes.fill(rnd() < 0.5 ? 0 : 0xff, at, at + len);
      steps.push(`fill ${len} bytes at ${at}`);
    } else if (op < 0.6) {
      const at = int(bytes.length);
      const len = 1 + int(5000);
      bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + len)]);
      steps.push(`delete ${len} bytes at ${at}`);
    } else if (op < 0.75) {
      const n = 1 + int(8);
      for (let i = 0; i < n; i++) bytes[int(Math.min(96, bytes.length))] = int(256);
      steps.push(`scribble ${n} of the first 96 bytes`);
    } else if (op < 0.9) {
      const at = int(bytes.length);
      bytes = bytes.slice(0, at);
      steps.push(`cut at ${at}`);
    } else {
      const at = int(bytes.length);
      const len = 1 + int(3000);
      const junk = Uint8Array.from({ length: len }, () => int(256));
      bytes = new Uint8Array([...bytes.subarray(0, at), ...junk, ...bytes.subarray(at)]);
      steps.push(`insert ${len} random bytes at ${at}`);
    }
  }
  return { bytes, steps };
}

describe.each(PHONE_ENCODINGS.map((f) => [ENCODING_LABELS[f], f] as const))(
  '%s',
  (_label, format) => {
    it('cut short anywhere: refused in one line naming the file; the review reads it and says so', async () => {
      const base = bases.get(format)!;
      for (const fraction of [0.25, 0.5, 0.9]) {
        const bytes = base.slice(0, Math.floor(base.length * fraction));
        const file = write(`${format}-cut-${fraction}.${ENCODING_EXTENSIONS[format]}`, bytes);
        const run = await analyze(file);
        expect(outcomeOf(run, file), `${fraction}`).toEqual({ outcome: 'refused' });
        expect(run.stderr).toMatch(/truncated/);
        const report = await analyseRecordedCall({
          name: file,
          size: bytes.length,
          read: async (s, e) => bytes.slice(s, Math.min(e, bytes.length)),
          agentChannel: 'left',
        });
        expect(report.note, `${fraction}`).toMatch(/cut short/);
        expect(report.durationSec).toBeGreaterThan(12 * fraction - 1.5);
      }
      for (const keep of [0, 3, 40]) {
        const file = write(
          `${format}-head-${keep}.${ENCODING_EXTENSIONS[format]}`,
          base.slice(0, keep),
        );
        expect(outcomeOf(await analyze(file), file), `first ${keep} bytes`).toEqual({
          outcome: 'refused',
        });
      }
    }, 120_000);

    it(`garbage after the header: ${COMPRESSED.has(format) ? 'refused' : 'read as noise (WAV samples carry no check)'}`, async () => {
      const bytes = bases.get(format)!.slice();
      const rnd = seededRandom(SEED);
      for (let i = 300; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
      const file = write(`${format}-garbage.${ENCODING_EXTENSIONS[format]}`, bytes);
      expect(outcomeOf(await analyze(file), file)).toEqual({
        outcome: COMPRESSED.has(format) ? 'refused' : 'read',
      });
    });

    it(`${MUTATIONS_PER_FORMAT} seeded damages: each refused in one line or read whole, none crashes or hangs (seed ${SEED})`, async () => {
      const base = bases.get(format)!;
      const failures: string[] = [];
      const outcomes = { refused: 0, read: 0 };
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < MUTATIONS_PER_FORMAT; i = next++) {
          const seed = (Math.imul(SEED, 1000003) + i * 7 + format.length) >>> 0;
          const { bytes, steps } = damage(base, seed);
          const file = write(`${format}-damage-${i}.${ENCODING_EXTENSIONS[format]}`, bytes);
          const result = outcomeOf(await analyze(file), file);
          if ('violation' in result)
            failures.push(`#${i} (seed ${seed}; ${steps.join('; ')}): ${result.violation}`);
          else outcomes[result.outcome]++;
        }
      };
      await Promise.all([worker(), worker()]);
      expect(failures).toEqual([]);
      expect(outcomes.refused).toBeGreaterThan(0);
    }, 300_000);
  },
);
