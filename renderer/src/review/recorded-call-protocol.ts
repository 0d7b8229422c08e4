/** Messages between the review and its analysis worker. */
import type { AgentChannel, AnalysisReport } from '../../engine/call-analysis-report';
import type { CueSettings } from '../../engine/cue-settings';

export interface AnalyseRequest {
  type: 'analyse';
  file: File;
  agentChannel: AgentChannel;
  settings?: Partial<CueSettings>;
}

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; report: AnalysisReport }
  | { type: 'error'; message: string };
