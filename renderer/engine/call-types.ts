/**
 * Plain shapes shared by the call engine, the live coach (through the AudioWorklet) and the offline
 * analyser. Times are seconds from the start of the call (the first sample given to the engine).
 * Levels are LUFS / dBFS; `null` means "nothing measurable" (silence below the absolute gate, or no
 * data yet) — never -Infinity, so every shape survives JSON and structured clone.
 */

import type { ChannelOrder } from './channel-order';

export type Party = 'caller' | 'agent';

/** The de-escalation cues, in banner priority order (see PRIMARY_CUE_ORDER in cue-rules.ts). */
export type CueKind =
  'wait-for-pause' | 'your-turn' | 'talking-over' | 'too-loud' | 'caller-heated';

/** Every cue, in a fixed order: bit i of `LiveSnapshot.activeCueBits` is CUE_KINDS[i]. */
export const CUE_KINDS: readonly CueKind[] = Object.freeze([
  'wait-for-pause',
  'your-turn',
  'talking-over',
  'too-loud',
  'caller-heated',
] as const);

export interface SpeechSegment {
  party: Party;
  start: number;
  end: number;
}

export interface OvertalkSegment {
  start: number;
  end: number;
  /** Who began speaking second, i.e. who started the overlap. */
  startedBy: Party;
}

export interface CueInterval {
  cue: CueKind;
  start: number;
  end: number;
}

/** What `CallEngine.takeEvents()` hands out, in time order of detection. */
export type CueEvent =
  | { type: 'cue-start'; cue: CueKind; time: number }
  | { type: 'cue-end'; cue: CueKind; start: number; time: number }
  | { type: 'speech'; party: Party; start: number; end: number }
  | { type: 'overtalk'; start: number; end: number; startedBy: Party };

/** Why the call is on hold: the phone software said so ('event'), or music was recognised on the caller's line. */
export type HoldSource = 'event' | 'music';

export interface HoldInterval {
  start: number;
  end: number;
  source: HoldSource;
}

export interface PartyLiveLevels {
  momentaryLufs: number | null;
  shortTermLufs: number | null;
  /** Fast (sub-block) level for a meter bar. */
  fastLevelDb: number | null;
  /** Highest sample peak so far in the call. */
  peakDbfs: number | null;
  /** Speech-gated level: K-weighted energy over this party's voiced frames in the last 1.5 s. */
  speechLufs: number | null;
  speaking: boolean;
  /** Digital silence for a while: the mic is muted or silent (a state to show, never a cue). */
  muted: boolean;
}

export interface LiveSnapshot {
  timeSec: number;
  caller: PartyLiveLevels;
  agent: PartyLiveLevels;
  /** One flag per cue (same information as activeCueBits). */
  cues: Record<CueKind, boolean>;
  /** Bit i set when CUE_KINDS[i] is active. */
  activeCueBits: number;
  /** The cue the banner shows, or null (nothing to say: "listening"). */
  primaryCue: CueKind | null;
  /** Length of the caller's current turn so far (s, its start to their latest voiced frame), 0 when the caller does not hold the floor. */
  ventingSec: number;
  /** The call is on hold: no cues, the venting timer stays where it was. */
  held: boolean;
  /** Why it is held (null when not): a hold event, or music on hold recognised from the sound. */
  holdSource: HoldSource | null;
  /** agentTalkSec / (agentTalkSec + callerTalkSec); null before anyone spoke. */
  talkRatio: number | null;
  callerTalkSec: number;
  agentTalkSec: number;
  overtalkCount: number;
  /** The agent's normal voice in use (calibrated or learned), null while still learning. */
  agentNormalLufs: number | null;
  /** The normal voice in use comes from the agent's calibration (else it was learned in this call). */
  agentNormalCalibrated: boolean;
  /** The caller's running baseline for this call, null while still learning. */
  callerBaselineLufs: number | null;
  /** Whose voice is on which side (channel-order.ts): 'swapped' = the caller is on the agent's side. */
  channelOrder: ChannelOrder;
}

export interface PartyLoudness {
  integratedLufs: number | null;
  maxMomentaryLufs: number | null;
  maxShortTermLufs: number | null;
  peakDbfs: number | null;
}

export type CueCounts = Record<CueKind, number>;

export interface CallMetrics {
  callerTalkSec: number;
  agentTalkSec: number;
  /** agentTalkSec / (agentTalkSec + callerTalkSec); null when nobody spoke. */
  talkRatio: number | null;
  overtalkCount: number;
  overtalkSec: number;
  longestCallerTurnSec: number;
  /** Median time from the end of a caller turn to the agent's next speech start; null if never answered. */
  medianResponseGapSec: number | null;
  /** From the caller first becoming heated until they first stayed calm for a while; null if never heated or never calmed. */
  timeToCalmSec: number | null;
  cueCounts: CueCounts;
}

export interface PartySeries {
  /** Value i is the level at time i * stepSec (value 0 is the empty start). null below the absolute gate. */
  momentary: (number | null)[];
  shortTerm: (number | null)[];
}

export interface CallTimeline {
  stepSec: number;
  caller: PartySeries;
  agent: PartySeries;
}

export interface CallAnalysis {
  sampleRate: number;
  durationSec: number;
  speech: { caller: SpeechSegment[]; agent: SpeechSegment[] };
  overtalk: OvertalkSegment[];
  cues: CueInterval[];
  loudness: { caller: PartyLoudness; agent: PartyLoudness };
  metrics: CallMetrics;
  /** Present when the engine was created with recordTimeline: true. */
  timeline: CallTimeline | null;
  /** The agent's normal voice used for "too loud" (calibrated or learned), null if never known. */
  agentNormalLufs: number | null;
  /** The call's holds (events and music recognised on the line); speech and cues inside them are cut. */
  holds: HoldInterval[];
}
