/**
 * WAV decoding and encoding on bytes in memory (Uint8Array / ArrayBuffer in and out; no file system).
 *
 * Reads PCM 16/24/32-bit integer and 32-bit float, G.711 µ-law and A-law (codecs/g711.ts), plain or
 * WAVE_FORMAT_EXTENSIBLE, mono or stereo, 8–96 kHz, and GSM 6.10 (codecs/gsm610.ts; a block codec whose
 * decoder keeps state, so it is decoded whole here or in order with codecs/wav-data-decoder.ts)
 * (header rules and repairs: wav-header.ts). Samples come out as Float32 in [-1, 1): integers are
 * divided by 2^(bits-1); float samples that are NaN or ±Infinity are read as 0. For large files, walk the
 * data block by block with parseWavHeader + decodeWavFrames instead of decoding everything at once; for
 * files too large to load (an 8-hour stereo shift is 5.5 GB),
 * parse the first kilobytes with { fileSize } and decode blocks read from disk with decodePcmFrames.
 */
import { decodeG711Frames } from './codecs/g711';
import { Gsm610Decoder } from './codecs/gsm610';
import { asBytes, parseWavHeader, type WavFormat, type WavHeader } from './wav-header';
import { PCM16_MAX_FRAMES, engineKernels } from './wasm/engine-kernels';

export {
  WavFormatError,
  parseWavHeader,
  WAV_MAX_SAMPLE_RATE,
  WAV_MIN_SAMPLE_RATE,
} from './wav-header';
export type { ParseWavHeaderOptions, WavEncoding, WavFormat, WavHeader } from './wav-header';

export interface DecodedWav {
  readonly sampleRate: number;
  readonly channels: Float32Array[];
  readonly format: WavFormat;
  readonly frameCount: number;
  readonly durationSec: number;
  /** Repairs made while reading (streamed or lying data size, partial last frame); empty for a clean file. */
  readonly warnings: string[];
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes frames [frameStart, frameStart + frameCount) of the file into out[c][outOffset, ...), one array per
 * channel (at least header.format.channelCount of them). Returns the number of frames written, which is
 * smaller than frameCount only at the end of the data.
 */
export function decodeWavFrames(
  input: Uint8Array | ArrayBuffer,
  header: WavHeader,
  frameStart: number,
  frameCount: number,
  out: ArrayLike<Float32Array>,
  outOffset = 0,
): number {
  const bytes = asBytes(input);
  const frames = Math.max(0, Math.min(frameCount, header.frameCount - frameStart));
  if (frames === 0) return 0;
  if (header.format.framesPerBlock !== 1)
    throw new RangeError('GSM 6.10 decodes in order: use decodeWav or codecs/wav-data-decoder.ts.');
  const start = header.dataOffset + frameStart * header.format.blockAlign;
  return decodePcmFrames(
    bytes.subarray(start, start + frames * header.format.blockAlign),
    header.format,
    out,
    outOffset,
  );
}

/**
 * Decodes the whole frames in `chunk` (raw sample data that starts on a frame boundary, e.g. a block read
 * from a file at dataOffset + n × blockAlign) into out[c][outOffset, ...). Returns the number of frames.
 */
export function decodePcmFrames(
  chunk: Uint8Array,
  format: WavFormat,
  out: ArrayLike<Float32Array>,
  outOffset = 0,
): number {
  const cc = format.channelCount;
  if (format.framesPerBlock !== 1)
    throw new RangeError('GSM 6.10 decodes in order: use decodeWav or codecs/wav-data-decoder.ts.');
  const frames = Math.floor(chunk.length / format.blockAlign);
  if (frames === 0) return 0;
  if (out.length < cc) throw new RangeError(`Need ${cc} output channel(s), got ${out.length}.`);
  if (format.encoding === 'mulaw' || format.encoding === 'alaw')
    return decodeG711Frames(chunk.subarray(0, frames * cc), format.encoding, cc, out, outOffset);
  const absolute = chunk.byteOffset;
  const view = new DataView(chunk.buffer, absolute, frames * format.blockAlign);
  const samples = frames * cc;

  if (format.encoding === 'float') {
    const src =
      LITTLE_ENDIAN_HOST && absolute % 4 === 0
        ? new Float32Array(chunk.buffer, absolute, samples)
        : null;
    // A NaN or ±Infinity sample (a broken writer) is read as silence: one would poison every meter after it.
    for (let c = 0; c < cc; c++) {
      const dst = out[c];
      let o = outOffset;
      if (src) {
        for (let i = c; i < samples; i += cc) {
          const v = src[i];
          dst[o++] = v - v === 0 ? v : 0;
        }
      } else {
        for (let i = c; i < samples; i += cc) {
          const v = view.getFloat32(i * 4, true);
          dst[o++] = v - v === 0 ? v : 0;
        }
      }
    }
  } else if (format.bitsPerSample === 16) {
    const scale = 1 / 32768;
    const kernels = cc === 2 ? engineKernels() : null;
    if (kernels) {
      // The common case (16-bit stereo) through the SIMD kernel, 4 frames at a time (the same numbers).
      const left = out[0];
      const right = out[1];
      let f = 0;
      while (frames - f >= 4) {
        const n = Math.min(PCM16_MAX_FRAMES, (frames - f) & ~3);
        kernels.pcm16Input.set(chunk.subarray(f * 4, (f + n) * 4));
        kernels.pcm16(n);
        left.set(
          n === PCM16_MAX_FRAMES ? kernels.left : kernels.left.subarray(0, n),
          outOffset + f,
        );
        right.set(
          n === PCM16_MAX_FRAMES ? kernels.right : kernels.right.subarray(0, n),
          outOffset + f,
        );
        f += n;
      }
      for (let o = outOffset + f; f < frames; f++, o++) {
        left[o] = view.getInt16(f * 4, true) * scale;
        right[o] = view.getInt16(f * 4 + 2, true) * scale;
      }
      return frames;
    }
    const src =
      LITTLE_ENDIAN_HOST && absolute % 2 === 0
        ? new Int16Array(chunk.buffer, absolute, samples)
        : null;
    if (src && cc === 2) {
      // The common case (16-bit stereo) in one pass over the source.
      const left = out[0];
      const right = out[1];
      for (let i = 0, o = outOffset; i < samples; i += 2, o++) {
        left[o] = src[i] * scale;
        right[o] = src[i + 1] * scale;
      }
      return frames;
    }
    for (let c = 0; c < cc; c++) {
      const dst = out[c];
      let o = outOffset;
      if (src) for (let i = c; i < samples; i += cc) dst[o++] = src[i] * scale;
      else for (let i = c; i < samples; i += cc) dst[o++] = view.getInt16(i * 2, true) * scale;
    }
  } else if (format.bitsPerSample === 24) {
    const scale = 1 / 8388608;
    for (let c = 0; c < cc; c++) {
      const dst = out[c];
      let o = outOffset;
      for (let i = c; i < samples; i += cc) {
        const b = i * 3;
        dst[o++] = (((chunk[b] | (chunk[b + 1] << 8) | (chunk[b + 2] << 16)) << 8) >> 8) * scale;
      }
    }
  } else {
    const scale = 1 / 2147483648;
    const src =
      LITTLE_ENDIAN_HOST && absolute % 4 === 0
        ? new Int32Array(chunk.buffer, absolute, samples)
        : null;
    for (let c = 0; c < cc; c++) {
      const dst = out[c];
      let o = outOffset;
      if (src) for (let i = c; i < samples; i += cc) dst[o++] = src[i] * scale;
      else for (let i = c; i < samples; i += cc) dst[o++] = view.getInt32(i * 4, true) * scale;
    }
  }
  return frames;
}

/** Decodes a whole WAV file. Throws WavFormatError with a one-sentence reason for anything it cannot read. */
export function decodeWav(input: Uint8Array | ArrayBuffer): DecodedWav {
  const bytes = asBytes(input);
  const header = parseWavHeader(bytes);
  const channels: Float32Array[] = [];
  for (let c = 0; c < header.format.channelCount; c++)
    channels.push(new Float32Array(header.frameCount));
  if (header.format.encoding === 'gsm610')
    new Gsm610Decoder().decodeWav49(
      bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes),
      channels[0],
    );
  else decodeWavFrames(bytes, header, 0, header.frameCount, channels);
  return {
    sampleRate: header.format.sampleRate,
    channels,
    format: header.format,
    frameCount: header.frameCount,
    durationSec: header.durationSec,
    warnings: header.warnings,
  };
}

export type WavBits = 16 | 24 | 32 | 'float';

export interface EncodeWavOptions {
  /** Write a WAVE_FORMAT_EXTENSIBLE header (as some recorders do) instead of the plain one. */
  extensible?: boolean;
}

const GUID_TAIL = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];

/**
 * Encodes channels (equal lengths, 1–8 of them) as a WAV file. Integer formats clip to the format's range and
 * round to nearest, so decode(encode(x)) returns x exactly for values that came from that format.
 */
export function encodeWav(
  channels: ArrayLike<Float32Array>,
  sampleRate: number,
  bits: WavBits,
  options: EncodeWavOptions = {},
): Uint8Array {
  const cc = channels.length;
  if (cc < 1 || cc > 8) throw new RangeError(`Cannot encode ${cc} channels (1–8).`);
  const frames = channels[0].length;
  for (let c = 1; c < cc; c++)
    if (channels[c].length !== frames)
      throw new RangeError('All channels must have the same length.');
  if (!Number.isInteger(sampleRate) || sampleRate <= 0)
    throw new RangeError(`Invalid sample rate ${sampleRate}.`);

  const isFloat = bits === 'float';
  const bytesPerSample = isFloat ? 4 : bits / 8;
  const blockAlign = cc * bytesPerSample;
  const dataBytes = frames * blockAlign;
  const extensible = options.extensible === true;
  const fmtSize = extensible ? 40 : isFloat ? 18 : 16;
  const factSize = isFloat ? 12 : 0;
  const headerBytes = 12 + 8 + fmtSize + factSize + 8;
  const pad = dataBytes & 1;
  const out = new Uint8Array(headerBytes + dataBytes + pad);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  const tag = isFloat ? 3 : 1;

  ascii(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, extensible ? 0xfffe : tag, true);
  view.setUint16(22, cc, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytesPerSample * 8, true);
  let pos = 36;
  if (fmtSize >= 18) {
    view.setUint16(36, fmtSize - 18, true);
    pos = 38;
  }
  if (extensible) {
    view.setUint16(38, bytesPerSample * 8, true); // valid bits
    view.setUint32(40, cc === 1 ? 0x4 : cc === 2 ? 0x3 : 0, true); // channel mask
    view.setUint16(44, tag, true);
    out.set(GUID_TAIL, 46);
    pos = 60;
  }
  if (isFloat) {
    ascii(pos, 'fact');
    view.setUint32(pos + 4, 4, true);
    view.setUint32(pos + 8, frames, true);
    pos += 12;
  }
  ascii(pos, 'data');
  view.setUint32(pos + 4, dataBytes, true);
  pos += 8;

  if (bits === 24) {
    for (let f = 0; f < frames; f++) {
      for (let c = 0; c < cc; c++) {
        const v = quantize(channels[c][f], 8388608);
        out[pos] = v & 0xff;
        out[pos + 1] = (v >> 8) & 0xff;
        out[pos + 2] = (v >> 16) & 0xff;
        pos += 3;
      }
    }
  } else {
    // Interleave into a typed array of the sample type, then copy its bytes (little-endian hosts; else DataView).
    const samples = isFloat
      ? new Float32Array(frames * cc)
      : bits === 16
        ? new Int16Array(frames * cc)
        : new Int32Array(frames * cc);
    const full = bits === 16 ? 32768 : 2147483648;
    for (let c = 0; c < cc; c++) {
      const src = channels[c];
      if (isFloat) for (let f = 0, i = c; f < frames; f++, i += cc) samples[i] = src[f];
      else for (let f = 0, i = c; f < frames; f++, i += cc) samples[i] = quantize(src[f], full);
    }
    if (LITTLE_ENDIAN_HOST) out.set(new Uint8Array(samples.buffer), pos);
    else {
      for (let i = 0; i < samples.length; i++, pos += bytesPerSample) {
        if (isFloat) view.setFloat32(pos, samples[i], true);
        else if (bits === 16) view.setInt16(pos, samples[i], true);
        else view.setInt32(pos, samples[i], true);
      }
    }
  }
  return out;
}

function quantize(x: number, full: number): number {
  const v = Math.round(x * full);
  if (v >= full) return full - 1;
  if (v < -full) return -full;
  return v !== v ? 0 : v; // NaN → 0
}
