/**
 * Which container a recorded call is in, told from its first bytes (never from its name): WAV (RIFF/WAVE,
 * its encodings in wav-header.ts), MP3 (an ID3v2 tag or an MPEG audio frame header), Ogg (Opus inside;
 * Vorbis and others are refused by name) and FLAC. Anything else is refused with what it looks like.
 */
import { CallAudioError } from './byte-source';
import { callAudioProblem } from './call-audio-problem';

export type CallAudioContainer = 'wav' | 'mp3' | 'ogg-opus' | 'flac';

/** Bytes to read before sniffing: enough for the first Ogg page's codec header. */
export const SNIFF_BYTES = 4096;

const READS = 'WAV (PCM, G.711 µ-law or A-law, GSM 6.10), MP3, Ogg Opus or FLAC';

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** An MPEG-1/2/2.5 audio frame header at `at` (sync, a valid version, layer, bitrate and rate). */
export function isMpegFrameHeader(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length) return false;
  if (bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[at + 1] >> 3) & 3;
  const layer = (bytes[at + 1] >> 1) & 3;
  const bitrate = bytes[at + 2] >> 4;
  const rate = (bytes[at + 2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

export function sniffContainer(head: Uint8Array): CallAudioContainer {
  if (head.length === 0)
    throw new CallAudioError(
      callAudioProblem('empty-file'),
      'The file is empty (0 bytes): it holds no audio.',
    );
  const magic = ascii(head, 0, 4);
  if (magic === 'RIFF' || magic === 'RIFX' || magic === 'RF64') return 'wav';
  if (magic === 'fLaC') return 'flac';
  if (magic === 'OggS') {
    // The first page carries the codec's identification header.
    const segments = head[26] ?? 0;
    const body = 27 + segments;
    const id = ascii(head, body, 8);
    if (id === 'OpusHead') return 'ogg-opus';
    if (head.length < body + 8)
      throw new CallAudioError(
        callAudioProblem('ogg-cut-first-page'),
        'The Ogg file is truncated: it ends inside its first page.',
      );
    const codec = id.startsWith('\x01vorbis')
      ? 'vorbis'
      : id.startsWith('Speex')
        ? 'speex'
        : id.startsWith('\x7fFLAC')
          ? 'flac'
          : 'unknown';
    throw new CallAudioError(
      callAudioProblem('ogg-codec', { codec }),
      `Unsupported encoding: Ogg with ${OGG_CODEC_NAMES[codec]} inside; Ogg files are read when they hold Opus.`,
    );
  }
  if (ascii(head, 0, 3) === 'ID3' || isMpegFrameHeader(head, 0)) return 'mp3';
  const looksLike = lookalike(head);
  throw new CallAudioError(
    callAudioProblem('not-audio', { looksLike }),
    `This is not an audio file we read: ${LOOKALIKE_TEXT[looksLike]}; we read ${READS}.`,
  );
}

const OGG_CODEC_NAMES = {
  vorbis: 'Vorbis',
  speex: 'Speex',
  flac: 'FLAC',
  unknown: 'an unknown codec',
} as const;

type Lookalike = 'mp4' | 'amr' | 'aiff' | 'au' | 'webm' | 'pdf' | 'zip' | 'text' | 'unknown';

const LOOKALIKE_TEXT: Record<Lookalike, string> = {
  mp4: 'it looks like an MP4/M4A file',
  amr: 'it looks like an AMR file',
  aiff: 'it looks like an AIFF file',
  au: 'it looks like a Sun/NeXT AU file',
  webm: 'it looks like a WebM/Matroska file',
  pdf: 'it looks like a PDF document',
  zip: 'it looks like a ZIP archive',
  text: 'it looks like text',
  unknown: 'its first bytes match no audio format',
};

function lookalike(head: Uint8Array): Lookalike {
  const s4 = ascii(head, 4, 4);
  if (s4 === 'ftyp') return 'mp4';
  if (ascii(head, 0, 5) === '#!AMR') return 'amr';
  if (ascii(head, 0, 4) === 'FORM') return 'aiff';
  if (ascii(head, 0, 4) === '.snd') return 'au';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (ascii(head, 0, 4) === '%PDF') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  let text = 0;
  const n = Math.min(head.length, 512);
  for (let i = 0; i < n; i++) {
    const c = head[i];
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127)) text++;
  }
  return text === n ? 'text' : 'unknown';
}
