/**
 * Both parties' per-sample filters over the same instants: fused-filter-pass.ts's loop for the caller and
 * for the agent, run as one WebAssembly SIMD loop with the caller in lane 0 and the agent in lane 1 of
 * f64x2 (wasm/engine-kernels.wat). Each lane does the scalar loop's operations in its order, so sums,
 * states and peaks are bit-identical to running runFusedFilterPass twice — which is what happens where
 * the kernels cannot run (wasm/engine-kernels.ts). The AudioWorklet, the analyser and the tests all come
 * through here. Measured on the bench's 10-minute stereo call: README, Benchmarks.
 */
import type { KWeightingFilter } from './k-weighting';
import { runFusedFilterPass } from './fused-filter-pass';
import type { VoiceBandFilter } from './voice-band-filter';
import { FILTER_MAX_FRAMES, engineKernels } from './wasm/engine-kernels';

/** What one party's pass advances: its filters and its running sums (fused-filter-pass.ts's SUM_* order). */
export interface PartyFilters {
  readonly kw: KWeightingFilter;
  readonly band: VoiceBandFilter;
  readonly sums: Float64Array;
}

/** Where each party's numbers sit among the kernel's (caller, agent) pairs (engine-kernels.wat). */
const KW_COEFFS = 0;
const BAND_COEFFS = 7;
const KW_STATE = 15;
const BAND_STATE = 23;
const SUMS = 31;

function putPairs(
  pairs: Float64Array,
  at: number,
  c: Float64Array,
  a: Float64Array,
  n: number,
): void {
  for (let k = 0, o = at * 2; k < n; k++, o += 2) {
    pairs[o] = c[k];
    pairs[o + 1] = a[k];
  }
}

function takePairs(
  pairs: Float64Array,
  at: number,
  c: Float64Array,
  a: Float64Array,
  n: number,
): void {
  for (let k = 0, o = at * 2; k < n; k++, o += 2) {
    c[k] = pairs[o];
    a[k] = pairs[o + 1];
  }
}

/**
 * Runs caller.kw and caller.band over xc[start, end) and agent's over xa[start, end), adding to each
 * party's sums as runFusedFilterPass does, then settles the filters (denormal flush, peak).
 */
export function runStereoFilterPass(
  caller: PartyFilters,
  agent: PartyFilters,
  xc: Float32Array,
  xa: Float32Array,
  start: number,
  end: number,
): void {
  const k = engineKernels();
  if (!k) {
    runFusedFilterPass(caller.kw, caller.band, xc, start, end, caller.sums);
    runFusedFilterPass(agent.kw, agent.band, xa, start, end, agent.sums);
    return;
  }
  const { callerInput, agentInput, pairs, coeffs } = k;
  // Coefficients are copied in only when other filters than last time's run (a new engine, a new rate).
  if (coeffs[0] !== caller.kw.coeffs || coeffs[1] !== agent.kw.coeffs) {
    putPairs(pairs, KW_COEFFS, caller.kw.coeffs, agent.kw.coeffs, 7);
    coeffs[0] = caller.kw.coeffs;
    coeffs[1] = agent.kw.coeffs;
  }
  if (coeffs[2] !== caller.band.coeffs || coeffs[3] !== agent.band.coeffs) {
    putPairs(pairs, BAND_COEFFS, caller.band.coeffs, agent.band.coeffs, 8);
    coeffs[2] = caller.band.coeffs;
    coeffs[3] = agent.band.coeffs;
  }
  putPairs(pairs, KW_STATE, caller.kw.state, agent.kw.state, 8);
  putPairs(pairs, BAND_STATE, caller.band.state, agent.band.state, 8);
  putPairs(pairs, SUMS, caller.sums, agent.sums, 3);
  for (let pos = start; pos < end;) {
    const n = end - pos < FILTER_MAX_FRAMES ? end - pos : FILTER_MAX_FRAMES;
    // TypedArray.set copies as memcpy: 0.2 ns a frame here against 1.9 for an element loop. A part of
    // a block costs two small views (short-lived garbage); a whole block none.
    if (pos === 0 && n === xc.length && n === xa.length) {
      callerInput.set(xc);
      agentInput.set(xa);
    } else {
      callerInput.set(xc.subarray(pos, pos + n));
      agentInput.set(xa.subarray(pos, pos + n));
    }
    k.run(n);
    pos += n;
  }
  takePairs(pairs, KW_STATE, caller.kw.state, agent.kw.state, 8);
  takePairs(pairs, BAND_STATE, caller.band.state, agent.band.state, 8);
  takePairs(pairs, SUMS, caller.sums, agent.sums, 3);
  caller.kw.settle();
  agent.kw.settle();
  caller.band.settle();
  agent.band.settle();
}
