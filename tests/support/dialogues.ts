/**
 * Generated two-party calls with truth by construction: every utterance is spoken by espeak-ng (different
 * voices for caller and agent), trimmed to its first/last audible sample, set to a known speech level and
 * placed at a known time, so each utterance's start/end is exact. sox resamples, band-limits the caller's
 * telephone line (`sinc 300-3400`), makes pink noise and merges the channels into a stereo WAV (`sox -M`,
 * agent left by default). Mains hum (50/60 Hz with harmonics) is synthesised here. Built files and their
 * truth are cached under .tmp/fixtures/ by a hash of the recipe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR, espeakNg, readWavFile, sox } from './test-audio';

export type Speaker = 'caller' | 'agent';

export interface UtteranceSpec {
  who: Speaker;
  text: string;
  /** Start of speech (s from the start of the call) … */
  at?: number;
  /** … or this long after the end of the previous utterance in the list (a pause; negative overlaps) … */
  afterPrevEnd?: number;
  /** … or this long after the start of the previous utterance (an interruption into it). */
  afterPrevStart?: number;
  /** Level relative to the speaker's usual level (dB): +10 = a raised voice. */
  gainDb?: number;
  /** Keep only the first `cutSec` of speech (a 0.2 s "mm" backchannel, an interruption that stops). */
  cutSec?: number;
}

export interface LineSpec {
  /** Pink noise RMS level (dBFS) on this channel; null = none. */
  pinkNoiseDbfs?: number | null;
  /** Mains hum RMS level (dBFS); null = none. */
  humDbfs?: number | null;
  humHz?: 50 | 60;
}

export interface DialogueSpec {
  utterances: UtteranceSpec[];
  sampleRate?: number;
  /** Active speech level (dBFS RMS over the utterance's voiced 10 ms frames) of each party. */
  callerLevelDbfs?: number;
  agentLevelDbfs?: number;
  /** Telephone band-limit on the caller (default true). */
  callerBandLimit?: boolean;
  callerLine?: LineSpec;
  agentLine?: LineSpec;
  /** Silence after the last utterance (s). */
  tailSec?: number;
  /** Agent on the left (default) or right channel; 'mono' writes the caller alone. */
  layout?: 'agent-left' | 'agent-right' | 'mono';
  bits?: 16 | 32;
  voices?: { caller: string; agent: string };
}

export interface TruthUtterance {
  who: Speaker;
  text: string;
  start: number;
  end: number;
  /** Speech level of this utterance (dBFS RMS over its voiced frames). */
  levelDbfs: number;
}

export interface Dialogue {
  file: string;
  sampleRate: number;
  durationSec: number;
  truth: TruthUtterance[];
  caller: Float32Array;
  agent: Float32Array;
}

const DEFAULT_VOICES = { caller: 'en-gb+f3', agent: 'en-us+m3' };
const TRIM_DB = -45;

/** Builds (or loads from the cache) the call described by `spec`. */
export function buildDialogue(spec: DialogueSpec): Dialogue {
  const recipe = { v: 4, ...spec };
  const hash = createHash('sha256').update(JSON.stringify(recipe)).digest('hex').slice(0, 16);
  const wav = path.join(FIXTURE_DIR, `dialogue-${hash}.wav`);
  const json = path.join(FIXTURE_DIR, `dialogue-${hash}.truth.json`);
  if (!existsSync(wav) || !existsSync(json)) generate(spec, wav, json);
  const truth = JSON.parse(readFileSync(json, 'utf8')) as TruthUtterance[];
  const decoded = readWavFile(wav);
  const layout = spec.layout ?? 'agent-left';
  const caller =
    layout === 'mono' ? decoded.channels[0] : decoded.channels[layout === 'agent-left' ? 1 : 0];
  const agent =
    layout === 'mono'
      ? new Float32Array(caller.length)
      : decoded.channels[layout === 'agent-left' ? 0 : 1];
  return {
    file: wav,
    sampleRate: decoded.sampleRate,
    durationSec: decoded.durationSec,
    truth,
    caller,
    agent,
  };
}

export function truthOf(d: Dialogue, who: Speaker): TruthUtterance[] {
  return d.truth.filter((u) => u.who === who);
}

function generate(spec: DialogueSpec, wavPath: string, jsonPath: string): void {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const sr = spec.sampleRate ?? 16000;
  const voices = spec.voices ?? DEFAULT_VOICES;
  const tmp = path.join(FIXTURE_DIR, `tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const placed: {
      who: Speaker;
      text: string;
      at: number;
      samples: Float32Array;
      levelDbfs: number;
    }[] = [];
    let prevStart = 0;
    let prevEnd = 0;
    spec.utterances.forEach((u, i) => {
      const raw = speak(voices[u.who], u.text, sr, path.join(tmp, `u${i}`));
      let s = trimToSpeech(raw);
      if (u.cutSec !== undefined)
        s = fadeOutCut(s, Math.round(u.cutSec * sr), Math.round(0.01 * sr));
      const base =
        u.who === 'caller' ? (spec.callerLevelDbfs ?? -26) : (spec.agentLevelDbfs ?? -24);
      const level = base + (u.gainDb ?? 0);
      const gain = Math.pow(10, (level - speechLevelDbfs(s, sr)) / 20);
      for (let k = 0; k < s.length; k++) s[k] *= gain;
      const at =
        u.at ??
        (u.afterPrevEnd !== undefined
          ? prevEnd + u.afterPrevEnd
          : u.afterPrevStart !== undefined
            ? prevStart + u.afterPrevStart
            : NaN);
      if (!Number.isFinite(at) || at < 0)
        throw new Error(
          `utterance ${i} needs at, afterPrevEnd or afterPrevStart (got start ${at})`,
        );
      const start = Math.round(at * sr);
      prevStart = start / sr;
      prevEnd = (start + s.length) / sr;
      placed.push({ who: u.who, text: u.text, at: start / sr, samples: s, levelDbfs: level });
    });
    const end = Math.max(...placed.map((p) => Math.round(p.at * sr) + p.samples.length));
    const length = end + Math.round((spec.tailSec ?? 1.5) * sr);
    const channel = (who: Speaker): Float32Array => {
      const out = new Float32Array(length);
      for (const p of placed) {
        if (p.who !== who) continue;
        const at = Math.round(p.at * sr);
        for (let k = 0; k < p.samples.length; k++) out[at + k] += p.samples[k];
      }
      return out;
    };
    let caller = channel('caller');
    if (spec.callerBandLimit ?? true)
      caller = soxFilter(caller, sr, path.join(tmp, 'caller'), ['sinc', '300-3400']);
    addLine(caller, sr, spec.callerLine, path.join(tmp, 'caller-noise'), 1);
    const agent = channel('agent');
    addLine(agent, sr, spec.agentLine, path.join(tmp, 'agent-noise'), 2);

    const truth: TruthUtterance[] = placed
      .map((p) => ({
        who: p.who,
        text: p.text,
        start: Math.round(p.at * sr) / sr,
        end: (Math.round(p.at * sr) + p.samples.length) / sr,
        levelDbfs: p.levelDbfs,
      }))
      .sort((a, b) => a.start - b.start);
    writeFileSync(jsonPath, JSON.stringify(truth));

    const layout = spec.layout ?? 'agent-left';
    const bits = String(spec.bits ?? 16);
    const callerRaw = writeRaw(path.join(tmp, 'caller.f32'), caller);
    const agentRaw = writeRaw(path.join(tmp, 'agent.f32'), agent);
    const rawIn = (f: string) => ['-t', 'f32', '-r', String(sr), '-c', '1', f];
    const partial = `${wavPath}.${process.pid}.partial.wav`;
    const outArgs = ['-b', bits, ...(bits === '32' ? ['-e', 'floating-point'] : []), partial];
    if (layout === 'mono') sox('-D', ...rawIn(callerRaw), ...outArgs);
    else {
      const [left, right] = layout === 'agent-left' ? [agentRaw, callerRaw] : [callerRaw, agentRaw];
      sox('-D', '-M', ...rawIn(left), ...rawIn(right), ...outArgs);
    }
    renameSync(partial, wavPath);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function speak(voice: string, text: string, sr: number, base: string): Float32Array {
  const wav = `${base}.wav`;
  espeakNg('-v', voice, '-s', '165', '-w', wav, text);
  sox('-D', wav, '-t', 'f32', '-r', String(sr), '-c', '1', `${base}.f32`);
  return readRaw(`${base}.f32`);
}

/** Cuts leading/trailing silence: keeps first to last sample above TRIM_DB relative to the peak. */
function trimToSpeech(x: Float32Array): Float32Array {
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const thr = peak * Math.pow(10, TRIM_DB / 20);
  let a = 0;
  while (a < x.length && Math.abs(x[a]) <= thr) a++;
  let b = x.length;
  while (b > a && Math.abs(x[b - 1]) <= thr) b--;
  return x.slice(a, b);
}

function fadeOutCut(x: Float32Array, keep: number, fade: number): Float32Array {
  const out = x.slice(0, Math.min(keep, x.length));
  for (let i = 0; i < fade && i < out.length; i++) out[out.length - 1 - i] *= i / fade;
  return out;
}

/** RMS (dBFS) over the 10 ms frames within 30 dB of the loudest frame: the level of the voice itself. */
export function speechLevelDbfs(x: Float32Array, sr: number): number {
  const n = Math.max(1, Math.round(0.01 * sr));
  const frames: number[] = [];
  for (let i = 0; i + n <= x.length; i += n) {
    let s = 0;
    for (let k = i; k < i + n; k++) s += x[k] * x[k];
    frames.push(s / n);
  }
  const max = Math.max(...frames);
  const active = frames.filter((f) => f > max / 1000);
  return 10 * Math.log10(active.reduce((a, b) => a + b, 0) / active.length);
}

function addLine(
  x: Float32Array,
  sr: number,
  line: LineSpec | undefined,
  base: string,
  seed: number,
): void {
  if (!line) return;
  if (line.pinkNoiseDbfs !== undefined && line.pinkNoiseDbfs !== null) {
    const dur = (x.length / sr + 0.1).toFixed(3);
    // -R: sox's repeatable random numbers; the seed picks a different stretch for each channel.
    sox(
      '-R',
      '-n',
      '-t',
      'f32',
      '-r',
      String(sr),
      '-c',
      '1',
      `${base}.f32`,
      'synth',
      String(Number(dur) + seed),
      'pinknoise',
      'trim',
      String(seed),
    );
    const noise = readRaw(`${base}.f32`);
    addScaled(x, noise, line.pinkNoiseDbfs);
  }
  if (line.humDbfs !== undefined && line.humDbfs !== null) {
    const f0 = line.humHz ?? 50;
    const hum = new Float32Array(x.length);
    // Fundamental plus odd and even harmonics, as from a ground loop and a rectifier.
    const harmonics = [1, 0.5, 0.6, 0.25, 0.3, 0.15, 0.12];
    for (let i = 0; i < hum.length; i++) {
      let v = 0;
      for (let h = 0; h < harmonics.length; h++)
        v += harmonics[h] * Math.sin((2 * Math.PI * f0 * (h + 1) * i) / sr + h);
      hum[i] = v;
    }
    addScaled(x, hum, line.humDbfs);
  }
}

function addScaled(x: Float32Array, noise: Float32Array, rmsDbfs: number): void {
  let s = 0;
  const n = Math.min(x.length, noise.length);
  for (let i = 0; i < n; i++) s += noise[i] * noise[i];
  const g = Math.pow(10, rmsDbfs / 20) / Math.sqrt(s / n);
  for (let i = 0; i < n; i++) x[i] += noise[i] * g;
}

function soxFilter(x: Float32Array, sr: number, base: string, effect: string[]): Float32Array {
  const inFile = writeRaw(`${base}-in.f32`, x);
  const raw = ['-t', 'f32', '-r', String(sr), '-c', '1'];
  sox('-D', ...raw, inFile, ...raw, `${base}-out.f32`, ...effect);
  const y = readRaw(`${base}-out.f32`);
  // sinc is linear-phase with its delay compensated; keep the length exact.
  const out = new Float32Array(x.length);
  out.set(y.subarray(0, x.length));
  return out;
}

function writeRaw(file: string, x: Float32Array): string {
  writeFileSync(file, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  return file;
}

function readRaw(file: string): Float32Array {
  const b = readFileSync(file);
  const copy = new Uint8Array(b.length - (b.length % 4));
  copy.set(b.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}
