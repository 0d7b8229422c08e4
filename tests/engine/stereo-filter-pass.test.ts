/**
 * The engine's per-sample filters run as one WebAssembly SIMD loop for both parties (stereo-filter-pass.ts).
 * It must give exactly — bit for bit — what the scalar loop gives each party, so that a machine or policy
 * without WebAssembly hears the same call, and it must be what the engine actually runs here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runFusedFilterPass } from '../../renderer/engine/fused-filter-pass';
import { KWeightingFilter } from '../../renderer/engine/k-weighting';
import { runStereoFilterPass, type PartyFilters } from '../../renderer/engine/stereo-filter-pass';
import { engineKernelKind, forceScalarKernels } from '../../renderer/engine/wasm/engine-kernels';
import { VoiceBandFilter } from '../../renderer/engine/voice-band-filter';
import { CallEngine } from '../../renderer/engine/call-engine';
import { floorCall } from '../support/floor-calls';
import { readWavFile } from '../support/test-audio';

afterEach(() => forceScalarKernels(false));

function party(sampleRate: number): PartyFilters {
  return {
    kw: new KWeightingFilter(sampleRate),
    band: new VoiceBandFilter(sampleRate),
    sums: new Float64Array(3),
  };
}

/** Deterministic noise with loud bursts, quiet stretches and digital silence (the filters' flush path). */
function signal(length: number, seed: number): Float32Array {
  const x = new Float32Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const white = s / 2 ** 32 - 0.5;
    const section = Math.floor(i / 4000) % 4;
    x[i] = section === 0 ? white : section === 1 ? white * 1e-4 : section === 2 ? 0 : white * 0.02;
  }
  return x;
}

/** Every number a pass leaves behind: sums, filter states, the confirmed sample peak. */
function snapshot(p: PartyFilters): number[] {
  return [...p.sums, ...p.kw.state, ...p.band.state, p.kw.inputPeak];
}

function expectBitIdentical(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++)
    expect(Object.is(actual[i], expected[i]), `value ${i}: ${actual[i]} vs ${expected[i]}`).toBe(
      true,
    );
}

describe('stereo filter pass', () => {
  it('runs WebAssembly SIMD in Node (what the analyser, the bench and these tests use)', () => {
    expect(engineKernelKind()).toBe('wasm-simd');
  });

  for (const sampleRate of [8000, 44100, 48000, 96000]) {
    it(`gives each party bit for bit what the scalar loop gives it, at ${sampleRate} Hz`, () => {
      const caller = signal(40000, 1);
      const agent = signal(40000, 2).map((v) => v * 0.3);
      const simd = [party(sampleRate), party(sampleRate)];
      const scalar = [party(sampleRate), party(sampleRate)];
      // Chunks of every kind: empty, one sample, a render quantum, a 10 ms frame, longer than the
      // kernel's 1024-frame input (several runs in one call).
      const sizes = [0, 1, 128, Math.round(sampleRate / 100), 3000, 7];
      let pos = 0;
      for (let k = 0; pos < caller.length; k++) {
        const end = Math.min(caller.length, pos + sizes[k % sizes.length]);
        runStereoFilterPass(simd[0], simd[1], caller, agent, pos, end);
        runFusedFilterPass(scalar[0].kw, scalar[0].band, caller, pos, end, scalar[0].sums);
        runFusedFilterPass(scalar[1].kw, scalar[1].band, agent, pos, end, scalar[1].sums);
        expectBitIdentical(snapshot(simd[0]), snapshot(scalar[0]));
        expectBitIdentical(snapshot(simd[1]), snapshot(scalar[1]));
        pos = end;
      }
      expect(simd[0].sums[0]).toBeGreaterThan(0);
      expect(simd[0].kw.inputPeak).toBeGreaterThan(0.4);
    });
  }

  it('takes the sample peaks as the scalar loop does: any chunk length, −0, a NaN sample', () => {
    // The kernel takes the peaks four frames at a time, then the frames left one by one.
    const caller = signal(30000, 3);
    const agent = signal(30000, 4).map((v) => -v);
    caller.fill(-0, 0, 9);
    agent.fill(-0, 0, 5);
    caller[12345] = 0.9;
    agent[20003] = -0.95;
    agent[25001] = NaN;
    const simd = [party(48000), party(48000)];
    const scalar = [party(48000), party(48000)];
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1021, 1023, 1025, 1027];
    let pos = 0;
    for (let k = 0; pos < caller.length; k++) {
      const end = Math.min(caller.length, pos + sizes[k % sizes.length]);
      runStereoFilterPass(simd[0], simd[1], caller, agent, pos, end);
      runFusedFilterPass(scalar[0].kw, scalar[0].band, caller, pos, end, scalar[0].sums);
      runFusedFilterPass(scalar[1].kw, scalar[1].band, agent, pos, end, scalar[1].sums);
      expectBitIdentical(snapshot(simd[0]), snapshot(scalar[0]));
      expectBitIdentical(snapshot(simd[1]), snapshot(scalar[1]));
      pos = end;
    }
    expect(simd[0].kw.inputPeak).toBe(Math.fround(0.9));
    expect(simd[1].kw.inputPeak).toBe(Math.fround(0.95));
  });

  it('the engine finds the same call with the SIMD loop as with the scalar fallback (a real-voice call)', () => {
    // Caller on the right, agent on the left, in 128-sample blocks as the AudioWorklet feeds it.
    const { channels, sampleRate } = readWavFile(floorCall('leak-28').wav);
    const run = () => {
      const engine = new CallEngine({ sampleRate, recordTimeline: true });
      for (let s = 0; s < channels[0].length; s += 128)
        engine.process(channels[1], channels[0], s, Math.min(channels[0].length, s + 128));
      return engine.finish();
    };
    expect(engineKernelKind()).toBe('wasm-simd');
    const simd = run();
    forceScalarKernels(true);
    expect(engineKernelKind()).toBe('scalar');
    const scalar = run();
    expect(simd.speech.caller.length + simd.speech.agent.length).toBeGreaterThan(10);
    expect(simd.cues.length).toBeGreaterThan(0);
    expect(simd).toStrictEqual(scalar);
  });
});
