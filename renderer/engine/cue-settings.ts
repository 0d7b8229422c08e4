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

/**
 * Defaults, and why (the README quotes this block):
 *   pauseSec 0.8        Gaps inside a speaker's turn (breaths, commas, between sentences) are mostly under
 *                       0.5 s, and turn-taking gaps in calm conversation cluster around 0.2–0.5 s; 0.8 s of
 *                       silence from an upset caller is a real pause, so "your turn" only appears once they
 *                       have actually stopped, yet early enough to answer before the silence feels cold.
 *   backchannelSec 0.3  "mm-hm", "right", "okay" last 0.2–0.4 s and tell the caller they are heard; only
 *                       overlap longer than that is talking over them.
 *   tooLoudMarginLu 6   Same speaker, same microphone: a raised voice is 6–10 LU above normal conversation;
 *                       normal variation between sentences stays within about ±3 LU. While the caller is
 *                       heated the rules halve this margin (matching their volume is what escalates).
 *   heatedMarginLu 6    The same reasoning for the caller against their own calm start of the call.
 *   minHoldSec 0.5      Long enough to read a two-word banner, short enough not to lag behind the call.
 *   hysteresisLu 2      Larger than the ±1–1.5 LU a speech-gated 1.5 s level wobbles on steady speech, so
 *                       a level hovering at a threshold does not toggle its cue.
 * The voice detector's own constants (onset 30 ms, hangover 300 ms, 5 dB over the tracked noise floor) are
 * in voice-activity.ts; the rules' constants (level windows, learning time) in cue-rules.ts.
 */
export const DEFAULT_CUE_SETTINGS: Readonly<CueSettings> = Object.freeze({
  pauseSec: 0.8,
  backchannelSec: 0.3,
  tooLoudMarginLu: 6,
  heatedMarginLu: 6,
  minHoldSec: 0.5,
  hysteresisLu: 2,
});

export const CUE_SETTING_LIMITS: Readonly<Record<keyof CueSettings, { min: number; max: number }>> =
  Object.freeze({
    pauseSec: { min: 0.2, max: 5 },
    backchannelSec: { min: 0.05, max: 2 },
    tooLoudMarginLu: { min: 1, max: 20 },
    heatedMarginLu: { min: 1, max: 20 },
    minHoldSec: { min: 0, max: 5 },
    hysteresisLu: { min: 0, max: 10 },
  });
