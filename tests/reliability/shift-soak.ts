/**
 * A whole shift through the live coach's worklet code, faster than real time: the real coach processor
 * (bundled from its source, or the built bundle) runs with what an AudioWorkletGlobalScope gives it
 * (AudioWorkletProcessor with a port, registerProcessor, sampleRate, currentTime), fed 128-frame quanta
 * of generated call audio. The page's side is played by the harness:
 * start-call / end-call with pauses between calls and a long break, every finished call's timeline and a
 * session saved through the real stores. At fixed points of audio time the heap (after gc()), open file
 * descriptors and active handles are sampled, so growth after warm-up shows up as numbers.
 *
 * Run in a child process with --expose-gc (shift-soak-child.ts); shared by the vitest test and the bench.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings';
import type { CallAnalysis } from '../../renderer/engine/call-types';
import { openSessionServices } from '../../main/host/session-services';
import { makeSession, seededUuid } from '../support/session-factory';
import { seededRandom } from '../support/test-audio';

export interface ShiftPlan {
  /** Audio time of the whole shift. */
  hours: number;
  sampleRate: number;
  seed: number;
  /** Calls last callMinutes[0]…[1]; pauses between them gapMinutes[0]…[1]. */
  callMinutes: [number, number];
  gapMinutes: [number, number];
  /** A break with the app open and idle, starting at this hour (null: none). */
  breakAtHour: number | null;
  breakMinutes: number;
  /** Heap and handles are sampled every this many minutes of audio. */
  sampleEveryMin: number;
  /** Save every call's session and timeline through the real stores (default true). */
  store?: boolean;
}

export type ShiftPhase = 'call' | 'pause' | 'break';

export interface SoakSample {
  audioMin: number;
  phase: ShiftPhase;
  /** process.memoryUsage() after two gc() (bytes). */
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Entries in /proc/self/fd. */
  fds: number;
  /** process.getActiveResourcesInfo(), counted by kind. */
  resources: Record<string, number>;
  calls: number;
}

export interface ShiftResult {
  samples: SoakSample[];
  calls: number;
  /** Calls whose analysis did not cover exactly the audio played during them, or could not be stored. */
  callProblems: string[];
  messages: Record<string, number>;
  wallSec: number;
}

export interface CallAudio {
  caller: Float32Array;
  agent: Float32Array;
}

interface Port {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}
interface Processor {
  port: Port;
  process(
    inputs: Float32Array[][],
    outputs?: Float32Array[][],
    parameters?: Record<string, Float32Array>,
  ): boolean;
}

/**
 * Loads a coach worklet bundle (a script that calls registerProcessor) and builds its processor. The scope's
 * globals are installed on this process's own global object (a vm context would route every global lookup,
 * Math included, through an interceptor and run the engine 20× slower): use it in a child process only.
 */
export function loadCoachProcessor(
  source: string,
  sampleRate: number,
  onPost: (message: unknown) => void,
): { processor: Processor; setTime(sec: number): void } {
  let now = 0;
  let registered: (new (options: unknown) => Processor) | undefined;
  class AudioWorkletProcessor {
    port: Port = { postMessage: (message) => onPost(message), onmessage: null };
  }
  const scope = globalThis as Record<string, unknown>;
  scope.AudioWorkletProcessor = AudioWorkletProcessor;
  scope.registerProcessor = (_name: string, ctor: new (options: unknown) => Processor) => {
    registered = ctor;
  };
  scope.sampleRate = sampleRate;
  Object.defineProperty(scope, 'currentTime', { get: () => now, configurable: true });
  vm.runInThisContext(source, { filename: 'coach-worklet.js' });
  if (!registered) throw new Error('The worklet bundle registered no processor.');
  const processor = new registered({
    processorOptions: {
      settings: DEFAULT_CUE_SETTINGS,
      agentNormalLufs: null,
      agentChannel: 0,
      checkStereo: true,
    },
  });
  return { processor, setTime: (sec) => (now = sec) };
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('Run with node --expose-gc.');
  collect();
  collect();
}

function sample(audioMin: number, phase: ShiftPhase, calls: number): SoakSample {
  gc();
  const m = process.memoryUsage();
  const resources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
  return {
    audioMin: Math.round(audioMin * 100) / 100,
    phase,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    fds: fs.readdirSync('/proc/self/fd').length,
    resources,
    calls,
  };
}

/**
 * Plays the shift. `audio` is looped (each call starts at a random place, at a random gain of ±6 dB);
 * pauses and the break are faint noise. `dataDir` receives the sessions and timelines.
 */
export function runShift(
  plan: ShiftPlan,
  workletSource: string,
  audio: CallAudio,
  dataDir: string,
  onSample?: (s: SoakSample) => void,
): ShiftResult {
  const started = process.hrtime.bigint();
  const sr = plan.sampleRate;
  const rnd = seededRandom(plan.seed);
  const messages: Record<string, number> = {};
  const ended: CallAnalysis[] = [];
  const { processor, setTime } = loadCoachProcessor(workletSource, sr, (message) => {
    const type = (message as { type: string }).type;
    messages[type] = (messages[type] ?? 0) + 1;
    if (type === 'call-ended') ended.push((message as { analysis: CallAnalysis }).analysis);
  });
  const send = (data: unknown) => processor.port.onmessage?.({ data });
  const shiftStartMs = Date.parse('2026-03-02T07:00:00Z');
  let done = 0;
  const services = openSessionServices({
    dataDir,
    now: () => new Date(shiftStartMs + (done / sr) * 1000),
  });

  const Q = 128;
  const agent = new Float32Array(Q);
  const caller = new Float32Array(Q);
  const inputs = [[agent, caller]];
  const outputs = [[new Float32Array(Q)]];
  const total = Math.round(plan.hours * 3600 * sr);
  const sampleEvery = Math.round(plan.sampleEveryMin * 60 * sr);
  const breakStart =
    plan.breakAtHour === null ? Infinity : Math.round(plan.breakAtHour * 3600 * sr);
  const breakEnd = breakStart + Math.round(plan.breakMinutes * 60 * sr);
  const samples: SoakSample[] = [];
  const callProblems: string[] = [];
  const uniform = (range: [number, number]) => range[0] + rnd() * (range[1] - range[0]);

  let nextSample = sampleEvery;
  let calls = 0;
  let phase: ShiftPhase = 'pause';
  let phaseEnd = Math.round(uniform(plan.gapMinutes) * 60 * sr);
  let readAt = 0;
  let gain = 1;
  let callStart = 0;
  const noise = seededRandom(plan.seed ^ 0x9e3779b9);

  const record = (s: SoakSample) => {
    samples.push(s);
    onSample?.(s);
  };
  record(sample(0, phase, 0));

  while (done < total) {
    // Phase changes happen between quanta, as messages from the page do.
    if (done >= breakStart && done < breakEnd && phase !== 'break') {
      if (phase === 'call') endCall();
      phase = 'break';
      phaseEnd = breakEnd;
    } else if (done >= phaseEnd) {
      if (phase === 'call') {
        endCall();
        phase = 'pause';
        phaseEnd = done + Math.round(uniform(plan.gapMinutes) * 60 * sr);
      } else {
        phase = 'call';
        callStart = done;
        phaseEnd = Math.min(
          done + Math.round(uniform(plan.callMinutes) * 60 * sr),
          breakStart > done ? breakStart : Infinity,
        );
        readAt = Math.floor(rnd() * audio.caller.length);
        gain = Math.pow(10, (rnd() * 12 - 6) / 20);
        send({ type: 'start-call', preRollSec: 0 });
      }
    }
    if (phase === 'call') {
      const n = audio.caller.length;
      for (let i = 0; i < Q; i++) {
        caller[i] = audio.caller[readAt] * gain;
        agent[i] = audio.agent[readAt] * gain;
        if (++readAt === n) readAt = 0;
      }
    } else {
      for (let i = 0; i < Q; i++) {
        caller[i] = (noise() - 0.5) * 0.002;
        agent[i] = (noise() - 0.5) * 0.002;
      }
    }
    processor.process(inputs, outputs, {});
    done += Q;
    setTime(done / sr);
    if (done >= nextSample) {
      nextSample += sampleEvery;
      record(sample(done / sr / 60, phase, calls));
    }
  }
  if (phase === 'call') endCall();

  function endCall(): void {
    send({ type: 'end-call' });
    const analysis = ended.shift();
    calls++;
    const playedSec = (done - callStart) / sr;
    if (!analysis) {
      callProblems.push(`call ${calls}: no analysis came back`);
      return;
    }
    if (Math.abs(analysis.durationSec - playedSec) > 0.011)
      callProblems.push(
        `call ${calls}: analysis covers ${analysis.durationSec} s of ${playedSec} s played`,
      );
    const points = analysis.timeline?.caller.momentary.length ?? 0;
    if (Math.abs(points - (Math.floor(playedSec * 10) + 1)) > 1)
      callProblems.push(`call ${calls}: ${points} timeline points for ${playedSec} s`);
    if (plan.store === false) return;
    try {
      const id = seededUuid(rnd);
      const startedMs = shiftStartMs + (callStart / sr) * 1000;
      const base = makeSession(rnd, calls, { seed: plan.seed });
      const at = (ms: number) => new Date(ms).toISOString();
      services.repository.save({
        ...base,
        id,
        startedAt: at(startedMs),
        endedAt: at(startedMs + playedSec * 1000),
        savedAt: at(startedMs + playedSec * 1000 + 30_000),
        hasTimeline: analysis.timeline !== undefined,
      });
      if (analysis.timeline) services.timelines.save(id, analysis.timeline);
    } catch (error) {
      callProblems.push(`call ${calls}: not stored: ${(error as Error).message}`);
    }
  }

  const stored = plan.store === false ? calls : services.repository.warmUp();
  if (stored !== calls) callProblems.push(`${stored} sessions stored for ${calls} calls`);
  return {
    samples,
    calls,
    callProblems,
    messages,
    wallSec: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

export interface SoakGrowth {
  /** Heap after gc() at the end of warm-up (bytes). */
  baselineHeap: number;
  /** Largest heap after gc() sampled after warm-up (bytes). */
  peakHeap: number;
  finalHeap: number;
  /** (peak − baseline) / baseline × 100. */
  heapGrowthPct: number;
  fdsBaseline: number;
  fdsPeak: number;
  resourcesBaseline: number;
  resourcesPeak: number;
}

/**
 * Growth after warm-up, between calls: the first sample at or after `warmUpMin` with no call in progress is
 * the baseline, and only such samples count (a call in progress legitimately holds its own timeline).
 */
export function soakGrowth(samples: readonly SoakSample[], warmUpMin: number): SoakGrowth {
  const after = samples.filter((s) => s.audioMin >= warmUpMin && s.phase !== 'call');
  if (after.length < 2)
    throw new Error(`Fewer than two samples between calls after ${warmUpMin} min of warm-up.`);
  const base = after[0];
  const count = (s: SoakSample) => Object.values(s.resources).reduce((a, b) => a + b, 0);
  const peakHeap = Math.max(...after.map((s) => s.heapUsed));
  return {
    baselineHeap: base.heapUsed,
    peakHeap,
    finalHeap: samples[samples.length - 1].heapUsed,
    heapGrowthPct: ((peakHeap - base.heapUsed) / base.heapUsed) * 100,
    fdsBaseline: base.fds,
    fdsPeak: Math.max(...after.map((s) => s.fds)),
    resourcesBaseline: count(base),
    resourcesPeak: Math.max(...after.map(count)),
  };
}

/** The coach worklet's source as one script: bundled from TypeScript now, or the built bundle from out/. */
export async function coachWorkletSource(projectRoot: string, built = false): Promise<string> {
  if (built) return (await import('./built-worklet')).builtCoachWorklet();
  const { buildSync } = await import('esbuild');
  const out = buildSync({
    entryPoints: [path.join(projectRoot, 'renderer/src/live-coach/audio/coach-worklet.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}
