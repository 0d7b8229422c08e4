/**
 * The live coach's analysis of a call → the `CallRecord` a session stores (what the engine measured,
 * without the speech segments and the timeline), rounded and bounded by the engine's call summary
 * (renderer/engine/call-summary.ts) and cut to the schema's list limits, so a call always becomes a
 * valid session.
 */
import { roundLevel, roundSec, summariseCall } from '../../engine/call-summary';
import type { CallAnalysis } from '../../engine/call-types';
import type { CallRecord } from '../../../preload/contract/session-schema';

/** The session schema's limits on a call's lists. */
const MAX_INTERVALS = 100_000;
const MAX_MARKS = 10_000;
const MAX_HOLDS = 1000;

/** The session's record of a call the engine analysed; `marks` are the moments the agent marked (s). */
export function callRecordFromAnalysis(
  analysis: CallAnalysis,
  marks: readonly number[],
): CallRecord {
  const { durationSec, overtalk, cues, loudness, metrics } = summariseCall(analysis);
  const musicHolds = analysis.holds
    .filter((h) => h.source === 'music')
    .slice(0, MAX_HOLDS)
    .map((h) => ({ start: roundSec(h.start), end: roundSec(Math.max(h.start, h.end)) }));
  return {
    durationSec,
    sampleRate: Math.min(192000, Math.max(8000, Math.round(analysis.sampleRate))),
    metrics,
    loudness,
    overtalk: overtalk.slice(0, MAX_INTERVALS),
    cues: cues.slice(0, MAX_INTERVALS),
    marks: marks.slice(0, MAX_MARKS).map(roundSec),
    agentNormalLufs: roundLevel(analysis.agentNormalLufs),
    ...(musicHolds.length ? { musicHolds } : {}),
  };
}
