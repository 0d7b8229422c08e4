/**
 * The line's fine spectrum (line-fine-spectrum.ts) against a direct DFT of the same window: the packed
 * half-size FFT and its split give the 300–3400 Hz bins' power a plain 256-point DFT gives, so hold-music
 * recognition reads the spectrum it was measured on.
 */
import { describe, expect, it } from 'vitest';
import { LineFineSpectrum } from '../../renderer/engine/line-fine-spectrum';

/** The fine structure and level computed the slow, obvious way from the decimated window. */
function directFine(window: Float64Array, rate: number): { fine: number[]; levelDb: number } {
  const n = window.length;
  const lo = Math.max(1, Math.ceil((300 * n) / rate));
  const hi = Math.min(n / 2 - 1, Math.floor((3400 * n) / rate));
  const logPower: number[] = [];
  let power = 0;
  for (let k = lo; k <= hi; k++) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const w = (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n)) * window[i];
      re += w * Math.cos((-2 * Math.PI * k * i) / n);
      im += w * Math.sin((-2 * Math.PI * k * i) / n);
    }
    const p = re * re + im * im;
    power += p;
    logPower.push(Math.log(p + 1e-20));
  }
  const fine = logPower.map((v, k) => {
    const a = Math.max(0, k - 3);
    const b = Math.min(logPower.length - 1, k + 3);
    let s = 0;
    for (let j = a; j <= b; j++) s += logPower[j];
    return v - s / (b - a + 1);
  });
  const mean = fine.reduce((s, v) => s + v, 0) / fine.length;
  const norm = Math.sqrt(fine.reduce((s, v) => s + (v - mean) ** 2, 0));
  return { fine: fine.map((v) => (v - mean) / norm), levelDb: 10 * Math.log10(power + 1e-20) };
}

describe('LineFineSpectrum', () => {
  for (const sampleRate of [8000, 16000, 48000]) {
    it(`gives a direct DFT's fine structure and level at ${sampleRate} Hz`, () => {
      const d = Math.round(sampleRate / 8000);
      const spectrum = new LineFineSpectrum(sampleRate);
      // A chord and some noise, 40 ms: the last 256 decimated samples are the window.
      const x = new Float32Array((sampleRate * 40) / 1000);
      let seed = 7;
      for (let i = 0; i < x.length; i++) {
        seed = (seed * 16807) % 2147483647;
        const t = i / sampleRate;
        x[i] =
          0.2 * Math.sin(2 * Math.PI * 440 * t) +
          0.1 * Math.sin(2 * Math.PI * 1320 * t) +
          0.01 * (seed / 2147483647 - 0.5);
      }
      spectrum.startReading();
      const cut = Math.round(x.length / 3) + 1; // block size does not matter
      spectrum.accumulate(x, 0, cut);
      spectrum.accumulate(x, cut, x.length);
      expect(spectrum.ready).toBe(true);
      spectrum.analyse();
      const decimated = new Float64Array(Math.floor(x.length / d));
      for (let j = 0; j < decimated.length; j++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += x[j * d + i];
        decimated[j] = s / d;
      }
      const expected = directFine(decimated.subarray(decimated.length - 256), sampleRate / d);
      expect(spectrum.bins).toBe(expected.fine.length);
      for (let k = 0; k < expected.fine.length; k++)
        expect(spectrum.current[k]).toBeCloseTo(expected.fine[k], 9);
      expect(spectrum.levelDb).toBeCloseTo(expected.levelDb, 9);
    });
  }
});
