/**
 * The banner never blinks (banner-hold.ts): over every floor call of the project's set, played through the
 * engine in 10 ms blocks as the live coach does, each state the banner shows ("listening" included) stays
 * at least minHoldSec — except the last, which the call's end cuts.
 */
import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import type { CueKind } from '../../renderer/engine/call-types';
import { FLOOR_CONDITIONS, floorCall } from '../support/floor-calls';
import { readWavFile } from '../support/test-audio';

interface Shown {
  cue: CueKind | null;
  start: number;
  end: number;
}

function bannerStates(wav: string): { shown: Shown[]; minHoldSec: number } {
  const { channels, sampleRate } = readWavFile(wav);
  const engine = new CallEngine({ sampleRate });
  const shown: Shown[] = [];
  let current: Shown = { cue: null, start: 0, end: 0 };
  for (let p = 0; p < channels[0].length; p += 480) {
    engine.process(channels[1], channels[0], p, Math.min(p + 480, channels[0].length));
    if (engine.bannerCue !== current.cue) {
      current.end = engine.timeSec;
      shown.push(current);
      current = { cue: engine.bannerCue, start: engine.timeSec, end: engine.timeSec };
    }
  }
  current.end = engine.timeSec;
  shown.push(current);
  return { shown, minHoldSec: engine.settings.minHoldSec };
}

describe('the banner holds every state it shows', () => {
  it.each(FLOOR_CONDITIONS)('%s: no state shorter than the minimum hold', (condition) => {
    const { shown, minHoldSec } = bannerStates(floorCall(condition).wav);
    // The call has cues to show at all (a run of only "listening" would prove nothing).
    expect(shown.filter((s) => s.cue !== null).length).toBeGreaterThanOrEqual(8);
    const short = shown
      .slice(0, -1)
      .filter((s) => s.end - s.start < minHoldSec - 1e-6)
      .map((s) => `${s.cue ?? 'listening'} ${s.start.toFixed(2)}–${s.end.toFixed(2)} s`);
    expect(short).toEqual([]);
  });
});
