/**
 * One recorded call from disk → its analysis document: what `analyze FILE` prints and what each batch
 * worker computes. The file is decoded and analysed block by block, so its length does not matter.
 */
import {
  CallAnalyser,
  type AgentChannel,
  type AnalysisReport,
} from '../../renderer/engine/call-analysis-report';
import { openCallAudioFile } from './call-audio-reader';

export interface AnalyseOptions {
  agentChannel: AgentChannel;
  agentNormalLufs: number | null;
  series: boolean;
}

/** Analyses the call at `filePath`; the document and error messages name it as `file`. */
export async function analyseCallFile(
  filePath: string,
  file: string,
  options: AnalyseOptions,
): Promise<AnalysisReport> {
  const call = await openCallAudioFile(filePath, file);
  try {
    const analyser = new CallAnalyser({
      sampleRate: call.sampleRate,
      channelCount: call.channelCount,
      agentChannel: options.agentChannel,
      agentNormalLufs: options.agentNormalLufs,
      series: options.series,
    });
    for (let block = await call.next(); block; block = await call.next())
      analyser.push(block, 0, block[0].length);
    return analyser.finish(file, call.notes);
  } finally {
    call.close();
  }
}
