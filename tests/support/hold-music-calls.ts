/**
 * Calls where the caller's line goes to music on hold and no hold event comes (Twinkle and baresip send
 * none), built from real recorded voices with the truth known by construction: the caller complains, the
 * agent says "one moment", the line plays HOLD_SEC of music, then the caller comes back and the agent
 * answers. Three kinds of music, plus negative controls with the same script where the hold would be:
 *
 *   moh-piece  a real hold-music piece: Debian's asterisk-moh-opsound-wav (macroform-cold_day), fetched
 *              with `apt-get download` + `dpkg -x` (nothing installed);
 *   chords     sox: a C–F–G–Am progression of triangle-wave triads with a square-wave melody in eighths;
 *   pluck      sox `synth pluck`: a piano-like arpeggio, a note every 0.3 s, each ringing 0.9 s;
 *   beeps      a "please hold" tone pattern: two 0.25 s beeps at 440 Hz, 0.2 s apart, every 3 s;
 *   venting    (control) the caller talks on without a pause longer than 0.35 s for HOLD_SEC;
 *   silent     (control) nobody speaks: the line's noise only;
 *   suppressed (control) the caller's line is digital silence (silence suppression).
 *
 * Music at MUSIC_LEVELS_DBFS (RMS; the beeps' tone 6 dB higher): as loud as the caller's voice, and 12 dB
 * under it (a quiet hold line).
 *
 * Stereo 48 kHz 16-bit, agent LEFT, caller RIGHT; the caller's side (voice and music) goes through the
 * phone line of floor-calls.ts (300–3400 Hz, 8 kHz µ-law) with its line noise.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { extractedDebianPackages } from './debian-packages';
import { FLOOR_SAMPLE_RATE, phoneLine } from './floor-calls';
import { speakerClips, type Clip, type Speaker } from './real-voices';
import {
  cachedFixture,
  dbToGain,
  mixInto,
  readWavFile,
  seededRandom,
  sox,
  soxSynth,
  writeWavFile,
} from './test-audio';

export type HoldMusicKind = 'moh-piece' | 'chords' | 'pluck' | 'beeps';
export type HoldControlKind = 'venting' | 'silent' | 'suppressed';
export type HoldCallKind = HoldMusicKind | HoldControlKind;

export const HOLD_MUSIC_KINDS: readonly HoldMusicKind[] = ['moh-piece', 'chords', 'pluck', 'beeps'];
export const HOLD_CONTROL_KINDS: readonly HoldControlKind[] = ['venting', 'silent', 'suppressed'];

export const HOLD_SEC = 30;
const SR = FLOOR_SAMPLE_RATE;
const CALLER_DBFS = -24;
const AGENT_DBFS = -26;
/** Levels of the music swept (dBFS RMS). */
export const MUSIC_LEVELS_DBFS: readonly number[] = [-24, -36];
const AGENT_NOISE_DBFS = -65;
const LINE_NOISE_DBFS = -62;

export interface HoldMusicCall {
  kind: HoldCallKind;
  musicDbfs: number;
  callerVoice: Speaker;
  wav: string;
  durationSec: number;
  /** Where the music (or the control's stretch) plays: [start, end) s. */
  holdStartSec: number;
  holdEndSec: number;
  /** The caller's first word after it. */
  callerBackSec: number;
  /** Where the caller really speaks (s), the control's venting included. */
  callerTruth: [number, number][];
}

interface Placed {
  clip: Clip;
  at: number;
  gainDb: number;
}

/** The callers of the venting control: every real voice (one prompt voice per language, two readers). */
export const VENTING_CALLERS: readonly Speaker[] = [
  'fr-june',
  'en-allison',
  'es-allison',
  'it-carlo',
  'ru-voice',
  'en-male',
  'en-librivox',
];

export function holdMusicCall(
  kind: HoldCallKind,
  musicDbfs = MUSIC_LEVELS_DBFS[0],
  callerVoice: Speaker = 'fr-june',
): HoldMusicCall {
  const rnd = seededRandom(31);
  const callerClips = speakerClips(callerVoice, SR, 1.2, 3.2);
  const agentClips = speakerClips(
    callerVoice === 'en-allison' ? 'it-carlo' : 'en-allison',
    SR,
    1.0,
    2.6,
  );
  let ci = 0;
  let ai = 0;
  const caller: Placed[] = [];
  const agent: Placed[] = [];
  const last = (p: Placed) => p.at + p.clip.speech[p.clip.speech.length - 1][1];
  const put = (list: Placed[], clip: Clip, speechAt: number, gainDb: number): Placed => {
    const p = { clip, at: speechAt - clip.speech[0][0], gainDb };
    list.push(p);
    return p;
  };
  let t = 0.8;
  t = last(put(agent, agentClips[ai++], t, AGENT_DBFS)) + 0.5;
  for (let k = 0; k < 2; k++)
    t = last(put(caller, callerClips[ci++], t, CALLER_DBFS)) + 0.25 + rnd() * 0.1;
  t = last(put(agent, agentClips[ai++], t + 0.6, AGENT_DBFS));
  const holdStartSec = Math.round((t + 0.6) * 100) / 100;
  const holdEndSec = holdStartSec + HOLD_SEC;
  if (kind === 'venting') {
    // The caller talks on through the stretch: gaps of 0.2–0.35 s only.
    let v = holdStartSec;
    while (v < holdEndSec - 1) {
      const p = put(caller, callerClips[ci++ % callerClips.length], v, CALLER_DBFS);
      v = last(p) + 0.2 + rnd() * 0.15;
    }
  }
  const callerBackSec = holdEndSec + 0.4;
  t = callerBackSec;
  for (let k = 0; k < 2; k++)
    t = last(put(caller, callerClips[ci++ % callerClips.length], t, CALLER_DBFS)) + 0.3;
  t = last(put(agent, agentClips[ai++], t + 0.5, AGENT_DBFS));
  const durationSec = Math.ceil((t + 1.5) * 10) / 10;
  const callerTruth: [number, number][] = caller
    .flatMap((p) => p.clip.speech.map(([a, b]): [number, number] => [p.at + a, p.at + b]))
    .sort((a, b) => a[0] - b[0]);

  const recipe = { kind: 'hold-music-call', holdKind: kind, musicDbfs, v: 1 };
  const wav = cachedFixture(
    callerVoice === 'fr-june' ? recipe : { ...recipe, callerVoice },
    (out) => {
      const n = Math.round(durationSec * SR);
      const agentCh = noise(out, 'agent', durationSec, AGENT_NOISE_DBFS, []);
      for (const p of agent)
        mixInto(agentCh, p.clip.samples, Math.round(p.at * SR), dbToGain(p.gainDb));
      let callerCh: Float32Array = new Float32Array(n);
      for (const p of caller)
        mixInto(callerCh, p.clip.samples, Math.round(p.at * SR), dbToGain(p.gainDb));
      const music = musicOf(kind, out, musicDbfs);
      if (music) mixInto(callerCh, music, Math.round(holdStartSec * SR));
      callerCh = phoneLine(out, callerCh);
      mixInto(callerCh, noise(out, 'line', durationSec, LINE_NOISE_DBFS, ['sinc', '300-3400']), 0);
      if (kind === 'suppressed')
        callerCh.fill(0, Math.round(holdStartSec * SR), Math.round(holdEndSec * SR));
      writeWavFile(out, [agentCh.subarray(0, n), callerCh.subarray(0, n)], SR, 16);
    },
  );
  return {
    kind,
    musicDbfs,
    callerVoice,
    wav,
    durationSec,
    holdStartSec,
    holdEndSec,
    callerBackSec,
    callerTruth,
  };
}

/** HOLD_SEC of the kind's music at `dbfs` RMS (the beeps: their tone 6 dB higher), or null for a control. */
function musicOf(kind: HoldCallKind, out: string, dbfs: number): Float32Array | null {
  const n = HOLD_SEC * SR;
  const hz = (m: number) => (440 * Math.pow(2, (m - 69) / 12)).toFixed(2);
  if (kind === 'moh-piece') {
    const file = `${out}.moh.wav`;
    try {
      sox(
        path.join(mohRoot(), 'usr/share/asterisk/moh/macroform-cold_day.wav'),
        '-r',
        String(SR),
        '-b',
        '32',
        '-e',
        'floating-point',
        file,
        'trim',
        '20',
        String(HOLD_SEC),
      );
      return level(readWavFile(file).channels[0], dbfs);
    } finally {
      rmSync(file, { force: true });
    }
  }
  if (kind === 'chords') {
    const x = new Float32Array(n);
    const chords = [
      [60, 64, 67],
      [65, 69, 72],
      [67, 71, 74],
      [57, 60, 64],
    ];
    const melody = [0, 1, 2, 1, 2, 0, 1, 2];
    for (let t = 0, k = 0; t < HOLD_SEC; t += 2, k++) {
      const ch = chords[k % 4];
      const pad = synth(
        out,
        2,
        ...ch.flatMap((m) => ['triangle', hz(m)]),
        'fade',
        '0.08',
        '2',
        '0.1',
      );
      mixInto(x, pad, Math.round(t * SR), 0.5);
      for (let j = 0; j < 8; j++) {
        const m = ch[melody[(j + k) % 8]] + 12;
        const note = synth(out, 0.25, 'square', hz(m), 'fade', '0.01', '0.25', '0.08');
        mixInto(x, note, Math.round((t + j * 0.25) * SR), 0.25);
      }
    }
    return level(x, dbfs);
  }
  if (kind === 'pluck') {
    const x = new Float32Array(n + SR);
    const seq = [60, 64, 67, 72, 67, 64, 62, 65, 69, 74, 69, 65, 59, 62, 67, 71, 67, 62];
    for (let t = 0, k = 0; t < HOLD_SEC; t += 0.3, k++)
      mixInto(x, synth(out, 0.9, 'pluck', hz(seq[k % seq.length])), Math.round(t * SR));
    return level(x.subarray(0, n), dbfs);
  }
  if (kind === 'beeps') {
    const x = new Float32Array(n);
    const beep = synth(out, 0.25, 'sine', '440', 'fade', '0.01', '0.25', '0.01');
    const g = dbToGain(dbfs + 6) / rms(beep);
    for (let t = 0.2; t < HOLD_SEC - 1; t += 3) {
      mixInto(x, beep, Math.round(t * SR), g);
      mixInto(x, beep, Math.round((t + 0.45) * SR), g);
    }
    return x;
  }
  return null;
}

function synth(out: string, seconds: number, ...args: string[]): Float32Array {
  return soxSynth(`${out}.synth.wav`, SR, seconds, args, false);
}

function noise(
  out: string,
  tag: string,
  seconds: number,
  dbfs: number,
  effects: string[],
): Float32Array {
  return level(soxSynth(`${out}.${tag}.wav`, SR, seconds, ['pinknoise', ...effects], true), dbfs);
}

function rms(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s / x.length);
}

function level(x: Float32Array, dbfs: number): Float32Array {
  const g = dbToGain(dbfs) / rms(x);
  for (let i = 0; i < x.length; i++) x[i] *= g;
  return x;
}

/** Debian's asterisk-moh-opsound-wav, extracted once under .tmp/ (debian-packages.ts). */
function mohRoot(): string {
  return extractedDebianPackages('hold-music', ['asterisk-moh-opsound-wav'], 'Hold music');
}
