/**
 * What a compressed file says about its own length, read from its first or last bytes: FLAC's STREAMINFO
 * sample count, an MP3's Xing/Info header (LAME, ffmpeg and most encoders write one), an Ogg stream's
 * end-of-stream flag on its last page. Used to tell a file cut short from a whole one.
 */
import { isMpegFrameHeader } from './call-audio-format';

/** FLAC STREAMINFO's total samples per channel (0 = unknown), or null if there is no STREAMINFO. */
export function flacTotalSamples(head: Uint8Array): number | null {
  if (head.length < 26 || (head[4] & 0x7f) !== 0) return null;
  const high = head[21] & 0x0f;
  const low = ((head[22] << 24) | (head[23] << 16) | (head[24] << 8) | head[25]) >>> 0;
  return high * 2 ** 32 + low;
}

/** The samples per channel an MP3's Xing/Info header announces (before gapless trimming), or null. */
export function mp3AnnouncedSamples(head: Uint8Array): number | null {
  let at = 0;
  if (head.length >= 10 && head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33) {
    const size =
      ((head[6] & 0x7f) << 21) |
      ((head[7] & 0x7f) << 14) |
      ((head[8] & 0x7f) << 7) |
      (head[9] & 0x7f);
    at = 10 + size + (head[5] & 0x10 ? 10 : 0);
  }
  // The first frame may follow a few bytes of padding.
  const end = Math.min(head.length - 4, at + 4096);
  while (at < end && !isMpegFrameHeader(head, at)) at++;
  if (at >= end) return null;
  const version = (head[at + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (head[at + 1] >> 1) & 3; // 1 = layer III
  if (layer !== 1) return null;
  const mono = head[at + 3] >> 6 === 3;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const x = at + 4 + sideInfo;
  if (x + 12 > head.length) return null;
  const tag = String.fromCharCode(head[x], head[x + 1], head[x + 2], head[x + 3]);
  if (tag !== 'Xing' && tag !== 'Info') return null;
  const flags = (head[x + 7] | (head[x + 6] << 8)) >>> 0;
  if ((flags & 1) === 0) return null;
  const frames =
    ((head[x + 8] << 24) | (head[x + 9] << 16) | (head[x + 10] << 8) | head[x + 11]) >>> 0;
  return frames * (version === 3 ? 1152 : 576);
}

/**
 * The Ogg stream's last page, if `tail` (the file's last bytes) ends with a whole one: whether it is
 * flagged end-of-stream, and its granule position (for Opus: 48 kHz samples since the start, pre-skip
 * included). null if the file does not end on a whole page.
 */
export function oggLastPage(tail: Uint8Array): { endOfStream: boolean; granule: number } | null {
  for (let at = tail.length - 27; at >= 0; at--) {
    if (
      tail[at] !== 0x4f ||
      tail[at + 1] !== 0x67 ||
      tail[at + 2] !== 0x67 ||
      tail[at + 3] !== 0x53
    )
      continue;
    const segments = tail[at + 26];
    if (at + 27 + segments > tail.length) return null;
    let size = 27 + segments;
    for (let i = 0; i < segments; i++) size += tail[at + 27 + i];
    if (at + size !== tail.length) return null;
    const view = new DataView(tail.buffer, tail.byteOffset + at, 27);
    const granule = view.getUint32(6, true) + view.getUint32(10, true) * 2 ** 32;
    return { endOfStream: (tail[at + 5] & 0x04) !== 0, granule };
  }
  return null;
}

/** The Opus pre-skip (48 kHz samples the decoder drops at the start) from the first page's OpusHead. */
export function opusPreSkip(head: Uint8Array): number {
  const body = 27 + (head[26] ?? 0);
  return body + 12 <= head.length ? head[body + 10] | (head[body + 11] << 8) : 0;
}
