/**
 * A practice scenario's turns: the caller's side of a call cut where the caller really paused, by the
 * engine's own voice detector — the recording's caller channel runs through a CallEngine against a silent
 * agent, and its caller speech segments are joined into turns exactly as the call metrics join them
 * (call-metrics.ts, `callerTurns`: segments closer than the pause threshold are one turn). Nobody lists
 * segments by hand, so a scenario made from a recording pauses where the recorded caller paused.
 *
 * Each turn also carries how the rehearsal plays it: `gainDb` (a heated wave is the same words louder) and
 * `pace` (1 = as recorded, 1.15 = 15 % faster). The pause after a turn is where the agent was expected to
 * answer in the recording; in a rehearsal the next turn waits for the agent instead (practice-run.ts).
 */
import { CallEngine } from '../call-engine';
import { callerTurns } from '../call-metrics';
import { DEFAULT_CUE_SETTINGS } from '../cue-settings';

export interface ScenarioTurn {
  /** Where the caller's speech starts and ends in the scenario's audio (s). */
  start: number;
  end: number;
  /** The caller's silence after this turn in the recording (s): where the agent was expected to answer. */
  answerPauseSec: number;
  /** Played this many dB over the recording (a heated wave: +6 to +10). */
  gainDb: number;
  /** Played this much faster than recorded (1 = as recorded). */
  pace: number;
}

/** Bounds the decoder holds a turn's playing to (scenario-file.ts) and the screen offers. */
export const TURN_GAIN_LIMITS = { min: -20, max: 20 } as const;
export const TURN_PACE_LIMITS = { min: 0.5, max: 2 } as const;

export interface CutTurnsOptions {
  /** Silence (s) that ends a turn; default the cue settings' pause before "your turn" (0.8 s). */
  pauseSec?: number;
  /** Turns shorter than this (s) are dropped (a cough, a click); default 0.25 s. */
  minTurnSec?: number;
}

/** Runs the engine over the caller's channel (mono, `sampleRate`) and cuts it into turns. */
export function cutScenarioTurns(
  caller: Float32Array,
  sampleRate: number,
  options: CutTurnsOptions = {},
): ScenarioTurn[] {
  const pauseSec = options.pauseSec ?? DEFAULT_CUE_SETTINGS.pauseSec;
  const minTurnSec = options.minTurnSec ?? 0.25;
  const engine = new CallEngine({ sampleRate, holdMusic: false, settings: { pauseSec } });
  const block = 4096;
  const silent = new Float32Array(block);
  for (let pos = 0; pos < caller.length; pos += block) {
    const end = Math.min(caller.length, pos + block);
    engine.process(caller.subarray(pos, end), silent, 0, end - pos);
  }
  const analysis = engine.finish();
  const durationSec = caller.length / sampleRate;
  const turns = callerTurns(analysis.speech.caller, [], pauseSec).filter(
    (t) => t.end - t.start >= minTurnSec,
  );
  return turns.map((t, i) => ({
    start: t.start,
    end: t.end,
    answerPauseSec: (i + 1 < turns.length ? turns[i + 1].start : durationSec) - t.end,
    gainDb: 0,
    pace: 1,
  }));
}
