/**
 * The voice band for the detector: a 4th-order Butterworth high-pass at 250 Hz (two biquads) and a
 * 2nd-order Butterworth low-pass at 3600 Hz. The high-pass takes mains hum (50/60 Hz −45 dB or more,
 * 100/120 Hz −25 dB), handling noise and breath pops off a headset; the low-pass drops hiss above the
 * telephone band. At sample rates where 3600 Hz is close to Nyquist (8 kHz telephone audio, already
 * band-limited) the low-pass is left out. Filter state carries across blocks, so block size never matters.
 */
import { flush } from './k-weighting';

/**
 * Each stage runs in direct form I with its numerator's gain taken out: a Butterworth high-pass biquad is
 * g·(1, −2, 1) over (1, a1, a2), the low-pass g·(1, 2, 1). The three gains multiply into one, applied
 * to the sum of squares (× g²) when it is read. That is 6 multiplications a sample instead of 15: the
 * detector's filter took 0.35 s of a 10-minute stereo call as three transposed-direct-form-II biquads,
 * 0.22 s so (the sums differ by about 1e-13 relative). Preallocated.
 *
 * `coeffs` (a1, a2 of each stage, then the third stage's numerator taps m1, m2: 2, 1 for the low-pass, 0, 0
 * when it is left out) and `state` are read-only outside this class except for fused-filter-pass.ts,
 * which runs this filter in the same loop as the K-weighting (and calls settle() after).
 */
export class VoiceBandFilter {
  readonly coeffs: Float64Array;
  /** The last two inputs, then the last two outputs of each stage (v1, v2, p1, p2, q1, q2, r1, r2). */
  readonly state = new Float64Array(8);
  /** Square of the three stages' numerator gains: multiplies a sum of squared stage-3 outputs. */
  readonly gainSquared: number;

  constructor(sampleRate: number, lowHz = 250, highHz = 3600) {
    // 4th-order Butterworth = two 2nd-order sections with Q = 1/(2 cos(pi/8)) and 1/(2 cos(3pi/8)).
    // Without the low-pass its stage passes the signal through unchanged (gain 1, taps 0: exact).
    const h1 = highPass(sampleRate, lowHz, 0.5411961);
    const h2 = highPass(sampleRate, lowHz, 1.306563);
    const lp =
      highHz < 0.42 * sampleRate
        ? lowPass(sampleRate, highHz, Math.SQRT1_2)
        : { gain: 1, a1: 0, a2: 0, m1: 0, m2: 0 };
    this.coeffs = new Float64Array([h1.a1, h1.a2, h2.a1, h2.a2, lp.a1, lp.a2, lp.m1, lp.m2]);
    const g = h1.gain * h2.gain * lp.gain;
    this.gainSquared = g * g;
  }

  /**
   * Filters x[start, end) and adds each output's square, in sample order (so the total never depends on
   * how the stream was cut into blocks), to `acc` — a running sum in this filter's own scale: multiply it
   * by gainSquared to read it. Coefficients and state live in locals for the loop.
   */
  accumulateSquares(x: Float32Array, start: number, end: number, acc: number): number {
    const c = this.coeffs;
    const a01 = c[0],
      a02 = c[1],
      a11 = c[2],
      a12 = c[3],
      a21 = c[4],
      a22 = c[5],
      m1 = c[6],
      m2 = c[7];
    const s = this.state;
    let v1 = s[0],
      v2 = s[1],
      p1 = s[2],
      p2 = s[3],
      q1 = s[4],
      q2 = s[5],
      r1 = s[6],
      r2 = s[7];
    let sum = acc;
    for (let i = start; i < end; i++) {
      const v = x[i];
      const p = v - 2 * v1 + v2 - a02 * p2 - a01 * p1;
      const q = p - 2 * p1 + p2 - a12 * q2 - a11 * q1;
      const r = q + m1 * q1 + m2 * q2 - a22 * r2 - a21 * r1;
      v2 = v1;
      v1 = v;
      p2 = p1;
      p1 = p;
      q2 = q1;
      q1 = q;
      r2 = r1;
      r1 = r;
      sum += r * r;
    }
    s[0] = v1;
    s[1] = v2;
    s[2] = p1;
    s[3] = p2;
    s[4] = q1;
    s[5] = q2;
    s[6] = r1;
    s[7] = r2;
    this.settle();
    return sum;
  }

  /**
   * Ends a run over the samples. Flushed like the K-weighting's: after speech, digital silence would decay
   * the state into denormal numbers, which cost this loop 6× (60 s of silence after a burst: 3.3 s
   * instead of 0.55 s). The inputs (v1, v2) are samples, never decayed.
   */
  settle(): void {
    const s = this.state;
    for (let i = 2; i < 8; i++) s[i] = flush(s[i]);
  }

  reset(): void {
    this.state.fill(0);
  }
}

/** One RBJ biquad section: numerator g·(1, m1, m2) over (1, a1, a2). */
export interface Section {
  /** Numerator gain g (numerator g·(1, m1, m2)). */
  gain: number;
  a1: number;
  a2: number;
  m1: number;
  m2: number;
}

// RBJ audio-EQ-cookbook biquads, normalised so a0 = 1.
export function highPass(fs: number, f0: number, q: number): Section {
  const w = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return { gain: (1 + cos) / 2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0, m1: -2, m2: 1 };
}

function lowPass(fs: number, f0: number, q: number): Section {
  const w = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return { gain: (1 - cos) / 2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0, m1: 2, m2: 1 };
}
