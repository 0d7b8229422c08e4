/**
 * "Open a recorded call…": a WAV file read block by block (never held whole as floats), run through the
 * same engine as the live coach (CallAnalyser), with progress and cancellation. The reading is passed in
 * (a File's slices in the worker, a Buffer in tests), so this module runs anywhere.
 */
import {
  CallAnalyser,
  type AgentChannel,
  type AnalysisReport,
} from '../../engine/call-analysis-report';
import type { CueSettings } from '../../engine/cue-settings';
import {
  WavFormatError,
  decodePcmFrames,
  parseWavHeader,
  type WavHeader,
} from '../../engine/wav-codec';

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
  /** Frames per block (default 2^16). */
  blockFrames?: number;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

const HEADER_PREFIXES = [64 * 1024, 1024 * 1024, 16 * 1024 * 1024];

async function readHeader(o: RecordedCallOptions): Promise<WavHeader> {
  let lastError: unknown = null;
  for (const prefix of HEADER_PREFIXES) {
    const bytes = await o.read(0, Math.min(o.size, prefix));
    try {
      return parseWavHeader(bytes, { fileSize: o.size });
    } catch (error) {
      lastError = error;
      // Only a header that goes on past the prefix (a large metadata chunk first) is worth a longer read.
      const more =
        error instanceof WavFormatError &&
        /truncated|no data chunk|no fmt chunk/.test(error.message);
      if (!more || prefix >= o.size) throw error;
    }
  }
  throw lastError;
}

/** Analyses the recording; the report includes the 100 ms loudness series for the review. */
export async function analyseRecordedCall(o: RecordedCallOptions): Promise<AnalysisReport> {
  const header = await readHeader(o);
  const { format } = header;
  const analyser = new CallAnalyser({
    sampleRate: format.sampleRate,
    channelCount: format.channelCount,
    agentChannel: o.agentChannel,
    settings: o.settings,
    series: true,
  });
  const blockFrames = o.blockFrames ?? 1 << 16;
  const channels = Array.from({ length: format.channelCount }, () => new Float32Array(blockFrames));
  for (let frame = 0; frame < header.frameCount; frame += blockFrames) {
    if (o.cancelled?.()) throw new CancelledError();
    const frames = Math.min(blockFrames, header.frameCount - frame);
    const start = header.dataOffset + frame * format.blockAlign;
    const chunk = await o.read(start, start + frames * format.blockAlign);
    const got = decodePcmFrames(chunk, format, channels);
    if (got === 0) break;
    analyser.push(channels, 0, got);
    o.onProgress?.(Math.min(1, (frame + got) / header.frameCount));
    if (got < frames) break;
  }
  if (o.cancelled?.()) throw new CancelledError();
  return analyser.finish(o.name, header.warnings);
}
