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

/** Indices into KWeightingFilter.state. */
export const KW_X1 = 0;
export const KW_X2 = 1;
export const KW_Y1 = 2;
export const KW_Y2 = 3;
export const KW_Z1 = 4;
export const KW_Z2 = 5;
export const KW_HI = 6;
export const KW_LO = 7;

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
  /**
   * The coefficients as the hot loops read them: shelf b0, b1, b2, a1, a2, then high-pass a1, a2 (its b
   * are 1, −2, 1). Read-only outside this class; fused-filter-pass.ts runs this filter too.
   */
  readonly coeffs: Float64Array;
  /**
   * State, at the indices KW_*: the last two inputs (x), shelf outputs (y), high-pass outputs (z), and the
   * running max and min of the input (branch-free Math.max/min; NaN-poisoned by a NaN sample until
   * settle()). A loop that runs this filter loads it into locals, stores it back, then calls settle().
   */
  readonly state = new Float64Array(8);
  /** Largest |input| confirmed at the end of a call. */
  private peak = 0;

  constructor(sampleRate: number) {
    this.coefficients = kWeightingCoefficients(sampleRate);
    const { shelf, highPass } = this.coefficients;
    this.coeffs = new Float64Array([
      shelf.b0,
      shelf.b1,
      shelf.b2,
      shelf.a1,
      shelf.a2,
      highPass.a1,
      highPass.a2,
    ]);
  }

  /**
   * Filters input[start, end) and returns `acc` plus the sum of the squared K-weighted samples. Adding into
   * the caller's accumulator in sample order makes the result bit-identical however the signal is split.
   */
  accumulateSquares(input: Float32Array, start: number, end: number, acc: number): number {
    const k = this.coeffs;
    const b0 = k[0];
    const b1 = k[1];
    const b2 = k[2];
    const a1 = k[3];
    const a2 = k[4];
    const c1 = k[5];
    const c2 = k[6];
    const st = this.state;
    let x1 = st[KW_X1];
    let x2 = st[KW_X2];
    let y1 = st[KW_Y1];
    let y2 = st[KW_Y2];
    let z1 = st[KW_Z1];
    let z2 = st[KW_Z2];
    let hi = st[KW_HI];
    let lo = st[KW_LO];
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
    st[KW_X1] = x1;
    st[KW_X2] = x2;
    st[KW_Y1] = y1;
    st[KW_Y2] = y2;
    st[KW_Z1] = z1;
    st[KW_Z2] = z2;
    st[KW_HI] = hi;
    st[KW_LO] = lo;
    this.settle();
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
    const k = this.coeffs;
    const b0 = k[0];
    const b1 = k[1];
    const b2 = k[2];
    const a1 = k[3];
    const a2 = k[4];
    const c1 = k[5];
    const c2 = k[6];
    const st = this.state;
    let x1 = st[KW_X1];
    let x2 = st[KW_X2];
    let y1 = st[KW_Y1];
    let y2 = st[KW_Y2];
    let z1 = st[KW_Z1];
    let z2 = st[KW_Z2];
    let hi = st[KW_HI];
    let lo = st[KW_LO];
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
    st[KW_X1] = x1;
    st[KW_X2] = x2;
    st[KW_Y1] = y1;
    st[KW_Y2] = y2;
    st[KW_Z1] = z1;
    st[KW_Z2] = z2;
    st[KW_HI] = hi;
    st[KW_LO] = lo;
    this.settle();
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
    const st = this.state;
    for (let i = KW_X1; i <= KW_Z2; i++) if (!Number.isFinite(st[i])) return true;
    return false;
  }

  /** Clears the filter state (as after silence) and, unless keepPeak, the peak. */
  reset(keepPeak = false): void {
    this.state.fill(0);
    if (!keepPeak) this.peak = 0;
    this.state[KW_HI] = this.peak;
    this.state[KW_LO] = -this.peak;
  }

  /**
   * Ends a run over the samples: flushes tiny outputs to zero (so long silences never reach denormal
   * numbers) and confirms the peak from the running max and min (a run with a NaN sample adds nothing).
   */
  settle(): void {
    const st = this.state;
    st[KW_Y1] = flush(st[KW_Y1]);
    st[KW_Y2] = flush(st[KW_Y2]);
    st[KW_Z1] = flush(st[KW_Z1]);
    st[KW_Z2] = flush(st[KW_Z2]);
    const hi = st[KW_HI];
    const lo = st[KW_LO];
    const p = Math.max(hi, -lo);
    if (p > this.peak) this.peak = p;
    if (p !== p) {
      st[KW_HI] = this.peak;
      st[KW_LO] = -this.peak;
    }
  }
}
