/**
 * Call metrics, from the speech segments, overtalk and cues of a call.
 *
 * Definitions (the README quotes these):
 *   talk time       sum of a party's speech segments (first to last voiced frame, gaps under the voice
 *                   detector's 300 ms hangover included).
 *   talk ratio      agentTalkSec / (agentTalkSec + callerTalkSec): 0.5 = equal share, below 0.5 = the agent
 *                   listened more. null when nobody spoke.
 *   overtalk        overlaps longer than `backchannelSec` (the talking-over cue's overlaps); count and total.
 *   caller turn     caller speech segments joined while the gaps between them are shorter than `pauseSec`
 *                   and the agent does not start speaking in the gap.
 *   response gap    from the end of a caller turn to the start of the agent's next speech, when the agent
 *                   speaks before the caller's next turn; the metric is the median over the call.
 *   time to calm    from the first moment the caller-heated cue came on until the caller's voice came back
 *                   near their baseline (the rules' calm start: their 1.5 s speech level under the cue's
 *                   switch-off point) for good enough: the cue went off and the caller then spoke for
 *                   CALM_CONFIRM_VOICED_SEC of voiced speech without it coming back (silence proves nothing).
 *                   null if never heated or never calmed.
 */
import {
  CUE_KINDS,
  type CallMetrics,
  type CueCounts,
  type CueInterval,
  type OvertalkSegment,
  type SpeechSegment,
} from './call-types';
import type { PartyFrame } from './cue-rules';

export const CALM_CONFIRM_VOICED_SEC = 2;

export interface CallMetricsInput {
  caller: readonly SpeechSegment[];
  agent: readonly SpeechSegment[];
  overtalk: readonly OvertalkSegment[];
  cues: readonly CueInterval[];
  pauseSec: number;
  timeToCalmSec: number | null;
}

export interface Turn {
  start: number;
  end: number;
}

export function callerTurns(
  caller: readonly SpeechSegment[],
  agent: readonly SpeechSegment[],
  pauseSec: number,
): Turn[] {
  const turns: Turn[] = [];
  let a = 0;
  for (const seg of caller) {
    const last = turns[turns.length - 1];
    if (last) {
      while (a < agent.length && agent[a].start < last.end) a++;
      const agentInGap = a < agent.length && agent[a].start < seg.start;
      if (seg.start - last.end < pauseSec && !agentInGap) {
        last.end = Math.max(last.end, seg.end);
        continue;
      }
    }
    turns.push({ start: seg.start, end: seg.end });
  }
  return turns;
}

export function responseGaps(turns: readonly Turn[], agent: readonly SpeechSegment[]): number[] {
  const gaps: number[] = [];
  let a = 0;
  for (let i = 0; i < turns.length; i++) {
    const end = turns[i].end;
    while (a < agent.length && agent[a].start < end) a++;
    if (a >= agent.length) break;
    const next = i + 1 < turns.length ? turns[i + 1].start : Infinity;
    if (agent[a].start < next) gaps.push(agent[a].start - end);
  }
  return gaps;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function emptyCueCounts(): CueCounts {
  const counts = {} as CueCounts;
  for (const cue of CUE_KINDS) counts[cue] = 0;
  return counts;
}

export function computeCallMetrics(input: CallMetricsInput): CallMetrics {
  const total = (segs: readonly { start: number; end: number }[]) =>
    segs.reduce((s, x) => s + (x.end - x.start), 0);
  const callerTalkSec = total(input.caller);
  const agentTalkSec = total(input.agent);
  const turns = callerTurns(input.caller, input.agent, input.pauseSec);
  const cueCounts = emptyCueCounts();
  for (const c of input.cues) cueCounts[c.cue]++;
  return {
    callerTalkSec,
    agentTalkSec,
    talkRatio:
      callerTalkSec + agentTalkSec > 0 ? agentTalkSec / (callerTalkSec + agentTalkSec) : null,
    overtalkCount: input.overtalk.length,
    overtalkSec: total(input.overtalk),
    longestCallerTurnSec: turns.reduce((m, t) => Math.max(m, t.end - t.start), 0),
    medianResponseGapSec: median(responseGaps(turns, input.agent)),
    timeToCalmSec: input.timeToCalmSec,
    cueCounts,
  };
}

/** Follows the caller-heated cue frame by frame to measure time to calm (definition above). */
export class CalmTracker {
  private firstHeated = -1;
  private calmAt = -1;
  private calmVoiced = 0;
  private result: number | null = null;

  /** `heated`: the cue is on; `calmStart`: the rules' latest calm start (s, -1 for none). */
  step(
    t: number,
    heated: boolean,
    calmStart: number,
    callerVoiced: boolean,
    frameSec: number,
  ): void {
    if (this.result !== null) return;
    if (heated) {
      if (this.firstHeated < 0) this.firstHeated = t;
      this.calmAt = -1;
      this.calmVoiced = 0;
    } else if (this.firstHeated >= 0) {
      if (this.calmAt < 0) this.calmAt = calmStart >= this.firstHeated ? calmStart : t;
      if (callerVoiced) this.calmVoiced += frameSec;
      if (this.calmVoiced >= CALM_CONFIRM_VOICED_SEC - 1e-9)
        this.result = this.calmAt - this.firstHeated;
    }
  }

  get timeToCalmSec(): number | null {
    return this.result;
  }
}

/** Running talk times for the live view (same definition as above). */
export class LiveTalkStats {
  callerTalkSec = 0;
  agentTalkSec = 0;
  private callerDone = 0;
  private agentDone = 0;

  step(caller: PartyFrame, agent: PartyFrame): void {
    if (caller.segmentEnded) this.callerDone += caller.lastVoicedEndSec - caller.segmentStartSec;
    if (agent.segmentEnded) this.agentDone += agent.lastVoicedEndSec - agent.segmentStartSec;
    this.callerTalkSec =
      this.callerDone + (caller.speaking ? caller.lastVoicedEndSec - caller.segmentStartSec : 0);
    this.agentTalkSec =
      this.agentDone + (agent.speaking ? agent.lastVoicedEndSec - agent.segmentStartSec : 0);
  }

  talkRatio(): number | null {
    const sum = this.callerTalkSec + this.agentTalkSec;
    return sum > 0 ? this.agentTalkSec / sum : null;
  }
}
