/** Messages between the batch (analyze-batch.ts) and its worker threads (analyze-worker.ts). */
import type { AnalysisReport } from '../../../renderer/engine/call-analysis-report';
import type { AnalyseOptions } from '../call-file-analysis';

export interface AnalyzeJob {
  id: number;
  /** The call as the user named it (in the document and messages). */
  file: string;
  /** Absolute path. */
  path: string;
  options: AnalyseOptions;
}

export type AnalyzeJobResult =
  | { id: number; ok: true; report: AnalysisReport; heapUsedBytes: number }
  /** `unreadable`: the file is bad (named and skipped); otherwise an internal error. */
  | { id: number; ok: false; unreadable: boolean; message: string; heapUsedBytes: number };
