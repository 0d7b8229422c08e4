/**
 * RIFF/WAVE header parsing: finds the format and the sample data of a WAV file held in memory, tolerating
 * what real recorders write — unknown chunks, odd-sized chunks with or without their pad byte, a data size
 * of 0 or 0xFFFFFFFF (streamed, never patched) and a data size larger than the file (cut short). Anything
 * the decoder cannot read is a WavFormatError with one sentence a person can act on.
 */

import { callAudioProblem, type CallAudioProblem } from './call-audio/call-audio-problem';

/** `problem`: why, in no language (call-audio-problem.ts); the message: the same in English, for logs. */
export class WavFormatError extends Error {
  constructor(
    readonly problem: CallAudioProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WavFormatError';
  }
}

/** pcm and float: linear samples; mulaw and alaw: G.711, one byte a sample; gsm610: GSM 06.10 blocks. */
export type WavEncoding = 'pcm' | 'float' | 'mulaw' | 'alaw' | 'gsm610';

export interface WavFormat {
  /**
   * 1 = PCM, 3 = IEEE float, 6 = A-law, 7 = µ-law, 49 = GSM 6.10, 0xFFFE = WAVE_FORMAT_EXTENSIBLE (then
   * `encoding` comes from the sub-format).
   */
  readonly formatTag: number;
  readonly encoding: WavEncoding;
  /** 0 for GSM 6.10 (a block codec). */
  readonly bitsPerSample: 0 | 8 | 16 | 24 | 32;
  readonly channelCount: 1 | 2;
  readonly sampleRate: number;
  /** Bytes per block: all channels of one sample instant, or one GSM block (65 bytes). */
  readonly blockAlign: number;
  /** Frames (sample instants) each block decodes to: 1, or 320 for GSM 6.10. */
  readonly framesPerBlock: number;
}

export interface WavHeader {
  readonly format: WavFormat;
  /** Byte offset of the first frame in the file. */
  readonly dataOffset: number;
  /** Bytes of sample data actually usable (whole frames only). */
  readonly dataBytes: number;
  readonly frameCount: number;
  readonly durationSec: number;
  /** What was repaired or guessed, one sentence each (empty for a clean file). */
  readonly warnings: string[];
  /** The warning that says the data chunk is cut short, when it is (also in `warnings`). */
  readonly cutShortWarning?: string;
  /** The other repairs among `warnings`, as data for the page to word (each with its English warning). */
  readonly repairs?: readonly WavRepairNote[];
}

/**
 * A repair made while reading a WAV file, in no language: a data size of 0 or 0xFFFFFFFF (a streamed
 * recording, read to the end of the file), or a last frame or block cut in the middle (its bytes ignored).
 */
export type WavRepair =
  | { readonly repair: 'streamed-size'; readonly declared: '0' | '0xFFFFFFFF' }
  | { readonly repair: 'partial-frame'; readonly bytes: number; readonly unit: 'block' | 'frame' };

/** A repair and the English sentence that says it (among the header's `warnings`). */
export interface WavRepairNote {
  readonly repair: WavRepair;
  readonly note: string;
}

export const WAV_MIN_SAMPLE_RATE = 8000;
export const WAV_MAX_SAMPLE_RATE = 96000;

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_ALAW = 6;
const FORMAT_MULAW = 7;
const FORMAT_GSM610 = 49;
const GSM_BLOCK_BYTES = 65;
const GSM_BLOCK_FRAMES = 320;
const FORMAT_EXTENSIBLE = 0xfffe;
const STREAMED_SIZE = 0xffffffff;

export function asBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** A chunk id is four printable ASCII characters. */
function looksLikeChunkId(bytes: Uint8Array, at: number): boolean {
  if (at + 8 > bytes.length) return false;
  for (let i = 0; i < 4; i++) {
    const c = bytes[at + i];
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

const FORMAT_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  6: 'A-law',
  7: 'µ-law',
  0x11: 'IMA ADPCM',
  0x55: 'MP3',
};

/** A format tag's values for a problem: its codec's name ('none' when unknown) and the tag. */
function formatTagValues(tag: number): { name: string; tag: number } {
  return { name: FORMAT_NAMES[tag] ?? 'none', tag };
}

function describeFormatTag(tag: number): string {
  const name = FORMAT_NAMES[tag];
  return name ? `${name} (format ${tag})` : `format code ${tag}`;
}

function parseFmt(view: DataView, at: number, size: number): WavFormat {
  if (size < 16)
    throw new WavFormatError(
      callAudioProblem('wav-fmt-short', { bytes: size }),
      `The WAV header is truncated: its fmt chunk has ${size} bytes, at least 16 are needed.`,
    );
  const formatTag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bits = view.getUint16(at + 14, true);

  let encodingTag = formatTag;
  if (formatTag === FORMAT_EXTENSIBLE) {
    if (size < 40)
      throw new WavFormatError(
        callAudioProblem('wav-extensible-short'),
        'The WAV header is truncated: its WAVE_FORMAT_EXTENSIBLE fmt chunk is shorter than 40 bytes.',
      );
    encodingTag = view.getUint16(at + 24, true); // first two bytes of the sub-format GUID
  }
  let encoding: WavEncoding;
  if (encodingTag === FORMAT_PCM && (bits === 16 || bits === 24 || bits === 32)) encoding = 'pcm';
  else if (encodingTag === FORMAT_FLOAT && bits === 32) encoding = 'float';
  else if (encodingTag === FORMAT_MULAW && bits === 8) encoding = 'mulaw';
  else if (encodingTag === FORMAT_ALAW && bits === 8) encoding = 'alaw';
  else if (encodingTag === FORMAT_GSM610 && formatTag === FORMAT_GSM610) encoding = 'gsm610';
  else if (encodingTag === FORMAT_MULAW || encodingTag === FORMAT_ALAW)
    throw new WavFormatError(
      callAudioProblem('wav-g711-bits', { bits, ...formatTagValues(encodingTag) }),
      `Unsupported encoding: ${bits}-bit ${describeFormatTag(encodingTag)}; G.711 is 8 bits a sample.`,
    );
  else if (encodingTag === FORMAT_PCM)
    throw new WavFormatError(
      callAudioProblem('wav-pcm-bits', { bits }),
      `Unsupported encoding: ${bits}-bit PCM (supported: 16-, 24- and 32-bit PCM, 32-bit float).`,
    );
  else if (encodingTag === FORMAT_FLOAT)
    throw new WavFormatError(
      callAudioProblem('wav-float-bits', { bits }),
      `Unsupported encoding: ${bits}-bit float (supported: 16-, 24- and 32-bit PCM, 32-bit float).`,
    );
  else
    throw new WavFormatError(
      callAudioProblem('wav-format', formatTagValues(encodingTag)),
      `Unsupported encoding: ${describeFormatTag(encodingTag)}; WAV files in PCM, 32-bit float, G.711 µ-law or A-law and GSM 6.10 can be read.`,
    );

  if (channels !== 1 && channels !== 2) {
    throw new WavFormatError(
      callAudioProblem('wav-channels', { channels }),
      `The WAV file has ${channels} channels; only mono and stereo files are supported.`,
    );
  }
  if (sampleRate < WAV_MIN_SAMPLE_RATE || sampleRate > WAV_MAX_SAMPLE_RATE) {
    throw new WavFormatError(
      callAudioProblem('sample-rate', {
        rate: sampleRate,
        min: WAV_MIN_SAMPLE_RATE,
        max: WAV_MAX_SAMPLE_RATE,
      }),
      `Unsupported sample rate: ${sampleRate} Hz (supported: ${WAV_MIN_SAMPLE_RATE}–${WAV_MAX_SAMPLE_RATE} Hz).`,
    );
  }
  if (encoding === 'gsm610') {
    // WAV49: 65-byte blocks of two 160-sample frames, mono (cbSize 2 + wSamplesPerBlock 320 follow).
    if (channels !== 1)
      throw new WavFormatError(
        callAudioProblem('wav-gsm-channels', { channels }),
        `The WAV file is GSM 6.10 with ${channels} channels; GSM 6.10 WAV files are mono.`,
      );
    const perBlock = size >= 20 ? view.getUint16(at + 18, true) : GSM_BLOCK_FRAMES;
    if (blockAlign !== GSM_BLOCK_BYTES || perBlock !== GSM_BLOCK_FRAMES)
      throw new WavFormatError(
        callAudioProblem('wav-gsm-blocks', { blockAlign, perBlock }),
        `Unsupported encoding: GSM 6.10 with ${blockAlign}-byte blocks of ${perBlock} samples (WAV49 has 65-byte blocks of 320).`,
      );
    return {
      formatTag,
      encoding,
      bitsPerSample: 0,
      channelCount: 1,
      sampleRate,
      blockAlign,
      framesPerBlock: GSM_BLOCK_FRAMES,
    };
  }
  const expectedAlign = (channels * bits) / 8;
  if (blockAlign !== expectedAlign) {
    throw new WavFormatError(
      callAudioProblem('wav-block-align', { blockAlign, channels, bits }),
      `The WAV header is inconsistent: block align ${blockAlign} does not match ${channels} channel(s) of ${bits}-bit samples.`,
    );
  }
  return {
    formatTag,
    encoding,
    bitsPerSample: bits as 8 | 16 | 24 | 32,
    channelCount: channels as 1 | 2,
    sampleRate,
    blockAlign,
    framesPerBlock: 1,
  };
}

export interface ParseWavHeaderOptions {
  /**
   * Size of the whole file when `input` holds only its beginning (streaming a file too large to load: read
   * the first few kilobytes, parse, then read frames at dataOffset + frame × blockAlign). The prefix must
   * reach the data chunk's header. Default: input is the whole file.
   */
  fileSize?: number;
}

/** Reads the header of a WAV file (whole, or its beginning with options.fileSize); sample data stays put. */
export function parseWavHeader(
  input: Uint8Array | ArrayBuffer,
  options: ParseWavHeaderOptions = {},
): WavHeader {
  const bytes = asBytes(input);
  const fileSize = options.fileSize ?? bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const warnings: string[] = [];
  if (bytes.length < 12) {
    if (bytes.length >= 4 && fourCC(bytes, 0) !== 'RIFF') throw notWav(bytes);
    throw new WavFormatError(
      callAudioProblem('wav-header-short', { bytes: bytes.length }),
      `The WAV header is truncated: the file has only ${bytes.length} bytes.`,
    );
  }
  const riff = fourCC(bytes, 0);
  if (riff !== 'RIFF' || fourCC(bytes, 8) !== 'WAVE') throw notWav(bytes);

  let format: WavFormat | null = null;
  let dataStart = -1;
  let dataDeclared = 0;
  let factFrames = -1;
  let pos = 12;
  while (pos + 8 <= bytes.length) {
    const id = fourCC(bytes, pos);
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      if (body + 16 > bytes.length) {
        throw new WavFormatError(
          callAudioProblem('wav-fmt-cut'),
          'The WAV header is truncated: the file ends inside its fmt chunk.',
        );
      }
      format = parseFmt(view, body, Math.min(size, bytes.length - body));
    } else if (id === 'fact' && size >= 4 && body + 4 <= bytes.length) {
      factFrames = view.getUint32(body, true);
    } else if (id === 'data' && dataStart < 0) {
      dataStart = body;
      dataDeclared = size;
      if (size === 0 || size === STREAMED_SIZE || body + size > bytes.length) break; // to the end, or beyond the prefix
    }
    let next = body + size + (size & 1);
    // Some writers omit the pad byte after an odd-sized chunk: accept the unpadded position if only it is valid.
    if ((size & 1) === 1 && !looksLikeChunkId(bytes, next) && looksLikeChunkId(bytes, next - 1))
      next -= 1;
    if (next <= pos) break;
    pos = next;
  }

  if (format === null) {
    throw dataStart < 0
      ? new WavFormatError(
          callAudioProblem('wav-no-fmt'),
          'The WAV header is truncated: no fmt chunk was found.',
        )
      : new WavFormatError(
          callAudioProblem('wav-fmt-after-data'),
          'The WAV file has no fmt chunk before its sample data.',
        );
  }
  if (dataStart < 0)
    throw new WavFormatError(
      callAudioProblem('wav-no-data'),
      'The WAV file has no data chunk: it holds no audio.',
    );

  const available = fileSize - dataStart;
  let dataBytes = dataDeclared;
  let cutShortWarning: string | undefined;
  const repairs: WavRepairNote[] = [];
  const repaired = (repair: WavRepair, note: string): void => {
    warnings.push(note);
    repairs.push({ repair, note });
  };
  if (dataDeclared === 0 || dataDeclared === STREAMED_SIZE) {
    dataBytes = available;
    const declared = dataDeclared === 0 ? '0' : '0xFFFFFFFF';
    if (available > 0)
      repaired(
        { repair: 'streamed-size', declared },
        `The data chunk size is ${declared} (a streamed recording); the audio up to the end of the file was used.`,
      );
  } else if (dataDeclared > available) {
    dataBytes = available;
    cutShortWarning = `The data chunk claims ${dataDeclared} bytes but only ${available} are in the file (cut short); the ${available} bytes present were used.`;
    warnings.push(cutShortWarning);
  }
  const blocks = Math.floor(dataBytes / format.blockAlign);
  let frameCount = blocks * format.framesPerBlock;
  // A block codec's last block is padded; the fact chunk says how many of its samples are audio.
  if (format.framesPerBlock > 1 && factFrames > frameCount - format.framesPerBlock)
    frameCount = Math.min(frameCount, factFrames);
  if (frameCount === 0)
    throw new WavFormatError(
      callAudioProblem('wav-data-empty'),
      'The WAV file holds no audio: its data chunk is empty.',
    );
  const whole = blocks * format.blockAlign;
  // (One byte past GSM's 65-byte blocks is the writer padding the data to an even size.)
  if (whole !== dataBytes && !(format.framesPerBlock > 1 && dataBytes - whole === 1)) {
    const unit = format.framesPerBlock > 1 ? 'block' : 'frame';
    repaired(
      { repair: 'partial-frame', bytes: dataBytes - whole, unit },
      `The data ends with ${dataBytes - whole} byte(s) of an incomplete ${unit}, which were ignored.`,
    );
  }
  dataBytes = whole;
  return {
    format,
    dataOffset: dataStart,
    dataBytes,
    frameCount,
    durationSec: frameCount / format.sampleRate,
    warnings,
    ...(cutShortWarning === undefined ? {} : { cutShortWarning }),
    ...(repairs.length === 0 ? {} : { repairs }),
  };
}

function notWav(bytes: Uint8Array): WavFormatError {
  const head = bytes.length >= 4 ? fourCC(bytes, 0) : '';
  if (head === 'RIFX')
    return new WavFormatError(
      callAudioProblem('wav-rifx'),
      'This is a big-endian (RIFX) WAV file, which is not supported.',
    );
  if (head === 'RF64')
    return new WavFormatError(
      callAudioProblem('wav-rf64'),
      'This is an RF64 (64-bit) WAV file, which is not supported.',
    );
  return new WavFormatError(
    callAudioProblem('wav-not-riff'),
    'This file is not a WAV file: it does not start with a RIFF/WAVE header.',
  );
}
