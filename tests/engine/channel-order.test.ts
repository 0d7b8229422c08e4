/**
 * Whose voice is on which side (renderer/engine/channel-order.ts), on real recorded voices: a wideband
 * headset agent and a phone-line caller, the right way round and swapped; and every floor call (both
 * sides telephone-band recordings) left alone.
 */
import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import {
  BandwidthProbe,
  NARROW_BELOW_DB,
  WIDE_ABOVE_DB,
} from '../../renderer/engine/channel-order';
import { createLiveSnapshot } from '../../renderer/engine/call-engine';
import { channelOrderCall } from '../support/channel-order-call';
import { FLOOR_CONDITIONS, floorCall } from '../support/floor-calls';
import { speakerClips } from '../support/real-voices';
import { readWavFile } from '../support/test-audio';

/** Runs the call through the engine (agent left) in 10 ms blocks, noting when the verdict came and every normal voice shown. */
function run(wav: string) {
  const { channels, sampleRate } = readWavFile(wav);
  const engine = new CallEngine({ sampleRate });
  const snap = createLiveSnapshot();
  let verdictAt: number | null = null;
  const normals = new Set<number>();
  for (let p = 0; p < channels[0].length; p += 480) {
    engine.process(channels[1], channels[0], p, Math.min(p + 480, channels[0].length));
    engine.snapshot(snap);
    if (verdictAt === null && snap.channelOrder !== 'pending') verdictAt = snap.timeSec;
    if (snap.agentNormalLufs !== null) normals.add(Math.round(snap.agentNormalLufs * 10) / 10);
  }
  return { engine, verdictAt, normals, analysis: engine.finish() };
}

function highBandDb(samples: Float32Array, sampleRate: number): number {
  const probe = new BandwidthProbe(sampleRate);
  const frame = sampleRate / 100;
  for (let i = 0; i + frame <= samples.length; i += frame) {
    let e = 0;
    for (let j = i; j < i + frame; j++) e += samples[j] * samples[j];
    probe.accumulate(samples, i, i + frame);
    probe.endFrame(e / frame > 1e-4);
  }
  return probe.highBandDb()!;
}

describe('channel order: the line bandwidth tells the headset from the phone line', () => {
  it('measures 16 kHz recordings as wideband and 8 kHz ones as telephone-band, with room on both sides', () => {
    const wide = speakerClips('en-librivox', 48000, 2, 8).map((c) => highBandDb(c.samples, 48000));
    const narrow = speakerClips('fr-june', 48000, 1.2, 3.2, 6).map((c) =>
      highBandDb(c.samples, 48000),
    );
    expect(wide.length).toBeGreaterThanOrEqual(4);
    for (const db of wide) expect(db).toBeGreaterThan(WIDE_ABOVE_DB + 3);
    for (const db of narrow) expect(db).toBeLessThan(NARROW_BELOW_DB - 3);
  });

  it('finds the channels right on a wideband headset call, within 2.5 s of the agent starting to speak', () => {
    const call = channelOrderCall(false);
    const r = run(call.wav);
    expect(r.engine.channelOrder).toBe('ok');
    expect(r.verdictAt!).toBeLessThan(call.truth.agent[0][0] + 2.5);
    expect(r.analysis.agentNormalLufs).not.toBeNull();
  });

  it('finds them swapped within 10 s of the caller’s first words, and never takes the caller for the agent’s normal voice', () => {
    const call = channelOrderCall(true);
    const r = run(call.wav);
    expect(r.engine.channelOrder).toBe('swapped');
    expect(r.verdictAt! - call.callerFirstSpeechSec).toBeGreaterThan(0);
    expect(r.verdictAt! - call.callerFirstSpeechSec).toBeLessThan(10);
    expect([...r.normals]).toEqual([]);
    expect(r.analysis.agentNormalLufs).toBeNull();
    expect(r.analysis.metrics.cueCounts['too-loud']).toBe(0);
  });

  it('checks again after the sides are swapped mid-call, and learns the agent from then on', () => {
    const call = channelOrderCall(true);
    const { channels, sampleRate } = readWavFile(call.wav);
    const engine = new CallEngine({ sampleRate });
    let swappedAt = -1;
    for (let p = 0; p < channels[0].length; p += 480) {
      const end = Math.min(p + 480, channels[0].length);
      // Before the swap the app reads left as the agent; after it, right.
      if (swappedAt < 0) engine.process(channels[1], channels[0], p, end);
      else engine.process(channels[0], channels[1], p, end);
      if (swappedAt < 0 && engine.channelOrder === 'swapped') {
        swappedAt = engine.timeSec;
        engine.recheckChannels();
        expect(engine.channelOrder).toBe('pending');
      }
    }
    expect(swappedAt).toBeGreaterThan(0);
    expect(engine.channelOrder).toBe('ok');
    const normal = engine.finish().agentNormalLufs;
    // The agent's speech is written at −26 dBFS active level; a normal voice learned from them is near it.
    expect(normal).not.toBeNull();
    expect(Math.abs(normal! - -26)).toBeLessThan(4);
  });

  it.each(FLOOR_CONDITIONS)(
    'leaves the floor call %s alone (telephone-band on both sides: ok)',
    (c) => {
      const r = run(floorCall(c).wav);
      expect(r.engine.channelOrder).toBe('ok');
    },
  );
});
