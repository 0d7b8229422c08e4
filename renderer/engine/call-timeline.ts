/**
 * The loudness timeline of a call for review and the analyser's --series: each party's momentary and
 * short-term loudness every 100 ms. Value i is the reading at time i × stepSec (value 0, before any audio,
 * is null); null wherever the meter is below the absolute gate. Appends to growing arrays (offline use;
 * the live worklet does not record one).
 */
import type { CallTimeline } from './call-types';
import type { LoudnessMeter } from './loudness-meter';

export const TIMELINE_STEP_SEC = 0.1;

export class TimelineRecorder {
  private readonly timeline: CallTimeline;
  private readonly sampleRate: number;
  private next = 1;

  constructor(sampleRate: number) {
    this.sampleRate = sampleRate;
    this.timeline = {
      stepSec: TIMELINE_STEP_SEC,
      caller: { momentary: [null], shortTerm: [null] },
      agent: { momentary: [null], shortTerm: [null] },
    };
  }

  /** Called after every frame: records a point for each 100 ms mark reached by `samplesDone`. */
  record(samplesDone: number, caller: LoudnessMeter, agent: LoudnessMeter): void {
    while (samplesDone >= Math.round(this.next * TIMELINE_STEP_SEC * this.sampleRate)) {
      const tl = this.timeline;
      tl.caller.momentary.push(caller.momentaryLufs());
      tl.caller.shortTerm.push(caller.shortTermLufs());
      tl.agent.momentary.push(agent.momentaryLufs());
      tl.agent.shortTerm.push(agent.shortTermLufs());
      this.next++;
    }
  }

  result(): CallTimeline {
    return this.timeline;
  }
}
