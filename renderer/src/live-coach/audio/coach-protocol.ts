/** Messages between the live coach (main thread) and its AudioWorklet. Only plain, cloneable shapes. */
import type { CueSettings } from '../../../engine/cue-settings';
import type { CallAnalysis, CueEvent, LiveSnapshot } from '../../../engine/call-types';
import type { KernelKind } from '../../../engine/wasm/engine-kernels';
import type { ChannelVerdict } from './channel-identity';

export const COACH_PROCESSOR_NAME = 'calm-line-coach';

export interface CoachProcessorOptions {
  settings: CueSettings;
  agentNormalLufs: number | null;
  /** Input channel carrying the agent (the other carries the caller). */
  agentChannel: 0 | 1;
  /** Whether the two input channels come from one device that should be a true stereo split. */
  checkStereo: boolean;
}

export type ToWorklet =
  /** `preRollSec`: begin the call this far in the past (auto-start keeps the words that started it). */
  | {
      type: 'start-call';
      preRollSec: number;
      /** Also forward both channels (the opted-in recording). */ record?: boolean;
    }
  | { type: 'end-call' }
  /** The phone software put the call on hold (true) or resumed it (false): no cues while held. */
  | { type: 'hold'; held: boolean }
  /** New settings; `agentChannel` changed mid-call means the sides were swapped: checked again. */
  | {
      type: 'settings';
      settings: CueSettings;
      agentNormalLufs: number | null;
      agentChannel: 0 | 1;
    }
  /** The sources were replaced: whose voice is on which side is checked again (channel-order.ts). */
  | { type: 'recheck-channels' }
  /** The agent says the sides are right after all: their side's voice counts again. */
  | { type: 'confirm-channels' }
  | { type: 'calibrate'; on: boolean }
  /** Forget the voices' learned baselines (not a calibration) and learn them again. */
  | { type: 'relearn' }
  /** Where to post the meters' levels (the meter worker's feed; see meters/meter-protocol.ts). */
  | { type: 'meter-feed'; port: MessagePort };

export type FromWorklet =
  /** The latest live state when something shown changed; `inCall` says whether cues apply. */
  | { type: 'state'; snapshot: LiveSnapshot; inCall: boolean }
  /** Outside a call, the caller started speaking (for auto-start). */
  | { type: 'caller-speech' }
  | { type: 'events'; events: CueEvent[] }
  | { type: 'call-ended'; analysis: CallAnalysis }
  /** Calibration progress: `enough` once the agent's normal voice can be trusted. */
  | { type: 'calibration'; normalLufs: number | null; speechSec: number; enough: boolean }
  | { type: 'stereo'; verdict: ChannelVerdict }
  /** Once, at start: which loop runs the engine's per-sample filters here (stereo-filter-pass.ts). */
  | { type: 'engine'; filterKernel: KernelKind }
  /** A recorded call's audio, about every 0.5 s (buffers transferred); `frames` of them are filled. */
  | { type: 'audio'; caller: Float32Array; agent: Float32Array; frames: number };
