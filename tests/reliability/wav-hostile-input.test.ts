/**
 * Hostile WAV files against the decoder (in memory, as "Open a recorded call…" uses it) and the analyser CLI
 * (from disk): truncated files, sizes that lie, formats Calm Line does not read, odd chunk layouts, NaN and
 * Infinity samples — and thousands of seeded random mutations. Each file must be refused with one clear
 * sentence (CLI: exit 2, one stderr line naming the file) or read as exactly the audio it holds (CLI: the
 * same report as the clean audio gives); never a crash, never a hang (a per-file watchdog kills a stall).
 *
 * RELIABILITY_SEED=<n> explores other random files; failures print the seed and the edits that made the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WavFormatError, decodeWav, encodeWav } from '../../renderer/engine/wav-codec';
import { buildDialogue } from '../support/dialogues';
import { PROJECT_ROOT, scratchDir } from '../support/test-audio';
import { bundleAnalyzeCli } from '../support/analyze-cli-bundle';
import {
  hostileWavCatalogue,
  mutateWav,
  mutationSeed,
  type HostileWav,
  type WavExpectation,
} from '../support/wav-mutations';
import { runWatched } from './child-runner';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20260701) >>> 0;
const DECODER_MUTATIONS = 20_000;
const CLI_MUTATIONS = 240;
/** A file that takes longer than this is a hang (a clean 5 s file takes about 0.2 s). */
const PER_FILE_TIMEOUT_MS = 30_000;
const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const ONE_SENTENCE = /^[A-Z0-9].*[.)]$/;

const dir = scratchDir('reliability/wav');

/** A short two-party call: speech on both sides, so a wrong read changes the report. */
function baseCall() {
  const d = buildDialogue({
    sampleRate: 16000,
    tailSec: 0.5,
    utterances: [
      { who: 'caller', at: 0.3, text: 'My internet has been down since Monday.' },
      { who: 'agent', afterPrevEnd: 0.6, text: 'I am sorry. Let me check the line.' },
    ],
  });
  return { channels: [d.agent, d.caller], sampleRate: d.sampleRate };
}

function firstDifference(a: Float32Array, b: Float32Array): string | null {
  if (a.length !== b.length) return `length ${a.length} instead of ${b.length}`;
  for (let i = 0; i < a.length; i++)
    if (!Object.is(a[i], b[i])) return `sample ${i} is ${a[i]} instead of ${b[i]}`;
  return null;
}

function expectDecoder(c: HostileWav): void {
  const want: WavExpectation = c.decoder;
  let result: ReturnType<typeof decodeWav> | undefined;
  let error: unknown;
  try {
    result = decodeWav(c.bytes);
  } catch (e) {
    error = e;
  }
  if (want.kind === 'error') {
    expect(error, `${c.name}: should be refused`).toBeInstanceOf(WavFormatError);
    const message = (error as Error).message;
    expect(message).toMatch(want.pattern);
    expect(message).toMatch(ONE_SENTENCE);
    expect(message).not.toContain('\n');
    return;
  }
  expect(error, `${c.name}: should be read`).toBeUndefined();
  expect(result!.sampleRate).toBe(want.sampleRate);
  expect(result!.channels.length).toBe(want.channels.length);
  want.channels.forEach((ch, i) =>
    expect(firstDifference(result!.channels[i], ch), `${c.name}, channel ${i}`).toBeNull(),
  );
  for (const w of result!.warnings) expect(w).toMatch(ONE_SENTENCE);
}

describe('hostile WAV files: the decoder', () => {
  const base = baseCall();
  const catalogue = hostileWavCatalogue(base.channels, base.sampleRate);

  it.each(catalogue.map((c) => [c.name, c] as const))('%s', (_name, c) => expectDecoder(c));

  it(`${DECODER_MUTATIONS} seeded random mutations: refused in one sentence or read within the file's bounds, none hangs (seed ${SEED})`, async () => {
    // One second of the call in three layouts (plain 16-bit stereo; float with fmt 18 + fact; 24-bit mono).
    const second = base.channels.map((c) => c.slice(0, base.sampleRate));
    const bases = [
      encodeWav(second, base.sampleRate, 16),
      encodeWav(second, base.sampleRate, 'float'),
      encodeWav([second[0]], base.sampleRate, 24),
    ].map((bytes, i) => {
      const file = path.join(dir, `fuzz-base-${i}.wav`);
      writeFileSync(file, bytes);
      return file;
    });
    const run = await runWatched(
      TSX,
      [
        path.join(PROJECT_ROOT, 'tests/reliability/wav-decoder-fuzz.ts'),
        String(SEED),
        String(DECODER_MUTATIONS),
        ...bases,
      ],
      PER_FILE_TIMEOUT_MS,
    );
    const results = run.lines
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { i: number; outcome: string; violation?: string });
    const hungAt = results.length;
    expect(
      run.stalled,
      `mutation ${hungAt} (seed ${mutationSeed(SEED, hungAt)}, run seed ${SEED}) did not finish within ${PER_FILE_TIMEOUT_MS} ms`,
    ).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(results).toHaveLength(DECODER_MUTATIONS);
    const violations = results
      .filter((r) => r.violation)
      .map((r) => `#${r.i} (seed ${mutationSeed(SEED, r.i)}): ${r.violation}`);
    expect(violations, `run seed ${SEED}`).toEqual([]);
    // The mutations reach both outcomes (a generator that only broke, or never broke, files would prove little).
    const read = results.filter((r) => r.outcome === 'read').length;
    expect(read).toBeGreaterThan(DECODER_MUTATIONS * 0.1);
    expect(read).toBeLessThan(DECODER_MUTATIONS * 0.9);
  }, 240_000);
});

describe('hostile WAV files: the analyser CLI', () => {
  const base = baseCall();
  const catalogue = hostileWavCatalogue(base.channels, base.sampleRate);
  let cli: string;
  const references = new Map<Float32Array[], Map<number, Record<string, unknown>>>();

  beforeAll(() => {
    cli = bundleAnalyzeCli(dir);
  });

  interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
    stalled: boolean;
  }

  async function analyze(file: string): Promise<CliRun> {
    const run = await runWatched(process.execPath, [cli, file], PER_FILE_TIMEOUT_MS);
    return {
      code: run.code,
      stdout: run.lines.join('\n'),
      stderr: run.stderr,
      stalled: run.stalled,
    };
  }

  /** The report minus what names the file or the repairs made while reading it. */
  function comparable(stdout: string): Record<string, unknown> {
    const { file: _file, note, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
    return { ...rest, mono: typeof note === 'string' && note.includes('mono') };
  }

  async function referenceReport(
    channels: Float32Array[],
    sampleRate: number,
  ): Promise<Record<string, unknown>> {
    let byRate = references.get(channels);
    if (!byRate) references.set(channels, (byRate = new Map()));
    const known = byRate.get(sampleRate);
    if (known) return known;
    const file = path.join(dir, `reference-${references.size}-${sampleRate}.wav`);
    writeFileSync(file, encodeWav(channels, sampleRate, 'float'));
    const run = await analyze(file);
    expect(run.code, run.stderr).toBe(0);
    const report = comparable(run.stdout);
    byRate.set(sampleRate, report);
    return report;
  }

  function expectRefusal(run: CliRun, file: string, label: string): void {
    expect(run.stalled, `${label}: hung`).toBe(false);
    expect(run.code, `${label}: ${run.stderr}`).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter((l) => l.length > 0);
    expect(lines, `${label}: ${run.stderr}`).toHaveLength(1);
    expect(lines[0]).toMatch(/^analyze: /);
    expect(lines[0]).toContain(path.basename(file));
  }

  it.each(catalogue.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const file = path.join(dir, `catalogue-${name.replace(/[^a-z0-9]+/gi, '-')}.wav`);
    writeFileSync(file, c.bytes);
    const run = await analyze(file);
    if (c.cli.kind === 'error') {
      expectRefusal(run, file, name);
      expect(run.stderr).toMatch(new RegExp(c.cli.pattern.source, 'i'));
      return;
    }
    expect(run.stalled, `${name}: hung`).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(comparable(run.stdout)).toEqual(await referenceReport(c.cli.channels, c.cli.sampleRate));
  });

  it(`${CLI_MUTATIONS} seeded random mutations: exit 0 with a finite report or exit 2 with one line, never a crash or hang (seed ${SEED})`, async () => {
    const clean = encodeWav(
      base.channels.map((c) => c.slice(0, 2 * base.sampleRate)),
      base.sampleRate,
      16,
    );
    const outcomes = { read: 0, refused: 0 };
    const failures: string[] = [];
    const queue = Array.from({ length: CLI_MUTATIONS }, (_, i) => i);
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const seed = mutationSeed(SEED ^ 0x5eed, i);
        const m = mutateWav(clean, seed);
        const file = path.join(dir, `mutation-${i}.wav`);
        writeFileSync(file, m.bytes);
        const run = await analyze(file);
        const label = `mutation ${i} (seed ${seed}; ${m.steps.join('; ')})`;
        try {
          if (run.code === 0) {
            expect(run.stderr).toBe('');
            const doc = JSON.parse(run.stdout) as Record<string, unknown>;
            expect(Object.keys(doc)).toEqual(
              expect.arrayContaining([
                'sampleRate',
                'durationSec',
                'speech',
                'overtalk',
                'cues',
                'loudness',
                'metrics',
              ]),
            );
            // Every number in the report is finite (JSON has no NaN: it would have become null or a crash).
            JSON.stringify(doc, (_k, v: unknown) => {
              if (typeof v === 'number' && !Number.isFinite(v))
                throw new Error(`non-finite number ${v}`);
              return v;
            });
            outcomes.read++;
          } else {
            expectRefusal(run, file, label);
            outcomes.refused++;
          }
        } catch (error) {
          failures.push(
            `${label}: exit ${run.code}${run.stalled ? ' (hung)' : ''}: ${(error as Error).message.split('\n')[0]} ${run.stderr.trim().slice(0, 300)}`,
          );
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures, `run seed ${SEED}`).toEqual([]);
    expect(outcomes.read).toBeGreaterThan(CLI_MUTATIONS * 0.1);
    expect(outcomes.refused).toBeGreaterThan(CLI_MUTATIONS * 0.1);
  }, 300_000);

  it('npm run analyze (tsx, not the bundle) gives the same refusal and the same report', async () => {
    const bad = catalogue.find((c) => c.name === 'IMA ADPCM')!;
    const odd = catalogue.find((c) => c.name === 'odd-sized chunk without its pad byte')!;
    mkdirSync(dir, { recursive: true });
    const badFile = path.join(dir, 'tsx-adpcm.wav');
    const oddFile = path.join(dir, 'tsx-odd.wav');
    writeFileSync(badFile, bad.bytes);
    writeFileSync(oddFile, odd.bytes);
    const viaTsx = async (file: string) => {
      const run = await runWatched(
        TSX,
        [path.join(PROJECT_ROOT, 'main/cli/analyze.ts'), file],
        PER_FILE_TIMEOUT_MS,
      );
      return {
        code: run.code,
        stdout: run.lines.join('\n'),
        stderr: run.stderr,
        stalled: run.stalled,
      };
    };
    const refused = await viaTsx(badFile);
    expectRefusal(refused, badFile, 'IMA ADPCM via tsx');
    expect(refused.stderr).toBe((await analyze(badFile)).stderr);
    const read = await viaTsx(oddFile);
    expect(read.code).toBe(0);
    expect(comparable(read.stdout)).toEqual(comparable((await analyze(oddFile)).stdout));
  });
});
