/**
 * Test audio with known truth: synthesised signals, WAV files on disk, the Debian tools (sox, espeak-ng,
 * ffmpeg) and ffmpeg's ebur128 meter as the reference. Generated fixtures are cached under .tmp/fixtures/,
 * keyed by a hash of their recipe, so reruns are quick.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodeWav,
  encodeWav,
  parseWavHeader,
  type DecodedWav,
  type WavBits,
} from '../../renderer/engine/wav-codec';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_DIR = path.join(PROJECT_ROOT, '.tmp/fixtures');

// ---------------------------------------------------------------------------------------------- synthesis

export function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}

export function gainToDb(gain: number): number {
  return 20 * Math.log10(gain);
}

export interface SineSpec {
  sampleRate: number;
  seconds: number;
  /** Peak level in dBFS (a sine at -23 dBFS peak in both channels of a stereo programme reads -23 LUFS). */
  peakDbfs: number;
  frequency?: number;
  phaseRad?: number;
}

export function sine({
  sampleRate,
  seconds,
  peakDbfs,
  frequency = 1000,
  phaseRad = 0,
}: SineSpec): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  const a = dbToGain(peakDbfs);
  const w = (2 * Math.PI * frequency) / sampleRate;
  for (let i = 0; i < n; i++) out[i] = a * Math.sin(w * i + phaseRad);
  return out;
}

export function silence(sampleRate: number, seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * sampleRate));
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Adds `source × gain` into `target` from sample `at` on (clipped to the target's length). */
export function mixInto(target: Float32Array, source: Float32Array, at: number, gain = 1): void {
  const end = Math.min(target.length, at + source.length);
  for (let i = Math.max(0, at); i < end; i++) target[i] += source[i - at] * gain;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), for reproducible "random" tests. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a test feeds a signal to a block processor: all at once, in fixed quanta, or in random sizes. */
export type BlockPattern =
  | { kind: 'whole' }
  | { kind: 'fixed'; size: number }
  | { kind: 'random'; seed: number; min: number; max: number };

export function describePattern(p: BlockPattern): string {
  return p.kind === 'whole'
    ? 'one block'
    : p.kind === 'fixed'
      ? `${p.size}-sample blocks`
      : `random ${p.min}–${p.max}-sample blocks`;
}

/**
 * Walks [0, length) in blocks following `pattern`, calling onBlock(start, end). Blocks are also cut at every
 * checkpoint (sorted sample indices), where onCheckpoint(i) runs after everything before it was fed.
 */
export function forEachBlock(
  length: number,
  pattern: BlockPattern,
  onBlock: (start: number, end: number) => void,
  checkpoints: readonly number[] = [],
  onCheckpoint: (index: number) => void = () => {},
): void {
  const rnd = pattern.kind === 'random' ? seededRandom(pattern.seed) : null;
  let next = 0;
  let pos = 0;
  while (next < checkpoints.length && checkpoints[next] <= 0) onCheckpoint(next++);
  while (pos < length) {
    let size: number;
    if (pattern.kind === 'whole') size = length;
    else if (pattern.kind === 'fixed') size = pattern.size;
    else size = pattern.min + Math.floor(rnd!() * (pattern.max - pattern.min + 1));
    let end = Math.min(length, pos + size);
    if (next < checkpoints.length && checkpoints[next] < end) end = checkpoints[next];
    onBlock(pos, end);
    pos = end;
    while (next < checkpoints.length && checkpoints[next] <= pos) onCheckpoint(next++);
  }
  while (next < checkpoints.length) onCheckpoint(next++);
}

// ---------------------------------------------------------------------------------------------- files

export function writeWavFile(
  file: string,
  channels: Float32Array[],
  sampleRate: number,
  bits: WavBits = 16,
): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, encodeWav(channels, sampleRate, bits));
  return file;
}

export function readWavFile(file: string): DecodedWav {
  return decodeWav(new Uint8Array(readFileSync(file)));
}

export function wavSampleRate(file: string): number {
  return parseWavHeader(new Uint8Array(readFileSync(file))).format.sampleRate;
}

/**
 * The path of a cached fixture for `recipe` (any JSON-serialisable description of everything that determines
 * the file's content). `build(tmpPath)` runs only when the file is missing; it writes to a temporary path that
 * is renamed into place, so parallel test workers never see half a file.
 */
export function cachedFixture(
  recipe: unknown,
  build: (outPath: string) => void,
  ext = 'wav',
): string {
  const hash = createHash('sha256').update(JSON.stringify(recipe)).digest('hex').slice(0, 16);
  const file = path.join(FIXTURE_DIR, `${hash}.${ext}`);
  if (existsSync(file)) return file;
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const tmp = path.join(FIXTURE_DIR, `${hash}.${process.pid}.partial.${ext}`);
  try {
    build(tmp);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return file;
}

/** A scratch directory under .tmp/ (created, not cleaned). */
export function scratchDir(name: string): string {
  const dir = path.join(PROJECT_ROOT, '.tmp', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------------------------------------- tools

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/** Runs a command; throws with its stderr when it fails. */
export function runTool(
  command: string,
  args: string[],
  options: { input?: string | Uint8Array } = {},
): ToolResult {
  const result = spawnSync(command, args, {
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.trim().slice(-2000)}`,
    );
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

export function sox(...args: string[]): ToolResult {
  return runTool('sox', args);
}

/**
 * Mono float samples from `sox -n … synth SECONDS ARGS…` (noise, tones, plucks and their effects), written
 * through `scratch` (removed after). `repeatable` passes sox's -R: the same noise every run.
 */
export function soxSynth(
  scratch: string,
  sampleRate: number,
  seconds: number,
  args: readonly string[],
  repeatable: boolean,
): Float32Array {
  try {
    sox(
      ...(repeatable ? ['-R'] : []),
      '-n',
      '-r',
      String(sampleRate),
      '-b',
      '32',
      '-e',
      'floating-point',
      '-c',
      '1',
      scratch,
      'synth',
      String(seconds),
      ...args,
    );
    return readWavFile(scratch).channels[0];
  } finally {
    rmSync(scratch, { force: true });
  }
}

export function espeakNg(...args: string[]): ToolResult {
  return runTool('espeak-ng', args);
}

export function ffmpeg(...args: string[]): ToolResult {
  return runTool('ffmpeg', ['-hide_banner', '-nostdin', ...args]);
}

export function toolVersion(command: 'sox' | 'espeak-ng' | 'ffmpeg'): string {
  const flag = command === 'ffmpeg' ? '-version' : '--version';
  const { stdout, stderr } = runTool(command, [flag]);
  return (stdout || stderr).split('\n')[0].trim();
}

// ---------------------------------------------------------------------------------------------- speech

export interface Utterance {
  /** 0 = left (caller), 1 = right (agent). */
  channel: 0 | 1;
  /** Start time in seconds. */
  at: number;
  text: string;
  /** espeak-ng voice, e.g. 'en-us+m3', 'en-gb+f2'. */
  voice: string;
  /** espeak-ng amplitude 0–200 (default 100). */
  amplitude?: number;
  /** Words per minute (default 160). */
  speed?: number;
  /** Extra gain in dB after synthesis. */
  gainDb?: number;
}

export interface ConversationSpec {
  sampleRate: number;
  durationSec: number;
  utterances: Utterance[];
  /** Per channel: band-limit to 300–3400 Hz like a phone line. */
  telephoneBand?: [boolean, boolean];
  /** Per channel: pink-noise floor in dBFS (sox `vol`), or null for digital silence between words. */
  noiseDb?: [number | null, number | null];
}

/** One espeak-ng utterance resampled by sox to the given rate (mono 16-bit), cached. */
export function speechClip(
  u: Omit<Utterance, 'channel' | 'at' | 'gainDb'>,
  sampleRate: number,
  telephoneBand = false,
): string {
  const recipe = {
    kind: 'speech-clip',
    text: u.text,
    voice: u.voice,
    amplitude: u.amplitude ?? 100,
    speed: u.speed ?? 160,
    sampleRate,
    telephoneBand,
    v: 1,
  };
  return cachedFixture(recipe, (out) => {
    const raw = `${out}.espeak.wav`;
    try {
      espeakNg(
        '-v',
        u.voice,
        '-a',
        String(recipe.amplitude),
        '-s',
        String(recipe.speed),
        '-w',
        raw,
        u.text,
      );
      sox(
        raw,
        '-r',
        String(sampleRate),
        '-b',
        '16',
        '-c',
        '1',
        out,
        ...(telephoneBand ? ['sinc', '300-3400'] : []),
      );
    } finally {
      rmSync(raw, { force: true });
    }
  });
}

/** Renders a two-party call as a stereo 16-bit WAV (caller left, agent right), cached by its spec. */
export function renderConversation(spec: ConversationSpec): string {
  return cachedFixture({ kind: 'conversation', spec, v: 1 }, (out) =>
    renderConversationTo(spec, out),
  );
}

/** Renders a two-party call to `out` (no caching; see renderConversation). Utterance clips are cached. */
export function renderConversationTo(spec: ConversationSpec, out: string): void {
  const n = Math.round(spec.durationSec * spec.sampleRate);
  const tracks = [new Float32Array(n), new Float32Array(n)];
  for (const ch of [0, 1] as const) {
    const noiseDb = spec.noiseDb?.[ch];
    if (noiseDb === null || noiseDb === undefined) continue;
    const noiseFile = `${out}.noise${ch}.wav`;
    try {
      sox(
        '-R',
        '-n',
        '-r',
        String(spec.sampleRate),
        '-b',
        '16',
        '-c',
        '1',
        noiseFile,
        'synth',
        String(spec.durationSec),
        'pinknoise',
        'vol',
        `${noiseDb}dB`,
      );
      mixInto(tracks[ch], readWavFile(noiseFile).channels[0], 0);
    } finally {
      rmSync(noiseFile, { force: true });
    }
  }
  const clips = new Map<string, Float32Array>();
  for (const u of spec.utterances) {
    const clipFile = speechClip(u, spec.sampleRate, spec.telephoneBand?.[u.channel] ?? false);
    if (!clips.has(clipFile)) clips.set(clipFile, readWavFile(clipFile).channels[0]);
    mixInto(
      tracks[u.channel],
      clips.get(clipFile)!,
      Math.round(u.at * spec.sampleRate),
      dbToGain(u.gainDb ?? 0),
    );
  }
  for (const t of tracks)
    for (let i = 0; i < n; i++)
      if (Math.abs(t[i]) >= 1)
        throw new Error(
          `renderConversation: clipping at ${(i / spec.sampleRate).toFixed(2)} s; lower a gain.`,
        );
  writeWavFile(out, tracks, spec.sampleRate, 16);
}

// ---------------------------------------------------------------------------------------------- ffmpeg ebur128

export interface Ebur128Frame {
  /** Seconds of audio metered when the values were taken (a multiple of 0.1). */
  t: number;
  /** Momentary, short-term and integrated loudness as ffmpeg reports them (-120.7 and -70 mean "nothing"). */
  momentary: number;
  shortTerm: number;
  integrated: number;
}

export interface Ebur128Result {
  frames: Ebur128Frame[];
  /** Integrated loudness from the summary (1 decimal). */
  integrated: number;
  /** Decimals of the frame values: 3 from frame metadata, 1 from the text framelog. */
  decimals: number;
}

/**
 * Parses `ebur128=framelog=verbose` output (stderr), e.g.
 * `[Parsed_ebur128_0 @ 0x…] t: 0.399977   TARGET:-23 LUFS    M: -23.0 S:-120.7     I: -23.0 LUFS …`.
 * ffmpeg prints t as the time of the last metered sample; it is rounded here to the 100 ms grid.
 */
export function parseEbur128FrameLog(stderr: string): Ebur128Frame[] {
  const frames: Ebur128Frame[] = [];
  const re =
    /t:\s*([\d.]+)\s+TARGET:\S+ LUFS\s+M:\s*(-?[\d.]+|-?inf|nan)\s+S:\s*(-?[\d.]+|-?inf|nan)\s+I:\s*(-?[\d.]+|-?inf|nan) LUFS/g;
  for (const m of stderr.matchAll(re)) {
    frames.push({
      t: Math.round(Number(m[1]) * 10) / 10,
      momentary: Number(m[2]),
      shortTerm: Number(m[3]),
      integrated: Number(m[4]),
    });
  }
  return frames;
}

/** Parses the summary's integrated loudness ("Integrated loudness:\n    I:  -23.0 LUFS"). */
export function parseEbur128Summary(stderr: string): number {
  const m = /Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-?inf) LUFS/.exec(stderr);
  if (!m) throw new Error('ffmpeg printed no ebur128 summary');
  return Number(m[1]);
}

/** Parses `ametadata=mode=print` output of frames that are each exactly 100 ms long (frame k ends at (k+1)/10 s). */
export function parseEbur128Metadata(text: string): Ebur128Frame[] {
  const frames: Ebur128Frame[] = [];
  let current: Partial<Ebur128Frame> & { index?: number } = {};
  const flush = (): void => {
    if (
      current.index !== undefined &&
      current.momentary !== undefined &&
      current.shortTerm !== undefined &&
      current.integrated !== undefined
    ) {
      frames.push({
        t: (current.index + 1) / 10,
        momentary: current.momentary,
        shortTerm: current.shortTerm,
        integrated: current.integrated,
      });
    }
  };
  for (const line of text.split('\n')) {
    const f = /^frame:(\d+)/.exec(line);
    if (f) {
      flush();
      current = { index: Number(f[1]) };
      continue;
    }
    const kv = /^lavfi\.r128\.(M|S|I)=(.*)$/.exec(line.trim());
    if (!kv) continue;
    const v = Number(kv[2]);
    if (kv[1] === 'M') current.momentary = v;
    else if (kv[1] === 'S') current.shortTerm = v;
    else current.integrated = v;
  }
  flush();
  return frames;
}

/**
 * Meters a WAV file with ffmpeg's ebur128 filter. `channel` picks one channel as a mono programme
 * (`pan=mono|c0=cN`); 'all' meters the file as it is. Values every 100 ms: with 3 decimals from frame metadata
 * when 100 ms is a whole number of samples, else from the 1-decimal framelog.
 */
export function ffmpegEbur128(file: string, channel: number | 'all' = 'all'): Ebur128Result {
  const sampleRate = wavSampleRate(file);
  const pan = channel === 'all' ? '' : `pan=mono|c0=c${channel},`;
  const hop = sampleRate / 10;
  if (Number.isInteger(hop)) {
    const dir = scratchDir('ffmpeg-ebur128');
    const metaFile = path.join(
      dir,
      `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`,
    );
    try {
      const { stderr } = ffmpeg(
        '-nostats',
        '-i',
        file,
        '-af',
        `${pan}asetnsamples=n=${hop}:p=0,ebur128=metadata=1,ametadata=mode=print:file=${metaFile}`,
        '-f',
        'null',
        '-',
      );
      return {
        frames: parseEbur128Metadata(readFileSync(metaFile, 'utf8')),
        integrated: parseEbur128Summary(stderr),
        decimals: 3,
      };
    } finally {
      rmSync(metaFile, { force: true });
    }
  }
  const { stderr } = ffmpeg(
    '-nostats',
    '-i',
    file,
    '-af',
    `${pan}ebur128=framelog=verbose`,
    '-f',
    'null',
    '-',
  );
  return {
    frames: parseEbur128FrameLog(stderr),
    integrated: parseEbur128Summary(stderr),
    decimals: 1,
  };
}
