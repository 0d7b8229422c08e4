/**
 * G.711 (ITU-T, 1988) µ-law and A-law: one byte per sample, expanded by the standard's segment rule into
 * a linear sample. What most PBXs and call recorders write (WAV format 7 = µ-law, format 6 = A-law).
 *
 * µ-law: the byte is stored inverted; sign bit, a 3-bit segment (exponent) and a 4-bit step. The linear
 * magnitude is ((step · 2 + 33) · 2^segment − 33) in 14-bit units, i.e. ((step << 3) + 0x84) << segment,
 * minus the bias 0x84, in 16-bit units (largest ±32124).
 * A-law: even bits are inverted (XOR 0x55); sign bit (1 = positive), a 3-bit segment and a 4-bit step;
 * segment 0 is linear ((step · 2 + 1) · 8), segment s ≥ 1 is ((step · 2 + 33) · 8) << (s − 1) (largest ±32256).
 * Decoded values are these 16-bit integers / 32768, exactly what sox and ffmpeg (pcm_mulaw / pcm_alaw) give.
 */

function muLawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

function aLawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let magnitude = ((a & 0x0f) << 4) + 8;
  if (segment > 0) magnitude = (magnitude + 0x100) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

function table(expand: (byte: number) => number): Float32Array {
  const t = new Float32Array(256);
  for (let b = 0; b < 256; b++) t[b] = expand(b) / 32768;
  return t;
}

/** Byte → sample in [-1, 1), for each of the 256 µ-law codes. */
export const MU_LAW_TABLE: Float32Array = table(muLawToLinear);
/** Byte → sample in [-1, 1), for each of the 256 A-law codes. */
export const A_LAW_TABLE: Float32Array = table(aLawToLinear);

/**
 * Expands interleaved G.711 bytes (whole frames of `channelCount` bytes) into out[c][outOffset…]; returns
 * the frames written.
 */
export function decodeG711Frames(
  bytes: Uint8Array,
  law: 'mulaw' | 'alaw',
  channelCount: number,
  out: ArrayLike<Float32Array>,
  outOffset = 0,
): number {
  const t = law === 'mulaw' ? MU_LAW_TABLE : A_LAW_TABLE;
  const frames = Math.floor(bytes.length / channelCount);
  for (let c = 0; c < channelCount; c++) {
    const dst = out[c];
    for (let f = 0, i = c, o = outOffset; f < frames; f++, i += channelCount, o++)
      dst[o] = t[bytes[i]];
  }
  return frames;
}
