/**
 * Calls as they sound on a real contact-centre floor, built from real recorded voices (real-voices.ts)
 * with the truth known by construction: where each clip was placed and where inside it there is speech.
 * One script for every condition (scripted pauses, replies, interruptions both ways, backchannels), then
 * the condition's impairment: neighbours' babble under the agent's mic, the caller leaking from the
 * earpiece into it, digital silence (muted start, a mute mid-call), a street caller with a bus passing,
 * a heated caller against a soft-spoken agent.
 *
 * Files: stereo 48 kHz 16-bit, agent LEFT, caller RIGHT (the analyser's and the live coach's default).
 * The caller's side goes through a phone line (300–3400 Hz, 8 kHz mu-law and back).
 */
import { rmSync } from 'node:fs';
import {
  analyseDecodedCall,
  type AnalysisReport,
} from '../../renderer/engine/call-analysis-report';
import type { Party } from '../../renderer/engine/call-types';
import { FLOOR_BRIDGE_SEC } from '../../renderer/engine/cue-rules';
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

export const FLOOR_SAMPLE_RATE = 48000;

export type FloorCondition =
  | 'clean'
  | 'babble-25'
  | 'babble-35'
  | 'babble-45'
  | 'leak-28'
  | 'leak-40'
  | 'muted'
  | 'street-bus'
  | 'heated-soft'
  | PathCondition;

/**
 * The audio paths agents really have (issue 25), each swept over levels: the agent's voice echoed back on
 * the caller's line, an AGC headset pumping the room up in the agent's silences, neighbours closer than
 * the floor set's, one who calls out, a caller whose line level steps, an agent who raises the voice early,
 * and one who answers softly, as the cue asks (their voice must still count as theirs).
 */
export type PathCondition =
  | 'echo-20'
  | 'echo-30'
  | 'echo-40'
  | 'agc-12'
  | 'agc-18'
  | 'babble-15'
  | 'babble-20'
  | 'callout-10'
  | 'step-up-6'
  | 'step-up-10'
  | 'step-down-6'
  | 'step-down-10'
  | 'raised-12'
  | 'soft-6'
  | 'soft-10';

export const PATH_CONDITIONS: readonly PathCondition[] = [
  'echo-20',
  'echo-30',
  'echo-40',
  'agc-12',
  'agc-18',
  'babble-15',
  'babble-20',
  'callout-10',
  'step-up-6',
  'step-up-10',
  'step-down-6',
  'step-down-10',
  'raised-12',
  'soft-6',
  'soft-10',
];

export const FLOOR_CONDITIONS: readonly FloorCondition[] = [
  'clean',
  'babble-25',
  'babble-35',
  'babble-45',
  'leak-28',
  'leak-40',
  'muted',
  'street-bus',
  'heated-soft',
];

type Interval = [number, number];

export interface FloorCall {
  condition: FloorCondition;
  wav: string;
  durationSec: number;
  /** Where each party really speaks (s). */
  truth: { caller: Interval[]; agent: Interval[] };
  /** Times the caller stopped and the agent waited: each should get one "your turn". */
  pauses: number[];
  /** True start of each scripted interruption and who made it. */
  interruptions: { start: number; by: Party }[];
  /** The agent's short acknowledgements during caller speech (speech ≤ 0.3 s). */
  backchannels: Interval[];
  /** Caller turns spoken 10 dB above their normal voice. */
  heatedTurns: Interval[];
  /** Agent digital silence (muted start, mid-call mute). */
  mutes: Interval[];
  /** Agent replies spoken louder than their normal voice: each should get "too loud". */
  loudReplies: Interval[];
  description: string;
}

interface ConditionSpec {
  seed: number;
  agent: Speaker;
  caller: Speaker;
  neighbours?: Speaker[];
  /** Babble level relative to the agent's speech (dB). */
  babbleDb?: number;
  /** Earpiece leak: level relative to the caller's channel (dB) and delay (s). */
  leak?: { db: number; delaySec: number };
  muted?: boolean;
  street?: boolean;
  heated?: boolean;
  /** The agent's active speech level (dBFS); default -26. */
  agentDbfs?: number;
  /** Far-end echo: the agent's channel back on the caller's line, dB under it and delay (s). */
  echo?: { db: number; delaySec: number };
  /** An AGC on the agent's mic: gain up to maxDb in their silences (6 dB/s from 0.3 s after speech), 0 dB while they speak. */
  agc?: { maxDb: number };
  /** A neighbour calls out (a 1–2 s sentence) this far under the agent, three times during the caller's turns. */
  calloutDb?: number;
  /** The caller's line level (voice and room) steps by this much, as the agent's third reply starts, and stays. */
  lineStepDb?: number;
  /** The agent's second reply this much louder (or, negative, softer) than their normal voice. */
  raisedDb?: number;
  description: string;
}

const SPECS: Record<FloorCondition, ConditionSpec> = {
  clean: {
    seed: 1,
    agent: 'en-allison',
    caller: 'fr-june',
    description: 'real voices, headset noise −65 dBFS, phone line noise',
  },
  'babble-25': {
    seed: 2,
    agent: 'en-allison',
    caller: 'ru-voice',
    neighbours: ['it-carlo', 'en-male', 'fr-june', 'en-librivox'],
    babbleDb: -25,
    description: 'four neighbours 25 dB under the agent',
  },
  'babble-35': {
    seed: 3,
    agent: 'it-carlo',
    caller: 'fr-june',
    neighbours: ['en-allison', 'ru-voice', 'en-male', 'en-librivox'],
    babbleDb: -35,
    description: 'four neighbours 35 dB under the agent',
  },
  'babble-45': {
    seed: 4,
    agent: 'en-allison',
    caller: 'it-carlo',
    neighbours: ['ru-voice', 'fr-june', 'en-male'],
    babbleDb: -45,
    description: 'three neighbours 45 dB under the agent',
  },
  'leak-28': {
    seed: 5,
    agent: 'it-carlo',
    caller: 'en-allison',
    leak: { db: -28, delaySec: 0.04 },
    description: 'earpiece leak 28 dB down, 40 ms late',
  },
  'leak-40': {
    seed: 6,
    agent: 'en-allison',
    caller: 'ru-voice',
    leak: { db: -40, delaySec: 0.06 },
    description: 'earpiece leak 40 dB down, 60 ms late',
  },
  muted: {
    seed: 7,
    agent: 'en-allison',
    caller: 'fr-june',
    muted: true,
    description: 'agent digital silence for 0.8 s, a 4 s mute mid-call',
  },
  'street-bus': {
    seed: 8,
    agent: 'it-carlo',
    caller: 'ru-voice',
    street: true,
    description:
      'street caller (noise 15 dB under speech), an 11 s bus (+12 dB, low-frequency) across a pause',
  },
  'heated-soft': {
    seed: 9,
    agent: 'en-allison',
    caller: 'fr-june',
    heated: true,
    agentDbfs: -32,
    description: 'caller +10 dB turns (peaks near full scale), soft agent at −32 dBFS',
  },
  ...echoSpecs(),
  'agc-12': agcSpec(12, 21),
  'agc-18': agcSpec(18, 22),
  'babble-15': babbleSpec(-15, 23),
  'babble-20': babbleSpec(-20, 24),
  'callout-10': {
    seed: 25,
    agent: 'en-allison',
    caller: 'ru-voice',
    neighbours: ['it-carlo'],
    calloutDb: -10,
    description:
      'a neighbour calls out 10 dB under the agent, 1–2 s, three times during the caller’s turns',
  },
  'step-up-6': stepSpec(6, 26),
  'step-up-10': stepSpec(10, 27),
  'step-down-6': stepSpec(-6, 28),
  'step-down-10': stepSpec(-10, 29),
  'raised-12': {
    seed: 30,
    agent: 'it-carlo',
    caller: 'fr-june',
    agentDbfs: -30,
    raisedDb: 12,
    description:
      'the agent’s second reply 12 dB over their normal voice (after one sentence of it)',
  },
  'soft-6': softSpec(6, 34),
  'soft-10': softSpec(10, 35),
};

function softSpec(db: number, seed: number): ConditionSpec {
  return {
    seed,
    agent: 'en-allison',
    caller: 'ru-voice',
    raisedDb: -db,
    description: `the agent answers the caller's first pause ${db} dB under their normal voice (as "speak softly" asks)`,
  };
}

function echoSpecs(): Record<'echo-20' | 'echo-30' | 'echo-40', ConditionSpec> {
  const spec = (db: number, seed: number, delaySec: number): ConditionSpec => ({
    seed,
    agent: 'en-allison',
    caller: 'it-carlo',
    echo: { db, delaySec },
    description: `the agent’s voice back on the caller’s line ${-db} dB down, ${delaySec * 1000} ms late`,
  });
  return {
    'echo-20': spec(-20, 31, 0.18),
    'echo-30': spec(-30, 32, 0.45),
    'echo-40': spec(-40, 33, 0.18),
  };
}

function agcSpec(maxDb: number, seed: number): ConditionSpec {
  return {
    seed,
    agent: 'it-carlo',
    caller: 'en-allison',
    neighbours: ['ru-voice', 'fr-june', 'en-male', 'en-librivox'],
    babbleDb: -30,
    agc: { maxDb },
    description: `an AGC headset: gain up to +${maxDb} dB in the agent’s silences, neighbours 30 dB under the agent`,
  };
}

function babbleSpec(babbleDb: number, seed: number): ConditionSpec {
  return {
    seed,
    agent: 'en-allison',
    caller: 'ru-voice',
    neighbours: ['it-carlo', 'en-male', 'fr-june', 'en-librivox'],
    babbleDb,
    description: `four neighbours ${-babbleDb} dB under the agent`,
  };
}

function stepSpec(db: number, seed: number): ConditionSpec {
  return {
    seed,
    agent: 'en-allison',
    caller: 'fr-june',
    lineStepDb: db,
    description: `a calm caller whose line level (voice and room) steps ${db > 0 ? '+' : ''}${db} dB mid-call`,
  };
}

const AGENT_NOISE_DBFS = -65;
const LINE_NOISE_DBFS = -62;
const CALLER_DBFS = -24;
const HEATED_DB = 10;

/** Builds (or finds cached) the call for `condition`. */
export function floorCall(condition: FloorCondition): FloorCall {
  const spec = SPECS[condition];
  const plan = planCall(spec);
  const wav = cachedFixture({ kind: 'floor-call', condition, spec, v: 4 }, (out) =>
    renderCall(spec, plan, out),
  );
  return { condition, wav, ...plan.public, description: spec.description };
}

// ------------------------------------------------------------------------------------------- script

interface Placed {
  clip: Clip;
  at: number;
  gainDb: number;
}

interface Plan {
  agent: Placed[];
  caller: Placed[];
  callouts: number[];
  lineStepAt: number;
  public: Omit<FloorCall, 'condition' | 'wav' | 'description'>;
}

/** The same dialogue shape for every condition: only voices, levels and impairments change. */
function planCall(spec: ConditionSpec): Plan {
  const sr = FLOOR_SAMPLE_RATE;
  const rnd = seededRandom(spec.seed);
  const agentClips = speakerClips(spec.agent, sr, 1.0, 2.6);
  const callerClips = speakerClips(spec.caller, sr, 1.2, 3.2);
  const shortClips = speakerClips(spec.agent, sr, 0.3, 1.2);
  let ai = Math.floor(rnd() * 5);
  let ci = Math.floor(rnd() * 5);
  const nextAgent = (): Clip => agentClips[ai++ % agentClips.length];
  const nextCaller = (): Clip => callerClips[ci++ % callerClips.length];
  const agentDb = spec.agentDbfs ?? -26;

  const agent: Placed[] = [];
  const caller: Placed[] = [];
  const pauses: number[] = [];
  const interruptions: { start: number; by: Party }[] = [];
  const backchannels: Interval[] = [];
  const heatedTurns: Interval[] = [];
  const mutes: Interval[] = [];
  const loudReplies: Interval[] = [];
  /** Where a neighbour calls out (s, the start of their sentence). */
  const callouts: number[] = [];

  const first = (p: Placed): number => p.at + p.clip.speech[0][0];
  const last = (p: Placed): number => p.at + p.clip.speech[p.clip.speech.length - 1][1];
  /** Places clips one after another (gap between speech ends and starts); returns the placed clips. */
  const turn = (
    list: Placed[],
    next: () => Clip,
    speechStart: number,
    count: number,
    gainDb: number,
  ): Placed[] => {
    const out: Placed[] = [];
    let t = speechStart;
    for (let k = 0; k < count; k++) {
      const clip = next();
      const p = { clip, at: t - clip.speech[0][0], gainDb };
      out.push(p);
      list.push(p);
      t = last(p) + 0.2 + rnd() * 0.15;
    }
    return out;
  };
  const agentTurn = (start: number, count: number, extraDb = 0): Placed[] =>
    turn(agent, nextAgent, start, count, agentDb + extraDb);
  const callerTurn = (start: number, count: number, heated = false): Placed[] => {
    const placed = turn(caller, nextCaller, start, count, CALLER_DBFS + (heated ? HEATED_DB : 0));
    if (heated) heatedTurns.push([first(placed[0]), last(placed[placed.length - 1])]);
    return placed;
  };
  /** A backchannel: the first 0.25 s of a short agent clip, faded out, inside the caller's clip `p`. */
  const backchannel = (p: Placed): void => {
    const src = shortClips[Math.floor(rnd() * shortClips.length)];
    const clip = truncateClip(src, 0.25);
    const at = p.at + p.clip.speech[0][0] + 0.4;
    agent.push({ clip, at: at - clip.speech[0][0], gainDb: agentDb });
    backchannels.push([at, at + clip.speechSec]);
  };
  const endOf = (placed: Placed[]): number => last(placed[placed.length - 1]);

  const startAt = spec.muted ? 1.2 : 0.8;
  if (spec.muted) mutes.push([0, 0.8]);
  const a1 = agentTurn(startAt, 1);
  const c1 = callerTurn(endOf(a1) + 0.5, 3);
  backchannel(c1[1]);
  pauses.push(endOf(c1));
  const a2 = agentTurn(endOf(c1) + 1.6, 2, spec.raisedDb ?? 0);
  if (spec.raisedDb && spec.raisedDb > 0) loudReplies.push([first(a2[0]), endOf(a2)]);
  const c2 = callerTurn(endOf(a2) + 0.45, 4, spec.heated);
  // The agent interrupts the caller mid-sentence (the caller goes on).
  const cut = c2[1].at + c2[1].clip.speech[0][0] + 0.6;
  const ai2 = agentTurn(cut, 1);
  interruptions.push({ start: first(ai2[0]), by: 'agent' });
  const c2End = Math.max(endOf(c2), endOf(ai2));
  pauses.push(c2End);
  const a3 = agentTurn(c2End + 1.8, 2);
  const lineStepAt = first(a3[0]);
  // The caller breaks into the agent's second sentence.
  const c3 = callerTurn(first(a3[1]) + 0.5, 3);
  interruptions.push({ start: first(c3[0]), by: 'caller' });
  const c3End = Math.max(endOf(c3), endOf(a3));
  pauses.push(c3End);
  const a4 = agentTurn(c3End + 1.7, 1);
  const c4 = callerTurn(endOf(a4) + 0.5, 3, spec.heated);
  if (spec.muted) mutes.push([first(c4[0]) - 0.3, first(c4[0]) + 3.7]);
  backchannel(c4[2]);
  pauses.push(endOf(c4));
  const a5 = agentTurn(endOf(c4) + 2.0, 2);
  // A neighbour's outbursts start 0.8 s into caller turns 1, 3 and 4 (the agent silent then).
  for (const c of [c1[0], c3[1], c4[1]]) callouts.push(first(c) + 0.8);
  const durationSec = Math.ceil((endOf(a5) + 1.5) * 10) / 10;

  const truthOf = (list: Placed[]): Interval[] =>
    mergeIntervals(
      list.flatMap((p) => p.clip.speech.map(([a, b]): Interval => [p.at + a, p.at + b])),
    );
  return {
    agent,
    caller,
    callouts,
    lineStepAt,
    public: {
      durationSec,
      truth: { caller: truthOf(caller), agent: truthOf(agent) },
      pauses,
      interruptions,
      backchannels,
      heatedTurns,
      mutes,
      loudReplies,
    },
  };
}

function truncateClip(c: Clip, speechSec: number): Clip {
  const sr = FLOOR_SAMPLE_RATE;
  const start = Math.round(c.speech[0][0] * sr);
  const samples = c.samples.slice(start, start + Math.round(speechSec * sr));
  const fade = Math.round(0.01 * sr);
  for (let i = 0; i < fade; i++) {
    samples[i] *= i / fade;
    samples[samples.length - 1 - i] *= i / fade;
  }
  return {
    samples,
    speech: [[0, speechSec]],
    speechSec,
    source: `${c.source} (first ${speechSec} s)`,
  };
}

function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const l = out[out.length - 1];
    if (l && a <= l[1] + 0.15) l[1] = Math.max(l[1], b);
    else out.push([a, b]);
  }
  return out;
}

// ------------------------------------------------------------------------------------------- render

function renderCall(spec: ConditionSpec, plan: Plan, out: string): void {
  const sr = FLOOR_SAMPLE_RATE;
  const dur = plan.public.durationSec;
  const n = Math.round(dur * sr);
  const agentCh = noise(out, 'agent', dur, 'pinknoise', AGENT_NOISE_DBFS);
  for (const p of plan.agent)
    mixInto(agentCh, p.clip.samples, Math.round(p.at * sr), dbToGain(p.gainDb));
  let callerAcoustic: Float32Array = new Float32Array(n);
  for (const p of plan.caller)
    mixInto(callerAcoustic, p.clip.samples, Math.round(p.at * sr), dbToGain(p.gainDb));
  if (spec.lineStepDb !== undefined) {
    // The caller's room (heard by their phone, so it steps with their voice), then the step.
    mixInto(callerAcoustic, noise(out, 'room', dur, 'pinknoise', CALLER_DBFS - 30), 0);
    const g = dbToGain(spec.lineStepDb);
    for (let i = Math.round(plan.lineStepAt * sr); i < n; i++) callerAcoustic[i] *= g;
  }
  // The far end's echo canceller lets the agent's channel back, late and attenuated, into the caller's line.
  if (spec.echo)
    mixInto(callerAcoustic, agentCh, Math.round(spec.echo.delaySec * sr), dbToGain(spec.echo.db));
  if (spec.street) {
    // Street: noise 15 dB under the caller's speech; a bus (+12 dB, below 250 Hz) fading in 3 s, 5 s loud, out 3 s.
    mixInto(callerAcoustic, noise(out, 'street', dur, 'pinknoise', CALLER_DBFS - 15), 0);
    const busAt = plan.public.pauses[1] - 5.5;
    const bus = noise(out, 'bus', 11, 'brownnoise', CALLER_DBFS - 15 + 12, [
      'lowpass',
      '250',
      'fade',
      't',
      '3',
      '11',
      '3',
    ]);
    mixInto(callerAcoustic, bus, Math.round(busAt * sr));
  }
  callerAcoustic = phoneLine(out, callerAcoustic);
  mixInto(
    callerAcoustic,
    noise(out, 'line', dur, 'pinknoise', LINE_NOISE_DBFS, ['sinc', '300-3400']),
    0,
  );
  const callerCh = callerAcoustic;

  if (spec.neighbours && spec.babbleDb !== undefined) {
    const babble = babbleTrack(spec, n, plan.public.durationSec);
    mixInto(agentCh, babble, 0, dbToGain((spec.agentDbfs ?? -26) + spec.babbleDb));
  }
  if (spec.calloutDb !== undefined) {
    const clips = speakerClips(spec.neighbours![0], sr, 1, 2);
    plan.callouts.forEach((t, k) => {
      const c = clips[(spec.seed + k * 3) % clips.length];
      mixInto(
        agentCh,
        c.samples,
        Math.round((t - c.speech[0][0]) * sr),
        dbToGain((spec.agentDbfs ?? -26) + spec.calloutDb!),
      );
    });
  }
  if (spec.agc) applyAgc(agentCh, plan.public.truth.agent, spec.agc.maxDb);
  if (spec.leak)
    mixInto(agentCh, callerCh, Math.round(spec.leak.delaySec * sr), dbToGain(spec.leak.db));
  for (const [a, b] of plan.public.mutes)
    agentCh.fill(0, Math.round(a * sr), Math.min(n, Math.round(b * sr)));

  for (const [name, ch] of [
    ['agent', agentCh],
    ['caller', callerCh],
  ] as const) {
    let peak = 0;
    for (let i = 0; i < ch.length; i++) peak = Math.max(peak, Math.abs(ch[i]));
    if (peak >= 1)
      throw new Error(`floor call: the ${name} channel clips (peak ${peak.toFixed(2)})`);
  }
  writeWavFile(out, [agentCh, callerCh.subarray(0, n)], sr, 16);
}

/**
 * An automatic gain control on the agent's mic, by construction from where they speak: 0 dB while they
 * speak (reached 30 ms before their first word, as a look-ahead limiter would), rising 6 dB/s from 0.3 s
 * after they stop, up to `maxDb` — what the room (and the headset's noise) sounds like in their silences.
 */
function applyAgc(x: Float32Array, speech: Interval[], maxDb: number): void {
  const sr = FLOOR_SAMPLE_RATE;
  const RISE_DB_PER_SEC = 6;
  const LOOKAHEAD_SEC = 0.03;
  let k = 0;
  let lastEnd = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const t = i / sr;
    while (k < speech.length && speech[k][1] <= t) lastEnd = speech[k++][1];
    let db: number;
    if (k < speech.length && t >= speech[k][0]) db = 0;
    else {
      db = Math.min(maxDb, Math.max(0, RISE_DB_PER_SEC * (t - lastEnd - 0.3)));
      if (k < speech.length && speech[k][0] - t < LOOKAHEAD_SEC)
        db *= (speech[k][0] - t) / LOOKAHEAD_SEC;
    }
    x[i] *= dbToGain(db);
  }
}

/** Noise from sox at an RMS level (dBFS), `seconds` long. */
function noise(
  out: string,
  tag: string,
  seconds: number,
  kind: 'pinknoise' | 'brownnoise',
  rmsDbfs: number,
  effects: string[] = [],
): Float32Array {
  const x = soxSynth(`${out}.${tag}.wav`, FLOOR_SAMPLE_RATE, seconds, [kind, ...effects], true);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  // The level is set on the loud part (a faded bus is measured where it is loudest).
  const active = effects.includes('fade') ? (s / x.length) * (11 / 5) : s / x.length;
  const g = dbToGain(rmsDbfs) / Math.sqrt(active);
  for (let i = 0; i < x.length; i++) x[i] *= g;
  return x;
}

/** The caller's side through a phone line: 300–3400 Hz, 8 kHz mu-law, back to the call's rate. */
export function phoneLine(out: string, x: Float32Array): Float32Array {
  const a = `${out}.line-in.wav`;
  const b = `${out}.line-8k.wav`;
  const c = `${out}.line-out.wav`;
  try {
    writeWavFile(a, [x], FLOOR_SAMPLE_RATE, 32);
    sox('-D', a, '-r', '8000', '-e', 'mu-law', '-b', '8', b, 'sinc', '300-3400');
    sox('-D', b, '-r', String(FLOOR_SAMPLE_RATE), '-e', 'floating-point', '-b', '32', c);
    const y = readWavFile(c).channels[0];
    const res = new Float32Array(x.length);
    res.set(y.subarray(0, x.length));
    return res;
  } finally {
    for (const f of [a, b, c]) rmSync(f, { force: true });
  }
}

/** Neighbours talking on their own calls: each speaks clip after clip with pauses; the sum at 0 dBFS RMS. */
function babbleTrack(spec: ConditionSpec, n: number, durationSec: number): Float32Array {
  const sr = FLOOR_SAMPLE_RATE;
  const rnd = seededRandom(spec.seed * 7919);
  const sum = new Float32Array(n);
  for (const speaker of spec.neighbours!) {
    const clips = speakerClips(speaker, sr, 0.8, 4);
    let t = rnd() * 1.5;
    let k = Math.floor(rnd() * clips.length);
    while (t < durationSec) {
      const c = clips[k++ % clips.length];
      mixInto(sum, c.samples, Math.round(t * sr), dbToGain(-3 + rnd() * 6));
      t += c.samples.length / sr + 0.2 + rnd() * 1.0;
    }
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += sum[i] * sum[i];
  const g = 1 / Math.sqrt(s / n);
  for (let i = 0; i < n; i++) sum[i] *= g;
  return sum;
}

// ------------------------------------------------------------------------------------------- scoring

/** The offline analysis of a floor call: what `npm run analyze -- FILE --agent left` prints. */
export function analyseFloorCall(wav: string): AnalysisReport {
  const { channels, sampleRate } = readWavFile(wav);
  return analyseDecodedCall(wav, channels, { sampleRate, agentChannel: 'left' });
}

export interface FloorScore {
  condition: FloorCondition;
  accuracy: { caller: number; agent: number };
  yourTurn: { precision: number; recall: number; cues: number; pauses: number };
  interruptionsFound: number;
  interruptions: number;
  /** Overtalk that matches no scripted interruption (backchannels included). */
  falseOvertalk: number;
  falseTooLoud: number;
  tooLoudHits: number;
  loudReplies: number;
  heatedHits: number;
  heatedTurns: number;
  falseHeated: number;
  talkSec: { caller: number; agent: number };
}

type Analysis = Pick<AnalysisReport, 'speech' | 'cues' | 'overtalk'>;

/** Scores an analysis (the analyser's document, or the live coach's converted) against the call's truth. */
export function scoreFloorCall(call: FloorCall, a: Analysis): FloorScore {
  const acc = (party: Party): number =>
    frameAccuracy(call.truth[party], a.speech[party], call.durationSec);
  const callerTruth = call.truth.caller;
  const silentFor = (t: number): number => {
    // How long the caller had been silent at t (0 while they speak).
    let lastEnd = 0;
    for (const [s, e] of callerTruth) {
      if (s <= t && t < e) return 0;
      if (e <= t) lastEnd = e;
    }
    return t - lastEnd;
  };
  const turns = a.cues.filter((c) => c.cue === 'your-turn');
  const rightTurns = turns.filter((c) => silentFor(c.start) >= 0.5);
  const foundPauses = call.pauses.filter((p) =>
    turns.some((c) => c.start >= p + 0.3 && c.start <= p + 1.3),
  );
  const matched = (o: { start: number; startedBy: Party }): boolean =>
    call.interruptions.some((i) => Math.abs(o.start - i.start) <= 0.35 && i.by === o.startedBy);
  const found = call.interruptions.filter((i) =>
    a.overtalk.some((o) => Math.abs(o.start - i.start) <= 0.35 && o.startedBy === i.by),
  );
  const heated = a.cues.filter((c) => c.cue === 'caller-heated');
  const tooLoud = a.cues.filter((c) => c.cue === 'too-loud');
  const inLoudReply = (t: number): boolean =>
    call.loudReplies.some(([s, e]) => t >= s && t <= e + FLOOR_BRIDGE_SEC);
  const inHeatedTurn = (t: number): boolean => call.heatedTurns.some(([s, e]) => t >= s && t <= e);
  const talk = (segs: [number, number][]): number => segs.reduce((n, [s, e]) => n + e - s, 0);
  return {
    condition: call.condition,
    accuracy: { caller: acc('caller'), agent: acc('agent') },
    yourTurn: {
      precision: turns.length ? rightTurns.length / turns.length : 1,
      recall: foundPauses.length / call.pauses.length,
      cues: turns.length,
      pauses: call.pauses.length,
    },
    interruptionsFound: found.length,
    interruptions: call.interruptions.length,
    falseOvertalk: a.overtalk.filter((o) => !matched(o)).length,
    falseTooLoud: tooLoud.filter((c) => !inLoudReply(c.start)).length,
    tooLoudHits: call.loudReplies.filter(([s, e]) =>
      tooLoud.some((c) => c.start >= s && c.start <= e),
    ).length,
    loudReplies: call.loudReplies.length,
    heatedHits: call.heatedTurns.filter(([s, e]) =>
      heated.some((c) => c.start >= s && c.start <= e),
    ).length,
    heatedTurns: call.heatedTurns.length,
    falseHeated: heated.filter((c) => !inHeatedTurn(c.start)).length,
    talkSec: { caller: talk(a.speech.caller), agent: talk(a.speech.agent) },
  };
}

/**
 * Share of 10 ms frames where "speaking" agrees with the truth; frames within 100 ms of a true onset and
 * the 350 ms after a true offset are not scored (a detector needs a moment to confirm and to let go).
 */
export function frameAccuracy(
  truth: Interval[],
  detected: [number, number][],
  durationSec: number,
): number {
  const frames = Math.floor(durationSec * 100);
  const inside = (list: [number, number][], t: number): boolean =>
    list.some(([s, e]) => t >= s && t < e);
  let scored = 0;
  let right = 0;
  for (let f = 0; f < frames; f++) {
    const t = (f + 0.5) / 100;
    if (truth.some(([s, e]) => Math.abs(t - s) < 0.1 || (t >= e && t < e + 0.35))) continue;
    scored++;
    if (inside(truth, t) === inside(detected, t)) right++;
  }
  return scored ? right / scored : 1;
}
