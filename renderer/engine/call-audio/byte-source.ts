/**
 * Where a recorded call's bytes come from: a file on disk in the CLI, a File's slices in the renderer's
 * worker, a buffer in tests. The decoders only ask for ranges, so a file of any length streams.
 */
import type { CallAudioProblem } from './call-audio-problem';
import type { WavRepairNote } from '../wav-header';

export interface ByteSource {
  readonly size: number;
  /** Bytes [start, end) (fewer only at the end of the file). */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, Math.min(end, bytes.length)),
  };
}

/**
 * Thrown for a file that cannot be read as a call: `problem` says why in no language (the page and the
 * CLIs word it in the user's); the message is the same sentence in English, one a person can act on (no
 * file name), for logs.
 */
export class CallAudioError extends Error {
  constructor(
    readonly problem: CallAudioProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CallAudioError';
  }
}

/** What every reader of a recorded call gives: blocks of audio in order, one array per channel. */
/** A cut-short file read anyway: what was wrong (a problem code and values) and its English note. */
export interface CutShortNote {
  readonly problem: CallAudioProblem;
  readonly note: string;
}

export interface CallAudioStream {
  /** 'WAV (µ-law)', 'MP3', 'Ogg Opus', 'FLAC', … — for messages and reports. */
  readonly formatName: string;
  readonly sampleRate: number;
  readonly channelCount: 1 | 2;
  /** Repairs or facts worth telling the user (a streamed WAV size, a cut-short file read anyway). */
  readonly notes: string[];
  /**
   * A file cut short that was read anyway: the problem a refusing reader would have thrown (worded by
   * the page) and its English sentence among `notes`. Null for a whole file; for compressed files known
   * only once the last block was read.
   */
  readonly cutShort: CutShortNote | null;
  /** A WAV's other repairs (a streamed size, a partial last frame) as data, each with its note. */
  readonly repairs?: readonly WavRepairNote[];
  /**
   * The next block (all channels the same length, at least one frame), or null at the end. The arrays
   * may be reused by the following call: copy what you keep.
   */
  next(): Promise<Float32Array[] | null>;
  /** The fraction of the file read so far (0…1), for progress. */
  fraction(): number;
  /** Frees the decoder (safe to call twice). */
  close(): void;
}

export interface OpenCallAudioOptions {
  /**
   * A file cut short (a WAV whose data chunk declares more than is there, an Ogg stream without its
   * last page, a FLAC or MP3 shorter than its header says): true refuses it (the CLI: a partial
   * analysis must not pass for a whole one); false reads what is there and says so in `notes`.
   */
  refuseCutShort: boolean;
  /** Bytes read per block of compressed input (default 256 KiB) or frames per WAV block (default 2^16). */
  blockFrames?: number;
}
