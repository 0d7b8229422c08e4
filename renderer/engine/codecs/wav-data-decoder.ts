/**
 * Decodes a WAV file's sample data in order, a chunk of whole blocks at a time, whatever its encoding:
 * linear PCM, float and G.711 are stateless (wav-codec's decodePcmFrames); GSM 6.10 carries its filters'
 * state from block to block, so one decoder per file, fed in order.
 */
import { decodePcmFrames } from '../wav-codec';
import type { WavFormat } from '../wav-header';
import { Gsm610Decoder } from './gsm610';

export interface WavDataDecoder {
  /** Decodes the whole blocks in `chunk` into out[c][outOffset…]; returns the frames written. */
  decode(chunk: Uint8Array, out: ArrayLike<Float32Array>, outOffset?: number): number;
}

export function createWavDataDecoder(format: WavFormat): WavDataDecoder {
  if (format.encoding === 'gsm610') {
    const gsm = new Gsm610Decoder();
    return { decode: (chunk, out, outOffset = 0) => gsm.decodeWav49(chunk, out[0], outOffset) };
  }
  return { decode: (chunk, out, outOffset = 0) => decodePcmFrames(chunk, format, out, outOffset) };
}
