/**
 * The benchmark's call: 10 minutes of stereo 48 kHz 16-bit audio shaped like a contact-center call —
 * caller (left) on a band-limited line with a noise floor, agent (right) on a headset with silence between
 * turns, turns of 1–8 s with pauses, overlaps, backchannels, quiet and raised voices. Built from a small pool
 * of espeak-ng utterances placed by a seeded schedule; cached in .tmp/bench/ by a hash of its recipe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
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

export function benchCallSpec(): ConversationSpec {
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
    noiseDb: [-42, null],
  };
}

/** Path of the cached 10-minute call, built on first use (about half a minute). */
export function benchCallFile(log: (m: string) => void = () => {}): string {
  const spec = benchCallSpec();
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
