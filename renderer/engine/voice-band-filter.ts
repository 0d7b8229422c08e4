/**
 * The voice band for the detector: a 4th-order Butterworth high-pass at 250 Hz (two biquads) and a
 * 2nd-order Butterworth low-pass at 3600 Hz. The high-pass takes mains hum (50/60 Hz −45 dB or more,
 * 100/120 Hz −25 dB), handling noise and breath pops off a headset; the low-pass drops hiss above the
 * telephone band. At sample rates where 3600 Hz is close to Nyquist (8 kHz telephone audio, already
 * band-limited) the low-pass is left out. Filters run sample by sample, so block size never matters.
 */

/** Stages × 5 coefficients (b0, b1, b2, a1, a2), state × 2 per stage. Preallocated, no allocation in run(). */
export class VoiceBandFilter {
  private readonly coeffs: Float64Array;
  private readonly state: Float64Array;
  private readonly stages: number;

  constructor(sampleRate: number, lowHz = 250, highHz = 3600) {
    const sections: number[][] = [];
    // 4th-order Butterworth = two 2nd-order sections with Q = 1/(2 cos(pi/8)) and 1/(2 cos(3pi/8)).
    sections.push(highPass(sampleRate, lowHz, 0.5411961));
    sections.push(highPass(sampleRate, lowHz, 1.3065630));
    if (highHz < 0.42 * sampleRate) sections.push(lowPass(sampleRate, highHz, Math.SQRT1_2));
    this.stages = sections.length;
    this.coeffs = new Float64Array(sections.flat());
    this.state = new Float64Array(this.stages * 2);
  }

  /** Filters one sample through every stage (transposed direct form II). */
  run(x: number): number {
    const c = this.coeffs;
    const s = this.state;
    let v = x;
    for (let i = 0; i < this.stages; i++) {
      const k = i * 5;
      const j = i * 2;
      const y = c[k] * v + s[j];
      s[j] = c[k + 1] * v - c[k + 3] * y + s[j + 1];
      s[j + 1] = c[k + 2] * v - c[k + 4] * y;
      v = y;
    }
    return v;
  }

  reset(): void {
    this.state.fill(0);
  }
}

// RBJ audio-EQ-cookbook biquads, normalised so a0 = 1.
function highPass(fs: number, f0: number, q: number): number[] {
  const w = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return [(1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0];
}

function lowPass(fs: number, f0: number, q: number): number[] {
  const w = (2 * Math.PI * f0) / fs;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return [(1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0];
}
