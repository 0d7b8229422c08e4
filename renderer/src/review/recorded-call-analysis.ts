/**
 * "Open a recorded call…": a recorded call (WAV in PCM, µ-law, A-law or GSM 6.10; MP3; Ogg Opus; FLAC —
 * engine/call-audio) read block by block (never held whole as floats), run through the same engine as
 * the live coach (CallAnalyser), with progress and cancellation. The reading is passed in
 * (a File's slices in the worker, a Buffer in tests), so this module runs anywhere.
 */
import {
  CallAnalyser,
  type AgentChannel,
  type AnalysisReport,
} from '../../engine/call-analysis-report';
import type { CueSettings } from '../../engine/cue-settings';
import { openCallAudio } from '../../engine/call-audio/open-call-audio';
import type { CallAudioProblem } from '../../engine/call-audio/call-audio-problem';
import type { WavRepair } from '../../engine/wav-header';

/** Reads bytes [start, end) of the file (fewer at its end). */
export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>;

export interface RecordedCallOptions {
  name: string;
  size: number;
  read: ReadBytes;
  agentChannel: AgentChannel;
  settings?: Partial<CueSettings>;
  /** Called after each block with the fraction of the file analysed (0…1). */
  onProgress?(fraction: number): void;
  /** Checked between blocks: true stops the analysis (it then rejects with a CancelledError). */
  cancelled?(): boolean;
  /** Each decoded block, in order, with the call's rate and format (the arrays are reused after the call). */
  onBlock?(block: Float32Array[], sampleRate: number, formatName: string): void;
  /** Frames per block of a WAV (default 2^16); for compressed files, a quarter of the bytes read at once. */
  blockFrames?: number;
  /**
   * Told, after the last block, that the file was cut short and read as far as it goes (the problem, for
   * the page to word); the report's note then leaves that English sentence out.
   */
  onCutShort?(problem: CallAudioProblem): void;
  /**
   * Told, after the last block, the WAV's repairs (a streamed size, a partial last frame) as data for the
   * page to word; the report's note then leaves their English sentences out.
   */
  onRepairs?(repairs: WavRepair[]): void;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Analyses the recording; the report includes the 100 ms loudness series for the review. */
export async function analyseRecordedCall(o: RecordedCallOptions): Promise<AnalysisReport> {
  // A file cut short is analysed as far as it goes, and the report's note says so.
  const call = await openCallAudio(
    { size: o.size, read: o.read },
    { refuseCutShort: false, blockFrames: o.blockFrames },
  );
  try {
    const analyser = new CallAnalyser({
      sampleRate: call.sampleRate,
      channelCount: call.channelCount,
      agentChannel: o.agentChannel,
      settings: o.settings,
      series: true,
    });
    for (;;) {
      if (o.cancelled?.()) throw new CancelledError();
      const block = await call.next();
      if (block === null) break;
      analyser.push(block, 0, block[0].length);
      o.onBlock?.(block, call.sampleRate, call.formatName);
      o.onProgress?.(call.fraction());
    }
    if (o.cancelled?.()) throw new CancelledError();
    const worded = new Set<string>();
    const cut = call.cutShort;
    if (cut && o.onCutShort) {
      o.onCutShort(cut.problem);
      worded.add(cut.note);
    }
    const repairs = call.repairs ?? [];
    if (repairs.length > 0 && o.onRepairs) {
      o.onRepairs(repairs.map((r) => r.repair));
      for (const r of repairs) worded.add(r.note);
    }
    return analyser.finish(
      o.name,
      call.notes.filter((note) => !worded.has(note)),
    );
  } finally {
    call.close();
  }
}
