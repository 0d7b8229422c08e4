/**
 * LoudnessMeter behaviour a user of the live meter or the analyser would notice: how readings rise and fall
 * around level steps, the two gates of integrated loudness (against an exact brute-force BS.1770 gating of
 * the same signal), hours-long runs, bad samples, reset, the fast level bar and the peak.
 */
import { describe, expect, it } from 'vitest';
import { KWeightingFilter } from '../../renderer/engine/k-weighting';
import { LoudnessHistogram } from '../../renderer/engine/loudness-histogram';
import {
  ABSOLUTE_GATE_LUFS,
  LoudnessMeter,
  powerToLufs,
} from '../../renderer/engine/loudness-meter';
import { concat, dbToGain, seededRandom, silence, sine } from '../support/test-audio';

const STEREO_SINE_OFFSET = 0; // a sine at P dBFS in both channels reads ≈ P LUFS

function feed(meter: LoudnessMeter, channels: Float32Array[], block = 128): void {
  const n = channels[0].length;
  for (let s = 0; s < n; s += block) meter.process(channels, s, Math.min(n, s + block));
}

/** Exact BS.1770-4 integrated loudness: 400 ms blocks every 100 ms over the whole signal, both gates, no bins. */
function referenceIntegrated(channels: Float32Array[], sampleRate: number): number | null {
  const n = channels[0].length;
  const weighted = channels.map((x) => {
    const out = new Float64Array(n);
    new KWeightingFilter(sampleRate).process(x, 0, n, out);
    return out;
  });
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  const powers: number[] = [];
  for (let start = 0; start + block <= n; start += hop) {
    let p = 0;
    for (const w of weighted) {
      let s = 0;
      for (let i = start; i < start + block; i++) s += w[i] * w[i];
      p += s / block;
    }
    powers.push(p);
  }
  const aboveAbs = powers.filter((p) => powerToLufs(p) > ABSOLUTE_GATE_LUFS);
  if (aboveAbs.length === 0) return null;
  const mean = aboveAbs.reduce((a, b) => a + b, 0) / aboveAbs.length;
  const gate = powerToLufs(mean) - 10;
  const kept = aboveAbs.filter((p) => powerToLufs(p) > gate);
  return powerToLufs(kept.reduce((a, b) => a + b, 0) / kept.length);
}

/** Noise bursts of random length and level with pauses, like a conversation (seeded, reproducible). */
function burstyNoise(
  sampleRate: number,
  seconds: number,
  seed: number,
  levelsDb: [number, number],
): Float32Array {
  const rnd = seededRandom(seed);
  const out = new Float32Array(Math.round(seconds * sampleRate));
  let at = 0;
  let lp = 0;
  while (at < out.length) {
    const len = Math.round((0.2 + rnd() * 2.5) * sampleRate);
    const pause = Math.round(rnd() * 1.5 * sampleRate);
    const gain = dbToGain(levelsDb[0] + rnd() * (levelsDb[1] - levelsDb[0]));
    for (let i = at; i < Math.min(out.length, at + len); i++) {
      lp = 0.7 * lp + 0.3 * (rnd() * 2 - 1); // a little low-pass: speech-like tilt
      out[i] = gain * lp * 2;
    }
    at += len + pause;
  }
  return out;
}

describe('LoudnessMeter set-up', () => {
  it('uses 10 ms sub-blocks, rounded where 10 ms is not a whole number of samples', () => {
    const expected: Record<number, number> = {
      8000: 80,
      11025: 110,
      16000: 160,
      22050: 221,
      44100: 441,
      48000: 480,
      96000: 960,
    };
    for (const [sr, samples] of Object.entries(expected)) {
      const meter = new LoudnessMeter(Number(sr), 1);
      expect(meter.subBlockSamples, `${sr} Hz`).toBe(samples);
      expect(meter.samplesToSubBlockEnd()).toBe(samples);
    }
    expect(new LoudnessMeter(48000, 2, { subBlockSec: 0.02 }).subBlockSamples).toBe(960);
  });

  it('counts sub-blocks and the samples still missing from the current one', () => {
    const meter = new LoudnessMeter(48000, 1);
    const x = new Float32Array(1000);
    meter.process([x], 0, 300);
    expect(meter.samplesToSubBlockEnd()).toBe(180);
    expect(meter.subBlocksDone).toBe(0);
    meter.process([x], 300, 1000);
    expect(meter.subBlocksDone).toBe(2);
    expect(meter.samplesToSubBlockEnd()).toBe(480 - 40);
  });

  it('reads nothing before any audio', () => {
    const meter = new LoudnessMeter(44100, 2);
    expect(meter.momentaryLufs()).toBeNull();
    expect(meter.shortTermLufs()).toBeNull();
    expect(meter.integratedLufs()).toBeNull();
    expect(meter.maxMomentaryLufs()).toBeNull();
    expect(meter.maxShortTermLufs()).toBeNull();
    expect(meter.samplePeakDbfs()).toBeNull();
    expect(meter.fastLevelDb()).toBeNull();
    expect(meter.lastSubBlockPower()).toBe(0);
  });

  it('refuses programmes and settings it cannot meter, with a reason', () => {
    expect(() => new LoudnessMeter(48000, 3)).toThrow(/1 or 2 channels/);
    expect(() => new LoudnessMeter(6000, 1)).toThrow(/6000 Hz/);
    expect(() => new LoudnessMeter(48000, 1, { subBlockSec: 0.03 })).toThrow(/divide 0.1 s/);
    expect(() => new LoudnessMeter(48000, 2).process([new Float32Array(10)], 0, 10)).toThrow(
      /2 channel/,
    );
  });
});

describe('level steps', () => {
  const sr = 48000;
  const tone = sine({ sampleRate: sr, seconds: 5, peakDbfs: -20 });
  const signal = concat(silence(sr, 1), tone, silence(sr, 4));
  const at = (sec: number) => Math.round(sec * sr);

  function readAt(
    seconds: number[],
  ): Array<{ m: number | null; s: number | null; i: number | null; maxM: number | null }> {
    const meter = new LoudnessMeter(sr, 2);
    const out: Array<{
      m: number | null;
      s: number | null;
      i: number | null;
      maxM: number | null;
    }> = [];
    let pos = 0;
    for (const t of seconds) {
      meter.process([signal, signal], pos, at(t));
      pos = at(t);
      out.push({
        m: meter.momentaryLufs(),
        s: meter.shortTermLufs(),
        i: meter.integratedLufs(),
        maxM: meter.maxMomentaryLufs(),
      });
    }
    return out;
  }

  it('momentary rises over 400 ms and short-term over 3 s after a step from silence', () => {
    const [half, full, sHalf, sFull] = readAt([1.2, 1.4, 2.5, 4.0]);
    const steady = full.m!;
    expect(steady).toBeCloseTo(-20 + STEREO_SINE_OFFSET, 1);
    expect(half.m! - steady).toBeCloseTo(-3.01, 1); // half the window holds the tone
    expect(sHalf.s! - steady).toBeCloseTo(-3.01, 1);
    expect(sFull.s!).toBeCloseTo(steady, 2);
  });

  it('momentary falls to nothing 400 ms after the sound stops, short-term after 3 s; integrated and max keep', () => {
    const [before, m390, m410, s2990, s3010] = readAt([5.9, 6.39, 6.41, 8.99, 9.01]);
    expect(before.m).toBeCloseTo(-20, 1);
    expect(m390.m).not.toBeNull();
    expect(m410.m).toBeNull();
    expect(s2990.s).not.toBeNull();
    expect(s3010.s).toBeNull();
    // The gating blocks that straddle the end still count (slightly lower); silent ones after them do not.
    expect(m410.i! - before.i!).toBeLessThan(0);
    expect(m410.i! - before.i!).toBeGreaterThan(-0.2);
    expect(s3010.i).toBe(m410.i);
    expect(s3010.maxM).toBe(before.maxM);
  });
});

describe('integrated loudness gating', () => {
  it('ignores a programme quieter than the absolute gate (-70 LUFS) and counts one just above it', () => {
    const sr = 44100;
    const quiet = new LoudnessMeter(sr, 2);
    const q = sine({ sampleRate: sr, seconds: 3, peakDbfs: -71 });
    feed(quiet, [q, q]);
    expect(quiet.integratedLufs()).toBeNull();
    expect(quiet.momentaryLufs()).toBeNull();
    expect(quiet.fastLevelDb()).toBeCloseTo(-71, 0); // the live bar still shows it

    const audible = new LoudnessMeter(sr, 2);
    const a = sine({ sampleRate: sr, seconds: 3, peakDbfs: -69 });
    feed(audible, [a, a]);
    expect(audible.integratedLufs()).toBeCloseTo(-69, 1);
  });

  it('leaves out passages more than 10 LU below the programme (relative gate)', () => {
    const sr = 48000;
    const x = concat(
      sine({ sampleRate: sr, seconds: 20, peakDbfs: -20 }),
      sine({ sampleRate: sr, seconds: 20, peakDbfs: -35 }),
    );
    const meter = new LoudnessMeter(sr, 2);
    feed(meter, [x, x]);
    // Ungated, the mean would be ≈ -22.9; the -35 half lies below the gate (≈ -32.9) and drops out.
    expect(meter.integratedLufs()).toBeCloseTo(-20, 1);
  });

  for (const sr of [44100, 48000]) {
    it(`matches an exact brute-force BS.1770-4 gating of conversation-like audio at ${sr} Hz`, () => {
      const left = burstyNoise(sr, 60, 1, [-45, -12]);
      const right = burstyNoise(sr, 60, 2, [-60, -25]);
      for (const channels of [[left], [right], [left, right]]) {
        const meter = new LoudnessMeter(sr, channels.length);
        feed(meter, channels, 333);
        const ref = referenceIntegrated(channels, sr)!;
        expect(ref).not.toBeNull();
        expect(Math.abs(meter.integratedLufs()! - ref)).toBeLessThan(0.005);
      }
    });
  }

  it('keeps the histogram exact to 0.01 LU over an 8-hour shift of gating blocks, in constant memory', () => {
    const rnd = seededRandom(8);
    const hist = new LoudnessHistogram();
    const blocks = new Float64Array(8 * 3600 * 10); // one block per 100 ms
    for (let i = 0; i < blocks.length; i++) {
      // Mostly speech between -45 and -15 LUFS, some near-silence, the odd shout.
      const r = rnd();
      const lufs = r < 0.3 ? -90 + rnd() * 40 : r < 0.98 ? -45 + rnd() * 30 : -15 + rnd() * 15;
      blocks[i] = Math.pow(10, (lufs + 0.691) / 10);
      hist.add(blocks[i]);
    }
    const above = Array.from(blocks).filter((p) => powerToLufs(p) > -70);
    const mean = above.reduce((a, b) => a + b, 0) / above.length;
    const gate = powerToLufs(mean) - 10;
    const kept = above.filter((p) => powerToLufs(p) > gate);
    const exact = powerToLufs(kept.reduce((a, b) => a + b, 0) / kept.length);
    expect(hist.gatedBlockCount).toBe(above.length);
    expect(Math.abs(hist.integratedLufs()! - exact)).toBeLessThan(0.01);
  });
});

describe('long runs and bad input', () => {
  it('reads the same after an hour as in the first minute, and falls silent cleanly afterwards', () => {
    const sr = 8000;
    const second = sine({ sampleRate: sr, seconds: 1, peakDbfs: -18 }); // 1 kHz: a whole number of periods
    const meter = new LoudnessMeter(sr, 1);
    let first: { m: number; s: number; i: number } | null = null;
    for (let k = 0; k < 3600; k++) {
      meter.process([second], 0, sr);
      if (k === 59)
        first = {
          m: meter.momentaryLufs()!,
          s: meter.shortTermLufs()!,
          i: meter.integratedLufs()!,
        };
    }
    expect(meter.momentaryLufs()).toBeCloseTo(first!.m, 9);
    expect(meter.shortTermLufs()).toBeCloseTo(first!.s, 9);
    expect(meter.integratedLufs()).toBeCloseTo(first!.i, 6);
    const quiet = new Float32Array(sr * 3);
    meter.process([quiet], 0, quiet.length);
    expect(meter.momentaryLufs()).toBeNull();
    expect(meter.shortTermLufs()).toBeNull();
    expect(meter.lastSubBlockPower()).toBe(0);
  });

  it('recovers within a sub-block from a NaN sample instead of reading NaN forever', () => {
    const sr = 48000;
    const x = sine({ sampleRate: sr, seconds: 2, peakDbfs: -20 });
    const meter = new LoudnessMeter(sr, 1);
    meter.process([x], 0, sr);
    const bad = x.slice(0, 480);
    bad[100] = NaN;
    meter.process([bad], 0, bad.length);
    expect(meter.lastSubBlockPower()).toBe(0);
    meter.process([x], sr, 2 * sr);
    expect(Number.isFinite(meter.momentaryLufs()!)).toBe(true);
    expect(meter.momentaryLufs()).toBeCloseTo(-23, 0);
    expect(meter.integratedLufs()).toBeCloseTo(-23, 0);
    expect(meter.samplePeakDbfs()).toBeCloseTo(-20, 2);
  });

  it('reset() gives the readings of a new meter', () => {
    const sr = 44100;
    const x = burstyNoise(sr, 8, 5, [-30, -10]);
    const used = new LoudnessMeter(sr, 1);
    feed(used, [sine({ sampleRate: sr, seconds: 4, peakDbfs: -3 })]);
    used.reset();
    expect(used.integratedLufs()).toBeNull();
    expect(used.subBlocksDone).toBe(0);
    const fresh = new LoudnessMeter(sr, 1);
    feed(used, [x], 128);
    feed(fresh, [x], 128);
    expect(used.momentaryLufs()).toBe(fresh.momentaryLufs());
    expect(used.shortTermLufs()).toBe(fresh.shortTermLufs());
    expect(used.integratedLufs()).toBe(fresh.integratedLufs());
    expect(used.maxMomentaryLufs()).toBe(fresh.maxMomentaryLufs());
    expect(used.samplePeakDbfs()).toBe(fresh.samplePeakDbfs());
  });
});

describe('live readings', () => {
  it('the fast level follows a 60 ms burst that momentary loudness averages away', () => {
    const sr = 48000;
    const x = concat(silence(sr, 1), sine({ sampleRate: sr, seconds: 0.06, peakDbfs: -12 }));
    const meter = new LoudnessMeter(sr, 1);
    meter.process([x], 0, x.length);
    expect(meter.fastLevelDb()).toBeCloseTo(-15, 0); // mono: -12 dBFS sine ≈ -15 LUFS
    expect(meter.momentaryLufs()! - meter.fastLevelDb()!).toBeLessThan(-7); // 60 of 400 ms
    const after = silence(sr, 0.1);
    meter.process([after], 0, after.length);
    expect(meter.fastLevelDb()).toBeNull();
  });

  it('reports the sample peak over both channels in dBFS', () => {
    const sr = 48000;
    const l = sine({ sampleRate: sr, seconds: 1, peakDbfs: -12 });
    const r = sine({ sampleRate: sr, seconds: 1, peakDbfs: -6, frequency: 250 });
    const meter = new LoudnessMeter(sr, 2);
    feed(meter, [l, r]);
    expect(meter.samplePeakDbfs()).toBeCloseTo(-6, 2);
  });

  it('last sub-block power is the K-weighted mean square summed over channels', () => {
    const sr = 48000;
    const x = sine({ sampleRate: sr, seconds: 1, peakDbfs: -20 });
    const mono = new LoudnessMeter(sr, 1);
    const stereo = new LoudnessMeter(sr, 2);
    mono.process([x], 0, x.length);
    stereo.process([x, x], 0, x.length);
    expect(stereo.lastSubBlockPower()).toBeCloseTo(2 * mono.lastSubBlockPower(), 12);
    expect(powerToLufs(mono.lastSubBlockPower())).toBeCloseTo(-23, 0);
  });

  it('other sub-block lengths give the same momentary and short-term readings on the 100 ms grid', () => {
    const sr = 44100;
    const x = burstyNoise(sr, 10, 9, [-40, -10]);
    // Lengths that are whole numbers of samples at 44.1 kHz (0.005 s would be 220.5 → 221, a different window).
    const meters = [0.01, 0.02, 0.05, 0.1].map(
      (subBlockSec) => new LoudnessMeter(sr, 1, { subBlockSec }),
    );
    for (let t = 1; t <= 100; t++) {
      const s = Math.round(((t - 1) * sr) / 10);
      const e = Math.round((t * sr) / 10);
      for (const m of meters) m.process([x], s, e);
      const ref = meters[0];
      for (const m of meters.slice(1)) {
        if (ref.momentaryLufs() === null) expect(m.momentaryLufs()).toBeNull();
        else expect(m.momentaryLufs()).toBeCloseTo(ref.momentaryLufs()!, 9);
        if (ref.shortTermLufs() !== null)
          expect(m.shortTermLufs()).toBeCloseTo(ref.shortTermLufs()!, 9);
      }
    }
    for (const m of meters.slice(1))
      expect(m.integratedLufs()).toBeCloseTo(meters[0].integratedLufs()!, 6);
  });
});
