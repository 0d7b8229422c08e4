/**
 * K-weighting: the coefficients the standard tabulates at 48 kHz, the shape of the curve at every supported
 * rate (from the coefficients and by filtering sines), and split-independence of the filter.
 */
import { describe, expect, it } from 'vitest';
import {
  KWeightingFilter,
  kWeightingCoefficients,
  type BiquadCoefficients,
} from '../../renderer/engine/k-weighting';
import { sine } from '../support/test-audio';

/** ITU-R BS.1770-4, Annex 1, Tables 1 and 2 (48 kHz). */
const BS1770_48K = {
  shelf: {
    b0: 1.53512485958697,
    b1: -2.69169618940638,
    b2: 1.19839281085285,
    a1: -1.69065929318241,
    a2: 0.73248077421585,
  },
  highPass: { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 },
};

const RATES = [8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000];

function biquadGainDb(c: BiquadCoefficients, f: number, sampleRate: number): number {
  const w = (2 * Math.PI * f) / sampleRate;
  const re = (b0: number, b1: number, b2: number) => b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w);
  const im = (b1: number, b2: number) => -(b1 * Math.sin(w) + b2 * Math.sin(2 * w));
  const num = Math.hypot(re(c.b0, c.b1, c.b2), im(c.b1, c.b2));
  const den = Math.hypot(re(1, c.a1, c.a2), im(c.a1, c.a2));
  return 20 * Math.log10(num / den);
}

function kGainDb(sampleRate: number, f: number): number {
  const c = kWeightingCoefficients(sampleRate);
  return biquadGainDb(c.shelf, f, sampleRate) + biquadGainDb(c.highPass, f, sampleRate);
}

describe('K-weighting coefficients', () => {
  it('reproduce the 48 kHz coefficients tabulated in BS.1770-4', () => {
    const c = kWeightingCoefficients(48000);
    for (const stage of ['shelf', 'highPass'] as const) {
      for (const k of ['b0', 'b1', 'b2', 'a1', 'a2'] as const) {
        expect(Math.abs(c[stage][k] - BS1770_48K[stage][k]), `${stage}.${k}`).toBeLessThan(1e-8);
      }
    }
  });

  it('give the same curve at every rate from 8 to 96 kHz, within the warping of the bilinear transform', () => {
    // Derived as libebur128 and ffmpeg derive them, so the warping near Nyquist is theirs too: at 8 kHz the shelf
    // reads up to ~0.4 dB high around 2 kHz; from 44.1 kHz up the curve matches 48 kHz to a few hundredths of a dB.
    for (const sr of RATES) {
      expect(kGainDb(sr, 10), `${sr} Hz at 10 Hz`).toBeLessThan(-20);
      for (const f of [50, 100, 500, 1000]) {
        expect(Math.abs(kGainDb(sr, f) - kGainDb(48000, f)), `${sr} Hz at ${f} Hz`).toBeLessThan(
          sr >= 44100 ? 0.03 : 0.25,
        );
      }
      for (const f of [2000, 3000, 6000].filter((f) => f < sr / 2.5)) {
        expect(Math.abs(kGainDb(sr, f) - kGainDb(48000, f)), `${sr} Hz at ${f} Hz`).toBeLessThan(
          sr >= 44100 ? 0.03 : 0.45,
        );
      }
    }
    // The standard's shape: about 0 dB at 500 Hz, +0.7 dB at 1 kHz, close to +4 dB above 5 kHz, -4 dB at 50 Hz.
    expect(kGainDb(48000, 500)).toBeCloseTo(0.04, 1);
    expect(kGainDb(48000, 1000)).toBeCloseTo(0.7, 1);
    expect(kGainDb(48000, 8000)).toBeCloseTo(4.0, 1);
    expect(kGainDb(48000, 50)).toBeCloseTo(-3.9, 1);
  });

  it('reject rates the engine does not support', () => {
    expect(() => kWeightingCoefficients(7999)).toThrow(RangeError);
    expect(() => kWeightingCoefficients(192000)).toThrow(/outside the supported/);
  });
});

describe('KWeightingFilter', () => {
  it('filters a sine by the gain the coefficients predict', () => {
    for (const sr of [8000, 44100, 96000]) {
      for (const f of [60, 1000, 3000]) {
        const x = sine({ sampleRate: sr, seconds: 2, peakDbfs: -6, frequency: f });
        const filter = new KWeightingFilter(sr);
        const settle = sr; // skip the first second (filter transient)
        filter.accumulateSquares(x, 0, settle, 0);
        const energy = filter.accumulateSquares(x, settle, x.length, 0) / (x.length - settle);
        const gainDb = 10 * Math.log10(energy / (0.5 * Math.pow(10, -6 / 10)));
        expect(Math.abs(gainDb - kGainDb(sr, f)), `${f} Hz at ${sr} Hz`).toBeLessThan(0.02);
      }
    }
  });

  it('gives bit-identical output however the input is split, and process() matches accumulateSquares()', () => {
    const x = sine({ sampleRate: 44100, seconds: 1, peakDbfs: -3, frequency: 440 });
    for (let i = 0; i < x.length; i += 97) x[i] += 0.2; // make it less regular
    const whole = new KWeightingFilter(44100);
    const sumWhole = whole.accumulateSquares(x, 0, x.length, 0);
    const split = new KWeightingFilter(44100);
    let sum = 0;
    for (let s = 0, k = 1; s < x.length; s += k, k = ((k * 7) % 501) + 1)
      sum = split.accumulateSquares(x, s, Math.min(x.length, s + k), sum);
    expect(sum).toBe(sumWhole);

    const out = new Float64Array(x.length);
    new KWeightingFilter(44100).process(x, 0, x.length, out);
    let sq = 0;
    for (let i = 0; i < out.length; i++) sq += out[i] * out[i];
    expect(sq).toBe(sumWhole);
  });

  it('tracks the input sample peak and decays to exact zero after long silence', () => {
    const f = new KWeightingFilter(48000);
    const x = sine({ sampleRate: 48000, seconds: 0.5, peakDbfs: -10 });
    x[1234] = -0.9;
    f.accumulateSquares(x, 0, x.length, 0);
    expect(f.inputPeak).toBeCloseTo(0.9, 6);
    const quiet = new Float32Array(48000 * 30);
    const tail = f.accumulateSquares(quiet, 0, quiet.length, 0);
    expect(tail).toBeGreaterThan(0);
    expect(f.accumulateSquares(quiet, 0, 48000, 0)).toBe(0);
    f.reset();
    expect(f.inputPeak).toBe(0);
  });
});
