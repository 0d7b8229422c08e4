/**
 * MP3, Ogg Opus and FLAC calls through the wasm-audio-decoders family (mpg123, libopus and libFLAC
 * compiled to WebAssembly; the same code in Node and in the renderer's worker), fed the file in order a
 * block at a time. Each decoder is loaded only when a file of its kind is opened.
 *
 * What is refused, in one sentence: frames the decoder could not decode (a damaged or hostile file),
 * more than two channels, a rate outside 8–96 kHz, a file with no audio; and a file cut short, when
 * the caller asks (`refuseCutShort`): a FLAC stream shorter than its STREAMINFO's sample count, an Ogg
 * stream without its end-of-stream page, an MP3 shorter than its Xing/Info header's frame count (an MP3
 * without that header carries no length, so a cut at a frame boundary cannot be told from an end).
 */
import { WAV_MAX_SAMPLE_RATE, WAV_MIN_SAMPLE_RATE } from '../wav-header';
import {
  CallAudioError,
  type ByteSource,
  type CallAudioStream,
  type CutShortNote,
  type OpenCallAudioOptions,
} from './byte-source';
import type { CallAudioContainer } from './call-audio-format';
import { callAudioProblem, type CallAudioProblem } from './call-audio-problem';
import { flacTotalSamples, mp3AnnouncedSamples, oggLastPage, opusPreSkip } from './stream-lengths';

interface Decoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string; frameNumber: number }[];
}

interface WasmDecoder {
  ready: Promise<void>;
  decode(bytes: Uint8Array): Decoded | Promise<Decoded>;
  flush?(): Promise<Decoded>;
  free(): void;
}

const NAMES = { mp3: 'MP3', 'ogg-opus': 'Ogg Opus', flac: 'FLAC' } as const;
const INPUT_BYTES = 256 * 1024;
const MP3_GAPLESS_SLACK = 4608;
/** Opus: decoded audio may fall short of the last page's granule by less than this (0.1 s at 48 kHz). */
const OPUS_GRANULE_SLACK = 4800;

type Console = Record<'error' | 'warn' | 'log', (...args: unknown[]) => void>;

/**
 * Runs a decoder call with the console muted: the decoders print each error as well as returning it
 * (mpg123 also prints notices), and a refused file must come out as one sentence, not a log — nor
 * text mixed into the CLI's JSON on stdout.
 */
async function quietly<T>(call: () => T | Promise<T>): Promise<T> {
  const console = (globalThis as unknown as { console: Console }).console;
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => {};
  try {
    return await call();
  } finally {
    console.error = error;
    console.warn = warn;
    console.log = log;
  }
}

async function createDecoder(kind: Exclude<CallAudioContainer, 'wav'>): Promise<WasmDecoder> {
  if (kind === 'mp3') {
    const { MPEGDecoder } = await import('mpg123-decoder');
    return new MPEGDecoder();
  }
  if (kind === 'ogg-opus') {
    const { OggOpusDecoder } = await import('ogg-opus-decoder');
    return new OggOpusDecoder();
  }
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  return new FLACDecoder();
}

export async function openCompressedStream(
  source: ByteSource,
  kind: Exclude<CallAudioContainer, 'wav'>,
  options: OpenCallAudioOptions,
): Promise<CallAudioStream> {
  const name = NAMES[kind];
  const head = await source.read(0, Math.min(source.size, 64 * 1024));
  // What the file says its length is, to tell a cut-short file from a whole one.
  const expected =
    kind === 'flac' ? flacTotalSamples(head) : kind === 'mp3' ? mp3AnnouncedSamples(head) : null;
  const decoder = await createDecoder(kind);
  let freed = false;
  const free = (): void => {
    if (freed) return;
    freed = true;
    try {
      decoder.free();
    } catch {
      // A decoder that trapped may not free cleanly; its memory goes with it.
    }
  };
  try {
    await quietly(() => decoder.ready);
  } catch (error) {
    free();
    throw error;
  }
  const inputBytes = Math.max(4096, options.blockFrames ? options.blockFrames * 4 : INPUT_BYTES);
  let offset = 0;
  let flushed = false;
  let sampleRate = 0;
  let channelCount = 0;
  let decodedFrames = 0;

  const check = (d: Decoded): Float32Array[] | null => {
    if (d.errors.length > 0) {
      const e = d.errors[0];
      const detail = e.message.replace(/[.\s]+$/, '');
      throw new CallAudioError(
        callAudioProblem('stream-damaged-frames', {
          format: name,
          count: d.errors.length,
          frame: e.frameNumber,
          detail,
        }),
        `The ${name} stream is damaged: ${d.errors.length} frame(s) could not be decoded, the first at frame ${e.frameNumber} (${detail}).`,
      );
    }
    if (d.samplesDecoded === 0) return null;
    const channels = d.channelData.length;
    if (sampleRate === 0) {
      if (channels < 1 || channels > 2)
        throw new CallAudioError(
          callAudioProblem('stream-channels', { format: name, channels }),
          `The ${name} file has ${channels} channels; only mono and stereo calls are supported.`,
        );
      if (d.sampleRate < WAV_MIN_SAMPLE_RATE || d.sampleRate > WAV_MAX_SAMPLE_RATE)
        throw new CallAudioError(
          callAudioProblem('sample-rate', {
            rate: d.sampleRate,
            min: WAV_MIN_SAMPLE_RATE,
            max: WAV_MAX_SAMPLE_RATE,
          }),
          `Unsupported sample rate: ${d.sampleRate} Hz (supported: ${WAV_MIN_SAMPLE_RATE}–${WAV_MAX_SAMPLE_RATE} Hz).`,
        );
      sampleRate = d.sampleRate;
      channelCount = channels;
    } else if (d.sampleRate !== sampleRate || channels !== channelCount) {
      throw new CallAudioError(
        callAudioProblem('stream-format-change', {
          format: name,
          rate: sampleRate,
          channels: channelCount,
          newRate: d.sampleRate,
          newChannels: channels,
        }),
        `The ${name} file changes format mid-stream (${sampleRate} Hz × ${channelCount} → ${d.sampleRate} Hz × ${channels}), which is not supported.`,
      );
    }
    decodedFrames += d.samplesDecoded;
    return d.channelData.map((c) => c.subarray(0, d.samplesDecoded));
  };

  const notes: string[] = [];
  let readAnyway: CutShortNote | null = null;
  const endChecks = async (): Promise<void> => {
    let cut: string | null = null;
    let problem: CallAudioProblem | null = null;
    const cutShort = (how: string, announced: number, decoded: number) =>
      callAudioProblem('stream-cut', { format: name, cut: how, expected: announced, decoded });
    if (kind === 'flac' && expected !== null && expected > 0 && decodedFrames < expected) {
      cut = `its header says ${expected} samples but only ${decodedFrames} could be decoded`;
      problem = cutShort('flacSamples', expected, decodedFrames);
    }
    // (The announced count includes the encoder's delay and padding, which gapless decoding drops:
    // at most about 3,000 samples.)
    if (kind === 'mp3' && expected !== null && decodedFrames < expected - MP3_GAPLESS_SLACK) {
      cut = `its header announces about ${expected} samples but only ${decodedFrames} could be decoded`;
      problem = cutShort('mp3Samples', expected, decodedFrames);
    }
    if (kind === 'ogg-opus') {
      const tail = await source.read(Math.max(0, source.size - 70 * 1024), source.size);
      const last = oggLastPage(tail);
      const announced = last ? last.granule - opusPreSkip(head) : 0;
      const seconds = (samples: number) => Math.round(samples / 4800) / 10;
      if (!last?.endOfStream) {
        cut = 'its last page (marked end of stream) is missing';
        problem = cutShort('oggNoEnd', 0, 0);
      } else if (decodedFrames < announced - OPUS_GRANULE_SLACK) {
        cut = `its pages announce ${(announced / 48000).toFixed(1)} s of audio but only ${(decodedFrames / 48000).toFixed(1)} s could be decoded`;
        problem = cutShort('oggSeconds', seconds(announced), seconds(decodedFrames));
      }
    }
    if (cut === null || problem === null) return;
    if (options.refuseCutShort)
      throw new CallAudioError(problem, `The ${name} file is truncated or damaged: ${cut}.`);
    const note = `The ${name} file is cut short or damaged (${cut}); the audio decoded was used.`;
    notes.push(note);
    readAnyway = { problem, note };
  };

  /** A decoder that traps (a WebAssembly fault on hostile input) is a damaged file, said in one sentence. */
  const run = async (call: () => Decoded | Promise<Decoded>): Promise<Decoded> => {
    try {
      return await quietly(call);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const detail = message.replace(/[.\s]+$/, '');
      throw new CallAudioError(
        callAudioProblem('stream-decoder-stopped', { format: name, detail }),
        `The ${name} stream is damaged: its decoder stopped (${detail}).`,
      );
    }
  };

  // Decode until the first audio, to know the rate and the channels.
  const pending: Float32Array[][] = [];
  const pull = async (): Promise<Float32Array[] | null> => {
    while (offset < source.size) {
      const bytes = await source.read(offset, Math.min(source.size, offset + inputBytes));
      if (bytes.length === 0)
        throw new CallAudioError(
          callAudioProblem('ended-while-reading'),
          'The file ended while reading its audio (was it cut short while being read?).',
        );
      offset += bytes.length;
      // The decoders keep views into their own memory: copy before the next call reuses it.
      const got = check(await run(() => decoder.decode(bytes)));
      if (got) return got.map((c) => c.slice());
    }
    if (!flushed) {
      flushed = true;
      const flush = decoder.flush?.bind(decoder);
      const got = flush ? check(await run(flush)) : null;
      await endChecks();
      if (got) return got.map((c) => c.slice());
    }
    return null;
  };

  try {
    const first = await pull();
    if (first === null)
      throw new CallAudioError(
        callAudioProblem('stream-no-audio', { format: name }),
        `The ${name} file holds no audio: no frame could be decoded.`,
      );
    pending.push(first);
  } catch (error) {
    free();
    throw error;
  }
  return {
    formatName: name,
    sampleRate,
    channelCount: channelCount as 1 | 2,
    notes,
    get cutShort() {
      return readAnyway;
    },
    async next() {
      if (pending.length > 0) return pending.shift()!;
      if (freed) return null;
      try {
        const got = await pull();
        if (got === null) free();
        return got;
      } catch (error) {
        free();
        throw error;
      }
    },
    fraction: () => (source.size === 0 ? 1 : Math.min(1, offset / source.size)),
    close: free,
  };
}
