/**
 * The benchmark's call: 10 minutes of stereo 48 kHz 16-bit audio shaped like a contact-center call —
 * caller (left) on a band-limited line, agent (right) on a headset, turns of 1–8 s with pauses, overlaps,
 * backchannels, quiet and raised voices. Built from a small pool of espeak-ng utterances placed by a seeded
 * schedule; cached in .tmp/bench/ by a hash of its recipe.
 *
 * Two versions of the same conversation (BENCH_NOISE):
 *   - 'realistic' (the reference): noise on both channels as real calls carry it — the caller's line noise
 *     ≈ −65 dBFS RMS, the agent's room through the headset ≈ −60 dBFS RMS (pink noise; sox `vol` −52/−47 dB
 *     on full-scale pink noise, whose RMS is −13.1 dBFS). No sample run is digital silence.
 *   - 'silent-gaps': the caller's line noise at ≈ −55 dBFS RMS and digital silence on the agent's channel
 *     between words (the bench's reference until issue 17; ffmpeg's ebur128 filters run into denormal
 *     numbers there, which flatters any engine compared with it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWavHeader } from '../../renderer/engine/wav-codec';
import {
  PROJECT_ROOT,
  readWavFile,
  renderConversationTo,
  seededRandom,
  speechClip,
  type ConversationSpec,
  type Utterance,
} from '../support/test-audio';

const CALLER_LINES = [
  'I have been waiting on hold for forty minutes and nobody called me back.',
  'This is the third time I am explaining this to you people.',
  'My internet has been down since Monday and I work from home.',
  'No, that is not what the last person told me.',
  'Okay. Fine.',
  'Can I speak to a manager, please?',
  'I already restarted the router twice this morning.',
];
const AGENT_LINES = [
  'I am sorry about the wait. Let me pull up your account.',
  'I understand. Can you confirm the address on the account?',
  'Mm-hm.',
  'Right.',
  'I can see the outage in your area, and a technician is assigned.',
  'Let me check that for you right now.',
  'Is there anything else I can help you with today?',
];

export const BENCH_CALL_SECONDS = 600;
export const BENCH_SAMPLE_RATE = 48000;

/** Seconds of speech in an utterance clip (synthesised once, cached). */
function clipSeconds(u: Utterance, telephoneBand: boolean): number {
  const clip = readWavFile(speechClip(u, BENCH_SAMPLE_RATE, telephoneBand));
  return clip.frameCount / clip.sampleRate;
}

export type BenchNoise = 'realistic' | 'silent-gaps';

/** Pink-noise floor per channel (sox `vol` in dB on full-scale pink noise; RMS ≈ that − 13.1 dB). */
export const BENCH_NOISE_VOL_DB: Record<BenchNoise, [number, number | null]> = {
  realistic: [-52, -47],
  'silent-gaps': [-42, null],
};

export function benchCallSpec(noise: BenchNoise = 'realistic'): ConversationSpec {
  const rnd = seededRandom(600);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const utterances: Utterance[] = [];
  let t = 0.5;
  let caller = true;
  while (t < BENCH_CALL_SECONDS - 12) {
    const heated = caller && rnd() < 0.25;
    const u: Utterance = {
      channel: caller ? 0 : 1,
      at: +t.toFixed(3),
      text: pick(caller ? CALLER_LINES : AGENT_LINES),
      voice: caller ? 'en-us+m3' : 'en-gb+f2',
      amplitude: heated ? 160 : caller ? 100 : 80,
      speed: heated ? 190 : 160,
      gainDb: heated ? -3 : caller && rnd() < 0.2 ? -10 : 0,
    };
    utterances.push(u);
    const length = clipSeconds(u, caller);
    if (caller && length > 2.5 && rnd() < 0.3) {
      // The agent backchannels in the middle of the caller's turn.
      utterances.push({
        channel: 1,
        at: +(t + length / 2).toFixed(3),
        text: 'Mm-hm.',
        voice: 'en-gb+f2',
        amplitude: 60,
      });
    }
    // Then a pause (0.2–2.5 s), or now and then the other side starts before this one ends (overlap).
    t += length + (rnd() < 0.15 ? -0.8 : 0.2 + rnd() * 2.3);
    caller = !caller;
  }
  return {
    sampleRate: BENCH_SAMPLE_RATE,
    durationSec: BENCH_CALL_SECONDS,
    utterances,
    telephoneBand: [true, false],
    noiseDb: BENCH_NOISE_VOL_DB[noise],
  };
}

/** Path of the cached 10-minute call, built on first use (about half a minute). */
export function benchCallFile(
  log: (m: string) => void = () => {},
  noise: BenchNoise = 'realistic',
): string {
  const spec = benchCallSpec(noise);
  const hash = createHash('sha256')
    .update(JSON.stringify({ spec, v: 1 }))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(PROJECT_ROOT, '.tmp/bench');
  const file = path.join(dir, `call-10min-48k-${hash}.wav`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  log(`building ${path.relative(PROJECT_ROOT, file)} (${spec.utterances.length} utterances)…`);
  const tmp = `${file}.${process.pid}.partial.wav`;
  try {
    renderConversationTo(spec, tmp);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return file;
}

/** Seconds of the realistic call kept at the start of silenceAfterSpeechFile(). */
export const SILENCE_FILE_SPEECH_SEC = 2;

/**
 * The realistic call's first SILENCE_FILE_SPEECH_SEC seconds (speech and noise), then digital silence on
 * both channels to the same length: after sound, IIR filter states decay towards zero and reach denormal
 * numbers (slow on x86) unless flushed — the case a denormal slowdown would show on. Cached beside it.
 */
export function silenceAfterSpeechFile(log: (m: string) => void = () => {}): string {
  const source = benchCallFile(log, 'realistic');
  const file = source.replace(/\.wav$/, `-then-silence.wav`);
  if (existsSync(file)) return file;
  const bytes = readFileSync(source);
  const header = parseWavHeader(new Uint8Array(bytes.buffer, bytes.byteOffset, 65536));
  const keep =
    header.dataOffset + SILENCE_FILE_SPEECH_SEC * BENCH_SAMPLE_RATE * header.format.blockAlign;
  bytes.fill(0, keep);
  const tmp = `${file}.${process.pid}.partial.wav`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return file;
}
