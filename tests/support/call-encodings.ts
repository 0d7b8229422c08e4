/**
 * One recorded call in every encoding phone systems store, made by the reference tools (ffmpeg, sox) from
 * a PCM original, cached under .tmp/fixtures. The original is what a phone system records: the call at
 * 8 kHz, 16-bit (stereo: agent left, caller right); GSM 6.10 WAV is mono by definition, so its original
 * is the same call mixed to mono.
 */
import { cachedFixture, ffmpeg, sox } from './test-audio';

export type PhoneEncoding = 'mulaw' | 'alaw' | 'gsm610' | 'mp3' | 'opus' | 'flac';

export const PHONE_ENCODINGS: readonly PhoneEncoding[] = [
  'mulaw',
  'alaw',
  'gsm610',
  'mp3',
  'opus',
  'flac',
];

export const ENCODING_LABELS: Record<PhoneEncoding, string> = {
  mulaw: 'G.711 µ-law WAV (format 7)',
  alaw: 'G.711 A-law WAV (format 6)',
  gsm610: 'GSM 6.10 WAV (format 49)',
  mp3: 'MP3 32 kbit/s',
  opus: 'Ogg Opus 32 kbit/s',
  flac: 'FLAC',
};

/** The file extension each encoding is written with. */
export const ENCODING_EXTENSIONS: Record<PhoneEncoding, string> = {
  mulaw: 'wav',
  alaw: 'wav',
  gsm610: 'wav',
  mp3: 'mp3',
  opus: 'opus',
  flac: 'flac',
};

/** How each is written (sox for GSM 6.10, whose WAV49 writer is libgsm; ffmpeg for the rest). */
const CODEC_ARGS: Record<PhoneEncoding, string[]> = {
  mulaw: ['-c:a', 'pcm_mulaw', '-f', 'wav'],
  alaw: ['-c:a', 'pcm_alaw', '-f', 'wav'],
  gsm610: ['-t', 'wav', '-e', 'gsm-full-rate'],
  mp3: ['-c:a', 'libmp3lame', '-b:a', '32k', '-f', 'mp3'],
  // 32 kbit/s: below about 28 kbit/s libopus codes a stereo pair as intensity stereo, which puts each
  // party's voice on the other's channel (measured at 24 kbit/s: 13 caller turns found instead of 5).
  opus: ['-c:a', 'libopus', '-b:a', '32k', '-f', 'ogg'],
  flac: ['-c:a', 'flac', '-f', 'flac'],
};

/** The call as a phone system records it: 8 kHz 16-bit PCM, stereo or mixed to mono. */
export function phonePcm(source: string, mono = false): string {
  return cachedFixture({ kind: 'phone-pcm', source, mono, v: 1 }, (out) =>
    sox(source, '-r', '8000', '-b', '16', ...(mono ? ['-c', '1'] : []), out),
  );
}

/** `source` (any WAV) encoded as `encoding` by ffmpeg or sox; the PCM original it was made from. */
export function encodeCall(
  source: string,
  encoding: PhoneEncoding,
): { file: string; original: string } {
  const original = phonePcm(source, encoding === 'gsm610');
  const codec = CODEC_ARGS[encoding];
  const file = cachedFixture(
    { kind: 'phone-encoding', original, encoding, codec, v: 2 },
    (out) => {
      if (encoding === 'gsm610') sox(original, ...codec, out);
      else ffmpeg('-loglevel', 'error', '-y', '-i', original, ...codec, out);
    },
    ENCODING_EXTENSIONS[encoding],
  );
  return { file, original };
}
