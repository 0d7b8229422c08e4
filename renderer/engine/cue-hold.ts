/**
 * Minimum hold for every cue: a cue switches on as soon as its rule wants it and switches off only once
 * it has been on for `minHoldSec`, so the banner never shows a cue for a blink. (Hysteresis on levels is
 * the rules' job; this is the time half of "never flicker".) Fixed memory, no allocation.
 */
import { CUE_KINDS, type CueKind } from './call-types';

export interface CueTransitionSink {
  cueStarted(cue: CueKind, time: number): void;
  cueEnded(cue: CueKind, start: number, time: number): void;
}

export class CueHold {
  private readonly on = new Uint8Array(CUE_KINDS.length);
  private readonly since = new Float64Array(CUE_KINDS.length);
  private bits = 0;

  /** Follows `desired` for cue number `index` (CUE_KINDS order) at time `t`. */
  update(
    index: number,
    desired: boolean,
    t: number,
    minHoldSec: number,
    sink: CueTransitionSink,
  ): void {
    if (this.on[index] === 0) {
      if (!desired) return;
      this.on[index] = 1;
      this.since[index] = t;
      this.bits |= 1 << index;
      sink.cueStarted(CUE_KINDS[index], t);
    } else if (!desired && t - this.since[index] >= minHoldSec - 1e-9) {
      this.end(index, t, sink);
    }
  }

  /** Ends every active cue at `t` (end of the call), whatever its hold. */
  endAll(t: number, sink: CueTransitionSink): void {
    for (let i = 0; i < CUE_KINDS.length; i++) if (this.on[i] === 1) this.end(i, t, sink);
  }

  isOn(index: number): boolean {
    return this.on[index] === 1;
  }

  get activeBits(): number {
    return this.bits;
  }

  private end(index: number, t: number, sink: CueTransitionSink): void {
    this.on[index] = 0;
    this.bits &= ~(1 << index);
    sink.cueEnded(CUE_KINDS[index], this.since[index], t);
  }
}
