/**
 * The live coach's analysis of a call → the `CallRecord` a session stores (what the engine measured,
 * without the speech segments and the timeline). Times are rounded to 1 ms and levels to 0.01 dB, and
 * anything the session schema would refuse (a negative time, a level outside its range, a NaN) is
 * clamped or dropped here, so a call always becomes a valid session.
 */
import type { CallAnalysis, PartyLoudness } from '../../engine/call-types';
import type { CallRecord } from '../../../preload/contract/session-schema';

const MAX_SEC = 7 * 24 * 3600;

function sec(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(MAX_SEC, Math.max(0, Math.round(value * 1000) / 1000));
}

function level(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(20, Math.max(-200, Math.round(value * 100) / 100));
}

function partyLoudness(p: PartyLoudness): PartyLoudness {
  return {
    integratedLufs: level(p.integratedLufs),
    maxMomentaryLufs: level(p.maxMomentaryLufs),
    maxShortTermLufs: level(p.maxShortTermLufs),
    peakDbfs: level(p.peakDbfs),
  };
}

/** The session's record of a call the engine analysed; `marks` are the moments the agent marked (s). */
export function callRecordFromAnalysis(
  analysis: CallAnalysis,
  marks: readonly number[],
): CallRecord {
  const m = analysis.metrics;
  return {
    durationSec: sec(analysis.durationSec),
    sampleRate: Math.min(192000, Math.max(8000, Math.round(analysis.sampleRate))),
    metrics: {
      callerTalkSec: sec(m.callerTalkSec),
      agentTalkSec: sec(m.agentTalkSec),
      talkRatio:
        m.talkRatio === null || !Number.isFinite(m.talkRatio)
          ? null
          : Math.min(1, Math.max(0, Math.round(m.talkRatio * 1000) / 1000)),
      overtalkCount: m.overtalkCount,
      overtalkSec: sec(m.overtalkSec),
      longestCallerTurnSec: sec(m.longestCallerTurnSec),
      medianResponseGapSec: m.medianResponseGapSec === null ? null : sec(m.medianResponseGapSec),
      timeToCalmSec: m.timeToCalmSec === null ? null : sec(m.timeToCalmSec),
      cueCounts: { ...m.cueCounts },
    },
    loudness: {
      caller: partyLoudness(analysis.loudness.caller),
      agent: partyLoudness(analysis.loudness.agent),
    },
    overtalk: analysis.overtalk.slice(0, 100_000).map((o) => ({
      start: sec(o.start),
      end: sec(Math.max(o.start, o.end)),
      startedBy: o.startedBy,
    })),
    cues: analysis.cues
      .slice(0, 100_000)
      .map((c) => ({ start: sec(c.start), end: sec(Math.max(c.start, c.end)), cue: c.cue })),
    marks: marks.slice(0, 10_000).map(sec),
    agentNormalLufs: level(analysis.agentNormalLufs),
  };
}
