/**
 * Opens a recorded call in any format Calm Line reads — WAV (PCM, float, G.711 µ-law/A-law, GSM 6.10),
 * MP3, Ogg Opus, FLAC — told from its first bytes, as one stream of decoded blocks. The CLI, batch
 * analysis and "Open a recorded call…" all read calls through this; it uses no Node or DOM API.
 */
import {
  CallAudioError,
  type ByteSource,
  type CallAudioStream,
  type OpenCallAudioOptions,
} from './byte-source';
import { SNIFF_BYTES, sniffContainer } from './call-audio-format';
import { openCompressedStream } from './compressed-audio-stream';
import { openWavStream } from './wav-audio-stream';

export { CallAudioError, bytesSource } from './byte-source';
export type { ByteSource, CallAudioStream, OpenCallAudioOptions } from './byte-source';

export async function openCallAudio(
  source: ByteSource,
  options: OpenCallAudioOptions,
): Promise<CallAudioStream> {
  const head = await source.read(0, Math.min(source.size, SNIFF_BYTES));
  const container = sniffContainer(head);
  return container === 'wav'
    ? openWavStream(source, options)
    : openCompressedStream(source, container, options);
}

/** The whole call decoded into memory (one array per channel): for short calls and tests. */
export async function decodeCallAudio(
  source: ByteSource,
  options: OpenCallAudioOptions,
): Promise<{ sampleRate: number; channels: Float32Array[]; notes: string[]; formatName: string }> {
  const stream = await openCallAudio(source, options);
  try {
    const parts: Float32Array[][] = [];
    let frames = 0;
    for (let block = await stream.next(); block; block = await stream.next()) {
      parts.push(block.map((c) => c.slice()));
      frames += block[0].length;
    }
    const channels = Array.from({ length: stream.channelCount }, (_, c) => {
      const all = new Float32Array(frames);
      let at = 0;
      for (const p of parts) {
        all.set(p[c], at);
        at += p[c].length;
      }
      return all;
    });
    return {
      sampleRate: stream.sampleRate,
      channels,
      notes: stream.notes,
      formatName: stream.formatName,
    };
  } finally {
    stream.close();
  }
}

export function isCallAudioError(error: unknown): error is CallAudioError {
  return error instanceof CallAudioError;
}
