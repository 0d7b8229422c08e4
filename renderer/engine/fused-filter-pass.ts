/**
 * One pass over a party's samples for everything the engine computes per sample: the K-weighting (loudness
 * meter, with the sample peak), the voice band filter and the raw energy (voice detector). Each sum is the
 * same as its filter's own accumulateSquares gives — same operations, same order, so results are
 * bit-identical to running the three loops one after another — but the samples are read once and the CPU
 * overlaps the three independent filter chains. Measured on the 10-minute stereo bench call (Node 20, this
 * 2-core VM): the three loops took 0.57 s, this one 0.46 s. Running both parties in one scalar loop as
 * well was slower (0.57 s: 34 live filter states no longer fit in registers); in the two lanes of
 * WebAssembly SIMD it is faster, and that is what the engine runs (stereo-filter-pass.ts) — this loop is
 * its definition and its fallback.
 *
 * The filters' state is loaded into locals, stored back and settled (denormal flush, peak) after the run,
 * as their own loops do.
 */
import {
  KW_HI,
  KW_LO,
  KW_X1,
  KW_X2,
  KW_Y1,
  KW_Y2,
  KW_Z1,
  KW_Z2,
  type KWeightingFilter,
} from './k-weighting';
import type { VoiceBandFilter } from './voice-band-filter';

/** Indices into the sums array of runFusedFilterPass. */
export const SUM_K_WEIGHTED = 0;
export const SUM_VOICE_BAND = 1;
export const SUM_RAW = 2;

/**
 * Runs x[start, end) through `kw` and `band`; adds the squared K-weighted, band-limited (in the band
 * filter's own scale: see its gainSquared) and raw samples, in sample order, to sums[SUM_K_WEIGHTED],
 * sums[SUM_VOICE_BAND] and sums[SUM_RAW].
 */
export function runFusedFilterPass(
  kw: KWeightingFilter,
  band: VoiceBandFilter,
  x: Float32Array,
  start: number,
  end: number,
  sums: Float64Array,
): void {
  const k = kw.coeffs;
  const b0 = k[0];
  const b1 = k[1];
  const b2 = k[2];
  const a1 = k[3];
  const a2 = k[4];
  const c1 = k[5];
  const c2 = k[6];
  const st = kw.state;
  let x1 = st[KW_X1];
  let x2 = st[KW_X2];
  let y1 = st[KW_Y1];
  let y2 = st[KW_Y2];
  let z1 = st[KW_Z1];
  let z2 = st[KW_Z2];
  let hi = st[KW_HI];
  let lo = st[KW_LO];
  let kSum = sums[SUM_K_WEIGHTED];

  const c = band.coeffs;
  const a01 = c[0],
    a02 = c[1],
    a11 = c[2],
    a12 = c[3],
    a21 = c[4],
    a22 = c[5],
    m1 = c[6],
    m2 = c[7];
  const s = band.state;
  let v1 = s[0],
    v2 = s[1],
    p1 = s[2],
    p2 = s[3],
    q1 = s[4],
    q2 = s[5],
    r1 = s[6],
    r2 = s[7];
  let bandSum = sums[SUM_VOICE_BAND];
  let rawSum = sums[SUM_RAW];

  for (let i = start; i < end; i++) {
    const x0 = x[i];
    // K-weighting (k-weighting.ts).
    const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a2 * y2 - a1 * y1;
    const z0 = y0 - 2 * y1 + y2 - c2 * z2 - c1 * z1;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
    z2 = z1;
    z1 = z0;
    kSum += z0 * z0;
    hi = Math.max(hi, x0);
    lo = Math.min(lo, x0);
    // Voice band (voice-band-filter.ts), in its own scale.
    const p = x0 - 2 * v1 + v2 - a02 * p2 - a01 * p1;
    const q = p - 2 * p1 + p2 - a12 * q2 - a11 * q1;
    const r = q + m1 * q1 + m2 * q2 - a22 * r2 - a21 * r1;
    v2 = v1;
    v1 = x0;
    p2 = p1;
    p1 = p;
    q2 = q1;
    q1 = q;
    r2 = r1;
    r1 = r;
    bandSum += r * r;
    // Raw energy (voice-activity.ts: digital silence).
    rawSum += x0 * x0;
  }

  st[KW_X1] = x1;
  st[KW_X2] = x2;
  st[KW_Y1] = y1;
  st[KW_Y2] = y2;
  st[KW_Z1] = z1;
  st[KW_Z2] = z2;
  st[KW_HI] = hi;
  st[KW_LO] = lo;
  kw.settle();
  s[0] = v1;
  s[1] = v2;
  s[2] = p1;
  s[3] = p2;
  s[4] = q1;
  s[5] = q2;
  s[6] = r1;
  s[7] = r2;
  band.settle();
  sums[SUM_K_WEIGHTED] = kSum;
  sums[SUM_VOICE_BAND] = bandSum;
  sums[SUM_RAW] = rawSum;
}
