/**
 * Two channels → interleaved 16-bit little-endian PCM, as base64 for IPC. Agent LEFT, caller RIGHT: the
 * one channel convention of the app ("my voice on the left" by default), the analyser and the README.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toInt16(sample: number): number {
  const s = sample > 1 ? 1 : sample < -1 ? -1 : sample;
  return s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
}

export function interleavePcm16(
  caller: Float32Array,
  agent: Float32Array,
  frames: number,
): Uint8Array {
  const out = new DataView(new ArrayBuffer(frames * 4));
  for (let i = 0; i < frames; i++) {
    out.setInt16(i * 4, toInt16(agent[i]), true);
    out.setInt16(i * 4 + 2, toInt16(caller[i]), true);
  }
  return new Uint8Array(out.buffer);
}

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    line +=
      ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  if (i < n) {
    const v = (bytes[i] << 16) | ((i + 1 < n ? bytes[i + 1] : 0) << 8);
    line +=
      ALPHABET[v >> 18] +
      ALPHABET[(v >> 12) & 63] +
      (i + 1 < n ? ALPHABET[(v >> 6) & 63] : '=') +
      '=';
  }
  parts.push(line);
  return parts.join('');
}
