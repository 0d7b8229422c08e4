import type { LiveSnapshot } from '../../../engine/call-types';

/**
 * Decides whether a live snapshot would change anything on screen, at the screen's own precision (meter
 * pixels, tenths of a LUFS in the readout, whole seconds in the timers). The worklet posts only then,
 * so silence costs the page nothing. No allocation: values live in one preallocated array.
 */
const FIELDS = 14;
const NONE = -1e9;

function q(value: number | null, step: number): number {
  return value === null ? NONE : Math.round(value / step);
}

export class DisplayChange {
  private readonly last = new Float64Array(FIELDS).fill(NaN);
  private readonly next = new Float64Array(FIELDS);

  /** True when `s` differs visibly from the last snapshot this returned true for. */
  changed(s: LiveSnapshot, inCall: boolean): boolean {
    const n = this.next;
    n[0] = inCall ? 1 : 0;
    n[1] = q(s.caller.fastLevelDb, 0.2);
    n[2] = q(s.agent.fastLevelDb, 0.2);
    n[3] = q(s.caller.momentaryLufs, 0.1);
    n[4] = q(s.agent.momentaryLufs, 0.1);
    n[5] = (s.caller.speaking ? 1 : 0) + (s.agent.speaking ? 2 : 0);
    n[6] = s.activeCueBits;
    n[7] = Math.floor(s.timeSec);
    n[8] = Math.floor(s.ventingSec);
    n[9] = q(s.talkRatio, 0.01);
    n[10] = s.overtalkCount;
    n[11] = q(s.agentNormalLufs, 0.1);
    n[12] = s.primaryCue === null ? -1 : s.primaryCue.length; // cue bits cover identity; this catches null ↔ cue
    n[13] = q(s.callerBaselineLufs, 0.5);
    let differs = false;
    for (let i = 0; i < FIELDS; i++) {
      if (n[i] !== this.last[i]) {
        differs = true;
        break;
      }
    }
    if (differs) this.last.set(n);
    return differs;
  }
}
