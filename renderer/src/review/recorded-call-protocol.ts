/** Messages between the review and its analysis worker. */
import type { AgentChannel, AnalysisReport } from '../../engine/call-analysis-report';
import type { CueSettings } from '../../engine/cue-settings';
import type { CallAudioProblem } from '../../engine/call-audio/call-audio-problem';
import type { WavRepair } from '../../engine/wav-header';
import type { RecordedCallError } from './recorded-call-error';

export interface AnalyseRequest {
  type: 'analyse';
  file: File;
  agentChannel: AgentChannel;
  settings?: Partial<CueSettings>;
}

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  /** `playable`: a 16-bit PCM WAV of the call, when Chromium cannot play the file as it is (GSM 6.10). */
  /** `cutShort`: the file was cut short and analysed as far as it goes (worded by the page). */
  /** `repairs`: a WAV's streamed size or partial last frame, read anyway (worded by the page). */
  | {
      type: 'done';
      report: AnalysisReport;
      playable?: ArrayBuffer;
      cutShort?: CallAudioProblem;
      repairs?: WavRepair[];
    }
  | ({ type: 'error' } & RecordedCallError);
