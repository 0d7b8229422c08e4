/**
 * An analysed recording → what the review shows, and (only when the agent asks) the call a wrap-up and a
 * session are made from. The session's times are when it is logged (now): its after-call work then counts
 * from the moment the agent chose to log it, not from the file's age.
 */
import type { AnalysisReport } from '../../engine/call-analysis-report';
import type { CallAnalysis, CallTimeline } from '../../engine/call-types';
import { callRecordFromAnalysis } from '../wrap-up/call-record';
import type { CallForWrapUp } from '../wrap-up/wrap-up-draft';
import type { ReviewInput } from './CallReview';

export function timelineOfReport(report: AnalysisReport): CallTimeline | null {
  return report.series
    ? { stepSec: report.series.stepSec, caller: report.series.caller, agent: report.series.agent }
    : null;
}

export function reviewInputOfReport(report: AnalysisReport, audioUrl: string | null): ReviewInput {
  return {
    durationSec: report.durationSec,
    timeline: timelineOfReport(report),
    overtalk: report.overtalk,
    cues: report.cues,
    holds: report.holds ?? [],
    audioUrl,
  };
}

/** The report as the engine's analysis shape (speech segments are not needed downstream). */
function analysisOfReport(report: AnalysisReport): CallAnalysis {
  return {
    sampleRate: report.sampleRate,
    durationSec: report.durationSec,
    speech: { caller: [], agent: [] },
    overtalk: report.overtalk,
    cues: report.cues,
    loudness: report.loudness,
    metrics: report.metrics,
    timeline: timelineOfReport(report),
    agentNormalLufs: null,
    holds: report.holds ?? [],
  };
}

export function callForWrapUpOfReport(report: AnalysisReport, now: Date): CallForWrapUp {
  const endedAt = now.toISOString();
  const startedAt = new Date(now.getTime() - report.durationSec * 1000).toISOString();
  return {
    id: crypto.randomUUID(),
    startedAt,
    endedAt,
    call: callRecordFromAnalysis(analysisOfReport(report), []),
    priorities: [],
  };
}
