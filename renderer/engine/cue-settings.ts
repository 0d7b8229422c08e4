/**
 * The thresholds behind the de-escalation cues. Every rule reads its numbers from here, the settings
 * screen edits them, and the main process validates stored values against CUE_SETTING_LIMITS.
 */
export interface CueSettings {
  /** Caller silence (s) after a caller turn before "your turn — speak softly" shows. */
  pauseSec: number;
  /** Agent speech overlapping the caller for less than this (s) is a backchannel ("mm-hm"), not talking over. */
  backchannelSec: number;
  /** Agent speech level above their normal voice by more than this (LU) is "too loud". */
  tooLoudMarginLu: number;
  /** Caller speech level above their own baseline for this call by more than this (LU) is "caller heated". */
  heatedMarginLu: number;
  /** Once shown, a cue stays at least this long (s), so the banner never flickers. */
  minHoldSec: number;
  /** A level cue switches off only when the level falls this far (LU) below its switch-on threshold. */
  hysteresisLu: number;
}

export const DEFAULT_CUE_SETTINGS: Readonly<CueSettings> = Object.freeze({
  pauseSec: 0.8,
  backchannelSec: 0.3,
  tooLoudMarginLu: 6,
  heatedMarginLu: 6,
  minHoldSec: 0.5,
  hysteresisLu: 2,
});

export const CUE_SETTING_LIMITS: Readonly<Record<keyof CueSettings, { min: number; max: number }>> = Object.freeze({
  pauseSec: { min: 0.2, max: 5 },
  backchannelSec: { min: 0.05, max: 2 },
  tooLoudMarginLu: { min: 1, max: 20 },
  heatedMarginLu: { min: 1, max: 20 },
  minHoldSec: { min: 0, max: 5 },
  hysteresisLu: { min: 0, max: 10 },
});
