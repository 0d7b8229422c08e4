/** Messages between the Practice screen (main thread) and its AudioWorklet. Only plain, cloneable shapes. */
import type { CallAnalysis, CueEvent, LiveSnapshot } from '../../../engine/call-types';
import type { CueSettings } from '../../../engine/cue-settings';
import type { PlayedTurn, PracticePhase } from '../../../engine/practice/practice-run';
import type { ScenarioTurn } from '../../../engine/practice/scenario-turns';

export const PRACTICE_PROCESSOR_NAME = 'calm-line-practice';

export interface PracticeProcessorOptions {
  settings: CueSettings;
  agentNormalLufs: number | null;
  /** Input channel carrying the agent's microphone. */
  agentChannel: 0 | 1;
  /** The scenario's caller (mono at its own rate; the buffer is transferred) and turns. */
  scenario: { sampleRate: number; audio: Float32Array; turns: ScenarioTurn[] };
}

export type ToPracticeWorklet = { type: 'stop' };

export type FromPracticeWorklet =
  /** What the live coach shows, at most 4 times a second and at once when the phase or a cue changes. */
  | { type: 'state'; snapshot: LiveSnapshot; phase: PracticePhase; turn: number }
  | { type: 'events'; events: CueEvent[] }
  /** The rehearsal is over (every turn answered, or stopped): the engine's analysis and the turns played. */
  | { type: 'finished'; analysis: CallAnalysis; played: PlayedTurn[] };
