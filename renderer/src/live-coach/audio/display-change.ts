import type { LiveSnapshot } from '../../../engine/call-types';

/**
 * Decides whether a live snapshot would change anything on screen, at the screen's own precision (meter
 * tenths of a LU in the meters, whole seconds in the timers). The worklet posts only then,
 * so silence costs the page nothing. No allocation: values live in one preallocated array.
 */
const FIELDS = 14;
const CHANNEL_ORDER = { pending: 0, ok: 1, swapped: 2 } as const;
const NONE = -1e9;

function q(value: number | null, step: number): number {
  return value === null ? NONE : Math.round(value / step);
}

export class DisplayChange {
  private readonly last = new Float64Array(FIELDS).fill(NaN);
  private readonly next = new Float64Array(FIELDS);

  /**
   * 0: nothing visible changed; 1: something moved (a bar, a timer); 2: something appeared or went —
   * sound starting or stopping, a cue, the call itself — which the page should show at once.
   * Compared with the last snapshot this returned non-zero for.
   */
  changed(s: LiveSnapshot, inCall: boolean): 0 | 1 | 2 {
    const n = this.next;
    n[0] = inCall ? 1 : 0;
    n[1] = q(s.caller.momentaryLufs, 0.1);
    n[2] = q(s.agent.momentaryLufs, 0.1);
    n[3] =
      (s.caller.speaking ? 1 : 0) +
      (s.agent.speaking ? 2 : 0) +
      (s.caller.muted ? 4 : 0) +
      (s.agent.muted ? 8 : 0);
    n[4] = s.activeCueBits;
    n[5] = Math.floor(s.timeSec);
    n[6] = Math.floor(s.ventingSec);
    n[7] = q(s.talkRatio, 0.01);
    n[8] = s.overtalkCount;
    n[9] = q(s.agentNormalLufs, 0.1);
    // The banner's cue, by its name's length (distinct for every cue): the banner holds a state past the
    // cue bits (banner-hold.ts), so the bits alone do not say what it shows.
    n[10] = s.primaryCue === null ? -1 : s.primaryCue.length;
    n[11] = q(s.callerBaselineLufs, 0.5);
    n[12] = CHANNEL_ORDER[s.channelOrder];
    n[13] = s.holdSource === null ? 0 : s.holdSource === 'music' ? 2 : 1;
    let differs = false;
    for (let i = 0; i < FIELDS; i++) {
      if (n[i] !== this.last[i]) {
        differs = true;
        break;
      }
    }
    if (!differs) return 0;
    const l = this.last;
    const appeared = (i: number) => (n[i] === NONE) !== (l[i] === NONE);
    const urgent =
      n[0] !== l[0] ||
      appeared(1) ||
      appeared(2) ||
      n[3] !== l[3] ||
      n[4] !== l[4] ||
      n[10] !== l[10] ||
      n[12] !== l[12] ||
      n[13] !== l[13] ||
      n[8] !== l[8];
    this.last.set(n);
    return urgent ? 2 : 1;
  }
}

/**
 * The same decision for the meter worker's feed: momentary loudness of each side (to a tenth of a LU,
 * under a pixel) and the agent's normal voice (the band). 2 when sound starts or stops on a side.
 */
export class MeterChange {
  private caller = NaN;
  private agent = NaN;
  private normal = NaN;

  changed(s: LiveSnapshot): 0 | 1 | 2 {
    const caller = q(s.caller.momentaryLufs, 0.1);
    const agent = q(s.agent.momentaryLufs, 0.1);
    const normal = q(s.agentNormalLufs, 0.1);
    if (caller === this.caller && agent === this.agent && normal === this.normal) return 0;
    const urgent =
      (caller === NONE) !== (this.caller === NONE) || (agent === NONE) !== (this.agent === NONE);
    this.caller = caller;
    this.agent = agent;
    this.normal = normal;
    return urgent ? 2 : 1;
  }

  /** Forget what was sent: the next snapshot counts as new (a new feed). */
  reset(): void {
    this.caller = this.agent = this.normal = NaN;
  }
}

/**
 * When to post what DisplayChange or MeterChange reported: something that appeared or went (2) at once,
 * movement (1) at most every `minIntervalSec` — movement that had to wait goes at the first look after.
 */
export class PostPacer {
  private pending = false;
  private lastPostSec = -Infinity;

  constructor(private readonly minIntervalSec: number) {}

  /** Whether to post now, given the change seen at `nowSec`. */
  due(change: 0 | 1 | 2, nowSec: number): boolean {
    this.pending ||= change === 1;
    if (change !== 2 && !(this.pending && nowSec - this.lastPostSec >= this.minIntervalSec))
      return false;
    this.pending = false;
    this.lastPostSec = nowSec;
    return true;
  }
}
