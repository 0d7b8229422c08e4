/**
 * The voice band for the detector: a 4th-order Butterworth high-pass at 250 Hz (two biquads) and a
 * 2nd-order Butterworth low-pass at 3600 Hz. The high-pass takes mains hum (50/60 Hz −45 dB or more,
 * 100/120 Hz −25 dB), handling noise and breath pops off a headset; the low-pass drops hiss above the
 * telephone band. At sample rates where 3600 Hz is close to Nyquist (8 kHz telephone audio, already
 * band-limited) the low-pass is left out. Filter state carries across blocks, so block size never matters.
 */
import { flush } from './k-weighting';

/** Three biquad stages × 5 coefficients (b0, b1, b2, a1, a2), state × 2 per stage. Preallocated. */
export class VoiceBandFilter {
  private readonly coeffs: Float64Array;
  private readonly state = new Float64Array(6);

  constructor(sampleRate: number, lowHz = 250, highHz = 3600) {
    // 4th-order Butterworth = two 2nd-order sections with Q = 1/(2 cos(pi/8)) and 1/(2 cos(3pi/8)).
    // Without the low-pass its stage passes the signal through unchanged (b0 = 1, all else 0: exact).
    this.coeffs = new Float64Array([
      ...highPass(sampleRate, lowHz, 0.5411961),
      ...highPass(sampleRate, lowHz, 1.306563),
      ...(highHz < 0.42 * sampleRate ? lowPass(sampleRate, highHz, Math.SQRT1_2) : PASS_THROUGH),
    ]);
  }

  /**
   * Filters x[start, end) and adds each output's square to `acc`, in sample order (so the total never
   * depends on how the stream was cut into blocks). Each stage is a transposed direct form II biquad; its
   * coefficients and state live in locals for the loop (the detector's hot path).
   */
  accumulateSquares(x: Float32Array, start: number, end: number, acc: number): number {
    const c = this.coeffs;
    const s = this.state;
    const b00 = c[0],
      b01 = c[1],
      b02 = c[2],
      a01 = c[3],
      a02 = c[4];
    const b10 = c[5],
      b11 = c[6],
      b12 = c[7],
      a11 = c[8],
      a12 = c[9];
    const b20 = c[10],
      b21 = c[11],
      b22 = c[12],
      a21 = c[13],
      a22 = c[14];
    let s00 = s[0];
    let s01 = s[1];
    let s10 = s[2];
    let s11 = s[3];
    let s20 = s[4];
    let s21 = s[5];
    let sum = acc;
    for (let i = start; i < end; i++) {
      const v = x[i];
      const y0 = b00 * v + s00;
      s00 = b01 * v - a01 * y0 + s01;
      s01 = b02 * v - a02 * y0;
      const y1 = b10 * y0 + s10;
      s10 = b11 * y0 - a11 * y1 + s11;
      s11 = b12 * y0 - a12 * y1;
      const y2 = b20 * y1 + s20;
      s20 = b21 * y1 - a21 * y2 + s21;
      s21 = b22 * y1 - a22 * y2;
      sum += y2 * y2;
    }
    // Flushed like the K-weighting's: after speech, digital silence would decay the state into
    // denormal numbers, which cost this loop 6× (60 s of silence after a burst: 3.3 s instead of 0.55 s).
    s[0] = flush(s00);
    s[1] = flush(s01);
    s[2] = flush(s10);
    s[3] = flush(s11);
    s[4] = flush(s20);
    s[5] = flush(s21);
    return sum;
  }

  reset(): void {
    this.state.fill(0);
  }
}

const PASS_THROUGH = [1, 0, 0, 0, 0];

// RBJ audio-EQ-cookbook biquads, normalised so a0 = 1.
function highPass(fs: number, f0: number, q: number): number[] {
  const w = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return [
    (1 + cos) / 2 / a0,
    -(1 + cos) / a0,
    (1 + cos) / 2 / a0,
    (-2 * cos) / a0,
    (1 - alpha) / a0,
  ];
}

function lowPass(fs: number, f0: number, q: number): number[] {
  const w = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return [
    (1 - cos) / 2 / a0,
    (1 - cos) / a0,
    (1 - cos) / 2 / a0,
    (-2 * cos) / a0,
    (1 - alpha) / a0,
  ];
}
