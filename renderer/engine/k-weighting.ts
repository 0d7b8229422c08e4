/**
 * K-weighting (ITU-R BS.1770-4): a high-shelf "pre-filter" (the acoustic effect of the head) followed by the
 * RLB high-pass. The standard tabulates biquad coefficients for 48 kHz only; here they are derived for any
 * sample rate from the analog prototypes (f0, Q, gain) through the bilinear transform with pre-warping, the
 * way libebur128 and ffmpeg's ebur128 filter do. At 48 kHz this reproduces the standard's table to ~1e-8.
 *
 * Pure computation: runs in an AudioWorklet, in Node and in tests. Filter state is float64; the hot loops
 * keep coefficients and state in locals and allocate nothing.
 */

/** One second-order section, normalised so that a0 = 1: y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

export interface KWeightingCoefficients {
  readonly sampleRate: number;
  /** Stage 1: high shelf, about +4 dB above 2 kHz. */
  readonly shelf: BiquadCoefficients;
  /** Stage 2: RLB high-pass (b = 1, -2, 1 as in the standard, not normalised to unity gain). */
  readonly highPass: BiquadCoefficients;
}

/** Analog prototype of the BS.1770 shelf (values fitted to the standard's 48 kHz table, as in libebur128). */
const SHELF_F0_HZ = 1681.974450955533;
const SHELF_GAIN_DB = 3.999843853973347;
const SHELF_Q = 0.7071752369554196;
const SHELF_VB_EXPONENT = 0.4996667741545416;
/** Analog prototype of the RLB high-pass. */
const HIGH_PASS_F0_HZ = 38.13547087602444;
const HIGH_PASS_Q = 0.5003270373238773;

export const MIN_SAMPLE_RATE = 8000;
export const MAX_SAMPLE_RATE = 96000;

export function assertSupportedSampleRate(sampleRate: number): void {
  if (
    !Number.isFinite(sampleRate) ||
    sampleRate < MIN_SAMPLE_RATE ||
    sampleRate > MAX_SAMPLE_RATE
  ) {
    throw new RangeError(
      `Sample rate ${sampleRate} Hz is outside the supported ${MIN_SAMPLE_RATE}–${MAX_SAMPLE_RATE} Hz.`,
    );
  }
}

/** K-weighting biquads for `sampleRate` (8–96 kHz). */
export function kWeightingCoefficients(sampleRate: number): KWeightingCoefficients {
  assertSupportedSampleRate(sampleRate);

  const k = Math.tan((Math.PI * SHELF_F0_HZ) / sampleRate);
  const vh = Math.pow(10, SHELF_GAIN_DB / 20);
  const vb = Math.pow(vh, SHELF_VB_EXPONENT);
  const a0 = 1 + k / SHELF_Q + k * k;
  const shelf: BiquadCoefficients = {
    b0: (vh + (vb * k) / SHELF_Q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / SHELF_Q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / SHELF_Q + k * k) / a0,
  };

  const kh = Math.tan((Math.PI * HIGH_PASS_F0_HZ) / sampleRate);
  const ah0 = 1 + kh / HIGH_PASS_Q + kh * kh;
  const highPass: BiquadCoefficients = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (kh * kh - 1)) / ah0,
    a2: (1 - kh / HIGH_PASS_Q + kh * kh) / ah0,
  };

  return { sampleRate, shelf, highPass };
}

/** States smaller than this are flushed to zero after each call, so long silences never reach denormals. */
const DENORMAL_FLUSH = 1e-30;

export function flush(v: number): number {
  return v < DENORMAL_FLUSH && v > -DENORMAL_FLUSH ? 0 : v;
}

/**
 * One channel of K-weighting: the two biquads in direct form I (float64 state), run in a single pass.
 * Direct form I keeps the loop-carried dependency to one multiply and one subtraction per stage, which is
 * what bounds the speed of an IIR filter; it is also numerically the most robust form.
 * Feed consecutive samples in calls of any length; the output does not depend on how the signal is split.
 * As a by-product it tracks the largest absolute input sample (the sample peak) since the last reset.
 */
export class KWeightingFilter {
  readonly coefficients: KWeightingCoefficients;
  // Coefficients copied into fields so the hot loops read plain numbers.
  private readonly sb0: number;
  private readonly sb1: number;
  private readonly sb2: number;
  private readonly sa1: number;
  private readonly sa2: number;
  private readonly ha1: number;
  private readonly ha2: number;
  // State: the last two inputs, shelf outputs (y) and high-pass outputs (z).
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  private z1 = 0;
  private z2 = 0;
  // Running max and min of the input (branch-free Math.max/min; NaN-poisoned by a NaN sample until store()).
  private hi = 0;
  private lo = 0;
  /** Largest |input| confirmed at the end of a call. */
  private peak = 0;

  constructor(sampleRate: number) {
    this.coefficients = kWeightingCoefficients(sampleRate);
    const { shelf, highPass } = this.coefficients;
    this.sb0 = shelf.b0;
    this.sb1 = shelf.b1;
    this.sb2 = shelf.b2;
    this.sa1 = shelf.a1;
    this.sa2 = shelf.a2;
    this.ha1 = highPass.a1;
    this.ha2 = highPass.a2;
  }

  /**
   * Filters input[start, end) and returns `acc` plus the sum of the squared K-weighted samples. Adding into
   * the caller's accumulator in sample order makes the result bit-identical however the signal is split.
   */
  accumulateSquares(input: Float32Array, start: number, end: number, acc: number): number {
    const b0 = this.sb0;
    const b1 = this.sb1;
    const b2 = this.sb2;
    const a1 = this.sa1;
    const a2 = this.sa2;
    const c1 = this.ha1;
    const c2 = this.ha2;
    let x1 = this.x1;
    let x2 = this.x2;
    let y1 = this.y1;
    let y2 = this.y2;
    let z1 = this.z1;
    let z2 = this.z2;
    let hi = this.hi;
    let lo = this.lo;
    let sum = acc;
    for (let i = start; i < end; i++) {
      const x0 = input[i];
      const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a2 * y2 - a1 * y1;
      const z0 = y0 - 2 * y1 + y2 - c2 * z2 - c1 * z1;
      x2 = x1;
      x1 = x0;
      y2 = y1;
      y1 = y0;
      z2 = z1;
      z1 = z0;
      sum += z0 * z0;
      hi = Math.max(hi, x0);
      lo = Math.min(lo, x0);
    }
    this.store(x1, x2, y1, y2, z1, z2, hi, lo);
    return sum;
  }

  /** Filters input[start, end) into output[outStart, ...) (output may be the input array: in place). */
  process(
    input: Float32Array,
    start: number,
    end: number,
    output: Float32Array | Float64Array,
    outStart = start,
  ): void {
    const b0 = this.sb0;
    const b1 = this.sb1;
    const b2 = this.sb2;
    const a1 = this.sa1;
    const a2 = this.sa2;
    const c1 = this.ha1;
    const c2 = this.ha2;
    let x1 = this.x1;
    let x2 = this.x2;
    let y1 = this.y1;
    let y2 = this.y2;
    let z1 = this.z1;
    let z2 = this.z2;
    let hi = this.hi;
    let lo = this.lo;
    let o = outStart;
    for (let i = start; i < end; i++) {
      const x0 = input[i];
      const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a2 * y2 - a1 * y1;
      const z0 = y0 - 2 * y1 + y2 - c2 * z2 - c1 * z1;
      x2 = x1;
      x1 = x0;
      y2 = y1;
      y1 = y0;
      z2 = z1;
      z1 = z0;
      output[o++] = z0;
      hi = Math.max(hi, x0);
      lo = Math.min(lo, x0);
    }
    this.store(x1, x2, y1, y2, z1, z2, hi, lo);
  }

  /**
   * Largest absolute input sample since construction or the last reset. A call that contained a NaN sample
   * contributes nothing to it (its other samples included).
   */
  get inputPeak(): number {
    return this.peak;
  }

  /** True when the state holds NaN or ±Infinity (a NaN sample poisons an IIR filter until reset). */
  isPoisoned(): boolean {
    return !(
      Number.isFinite(this.y1) &&
      Number.isFinite(this.y2) &&
      Number.isFinite(this.z1) &&
      Number.isFinite(this.z2) &&
      Number.isFinite(this.x1) &&
      Number.isFinite(this.x2)
    );
  }

  /** Clears the filter state (as after silence) and, unless keepPeak, the peak. */
  reset(keepPeak = false): void {
    this.x1 = 0;
    this.x2 = 0;
    this.y1 = 0;
    this.y2 = 0;
    this.z1 = 0;
    this.z2 = 0;
    if (!keepPeak) this.peak = 0;
    this.hi = this.peak;
    this.lo = -this.peak;
  }

  private store(
    x1: number,
    x2: number,
    y1: number,
    y2: number,
    z1: number,
    z2: number,
    hi: number,
    lo: number,
  ): void {
    this.x1 = x1;
    this.x2 = x2;
    this.y1 = flush(y1);
    this.y2 = flush(y2);
    this.z1 = flush(z1);
    this.z2 = flush(z2);
    const p = Math.max(hi, -lo);
    if (p > this.peak) this.peak = p;
    if (p === p) {
      this.hi = hi;
      this.lo = lo;
    } else {
      this.hi = this.peak;
      this.lo = -this.peak;
    }
  }
}
