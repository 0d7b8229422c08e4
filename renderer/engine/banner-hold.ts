/**
 * What the banner shows: the highest-priority active cue (PRIMARY_CUE_ORDER), or nothing ("listening") —
 * but never for less than `minHoldSec`. Each cue already stays on at least that long (cue-hold.ts), yet the
 * banner could still blink: a cue of lower priority shows for 50 ms between a higher one ending and the
 * next one starting (measured on an earpiece-leak call: "Wait for the pause" 50 ms between "You're talking
 * over" and "Your turn"). Here the banner keeps its state until it has shown it `minHoldSec`, then shows
 * whatever the rules want at that moment. Only a hold or the call's end clear it sooner.
 */
import type { CueKind } from './call-types';

export class BannerHold {
  private shown: CueKind | null = null;
  private since = 0;

  /** The rules want `desired` at `t`. */
  update(desired: CueKind | null, t: number, minHoldSec: number): void {
    if (desired !== this.shown && t - this.since >= minHoldSec - 1e-9) {
      this.shown = desired;
      this.since = t;
    }
  }

  /** A hold or the call's end at `t`: the banner clears now, whatever its hold. */
  clear(t: number): void {
    this.shown = null;
    this.since = t;
  }

  get cue(): CueKind | null {
    return this.shown;
  }
}
