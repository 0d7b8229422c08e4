/**
 * What a call's analysis keeps once the call is over, rounded as it is stored and shown: times to 1 ms
 * (never negative, never past a week, 0 when not finite), levels to 0.01 dB (null when not finite, within
 * −200…+20), the talk ratio to 0.001. The analyser's document (call-analysis-report.ts) and the session's
 * call record (renderer/src/wrap-up/call-record.ts) are both made from it, so a recorded call and a live
 * call of the same sound store the same numbers.
 */
import type { CallAnalysis, CallMetrics, CueKind, Party, PartyLoudness } from './call-types';

const MAX_SEC = 7 * 24 * 3600;

export function roundSec(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(MAX_SEC, Math.max(0, Math.round(value * 1000) / 1000));
}

export function roundLevel(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(20, Math.max(-200, Math.round(value * 100) / 100));
}

function roundRatio(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
}

function partyLoudness(p: PartyLoudness): PartyLoudness {
  return {
    integratedLufs: roundLevel(p.integratedLufs),
    maxMomentaryLufs: roundLevel(p.maxMomentaryLufs),
    maxShortTermLufs: roundLevel(p.maxShortTermLufs),
    peakDbfs: roundLevel(p.peakDbfs),
  };
}

export interface CallSummary {
  durationSec: number;
  overtalk: { start: number; end: number; startedBy: Party }[];
  cues: { cue: CueKind; start: number; end: number }[];
  loudness: { caller: PartyLoudness; agent: PartyLoudness };
  metrics: CallMetrics;
}

export function summariseCall(a: CallAnalysis): CallSummary {
  const m = a.metrics;
  const nullableSec = (value: number | null) => (value === null ? null : roundSec(value));
  return {
    durationSec: roundSec(a.durationSec),
    overtalk: a.overtalk.map((o) => ({
      start: roundSec(o.start),
      end: roundSec(Math.max(o.start, o.end)),
      startedBy: o.startedBy,
    })),
    cues: a.cues.map((c) => ({
      cue: c.cue,
      start: roundSec(c.start),
      end: roundSec(Math.max(c.start, c.end)),
    })),
    loudness: { caller: partyLoudness(a.loudness.caller), agent: partyLoudness(a.loudness.agent) },
    metrics: {
      callerTalkSec: roundSec(m.callerTalkSec),
      agentTalkSec: roundSec(m.agentTalkSec),
      talkRatio: roundRatio(m.talkRatio),
      overtalkCount: m.overtalkCount,
      overtalkSec: roundSec(m.overtalkSec),
      longestCallerTurnSec: roundSec(m.longestCallerTurnSec),
      medianResponseGapSec: nullableSec(m.medianResponseGapSec),
      timeToCalmSec: nullableSec(m.timeToCalmSec),
      cueCounts: { ...m.cueCounts },
    },
  };
}
