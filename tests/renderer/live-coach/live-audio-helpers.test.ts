import { describe, expect, it } from 'vitest';
import { ChannelIdentityCheck } from '../../../renderer/src/live-coach/audio/channel-identity';
import { PreRoll } from '../../../renderer/src/live-coach/audio/pre-roll';
import {
  DisplayChange,
  MeterChange,
  PostPacer,
} from '../../../renderer/src/live-coach/audio/display-change';
import { createLiveSnapshot } from '../../../renderer/engine/call-engine';
import { PeakHold, meterFraction } from '../../../renderer/src/live-coach/meters/meter-scale';
import { seededRandom } from '../../support/test-audio';

function noise(n: number, seed: number, gain = 0.1): Float32Array {
  const rnd = seededRandom(seed);
  return Float32Array.from({ length: n }, () => (rnd() * 2 - 1) * gain);
}

describe('ChannelIdentityCheck (is the "stereo" source really split?)', () => {
  it('calls a mono source dressed as stereo identical after about a second of sound', () => {
    const check = new ChannelIdentityCheck(48000);
    const verdicts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const block = noise(128, i);
      verdicts.push(check.update(block, block));
    }
    // 375 blocks of 128 = 1 s
    expect(verdicts[370]).toBe('unknown');
    expect(verdicts[380]).toBe('identical');
  });

  it('calls a real split distinct, and silence proves nothing', () => {
    const check = new ChannelIdentityCheck(48000);
    const zero = new Float32Array(128);
    for (let i = 0; i < 1000; i++) expect(check.update(zero, zero)).toBe('unknown');
    for (let i = 0; i < 40; i++) check.update(noise(128, i), zero); // the agent speaks, caller silent
    expect(check.verdict).toBe('distinct');
  });
});

describe('PreRoll (the words that started an auto-started call)', () => {
  it('replays the newest samples oldest first, across the ring boundary', () => {
    const roll = new PreRoll(10);
    const caller = Float32Array.from({ length: 7 }, (_, i) => i);
    const agent = Float32Array.from({ length: 7 }, (_, i) => -i);
    roll.write(caller, agent, 7);
    roll.write(
      caller.map((v) => v + 7),
      agent.map((v) => v - 7),
      7,
    ); // 14 written into 10
    const got: number[] = [];
    const gotAgent: number[] = [];
    roll.replay(8, (c, a, start, end) => {
      got.push(...c.subarray(start, end));
      gotAgent.push(...a.subarray(start, end));
    });
    expect(got).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(gotAgent).toEqual([-6, -7, -8, -9, -10, -11, -12, -13]);
  });

  it('replays only what it has heard', () => {
    const roll = new PreRoll(100);
    roll.write(new Float32Array([1, 2, 3]), new Float32Array([4, 5, 6]), 3);
    let total = 0;
    roll.replay(50, (_c, _a, start, end) => (total += end - start));
    expect(total).toBe(3);
  });
});

describe('meter scale and peak hold', () => {
  it('maps levels onto the bar and silence to empty', () => {
    expect(meterFraction(null)).toBe(0);
    expect(meterFraction(-Infinity)).toBe(0);
    expect(meterFraction(-60)).toBe(0);
    expect(meterFraction(-35)).toBeCloseTo(0.5);
    expect(meterFraction(0)).toBe(1);
  });

  it('holds a peak, then lets it fall to the current level', () => {
    const hold = new PeakHold(1.5, 12);
    expect(hold.update(-20, 0)).toBe(-20);
    expect(hold.update(-40, 1.0)).toBe(-20); // held
    expect(hold.update(-40, 2.0)).toBeCloseTo(-26); // 0.5 s of falling at 12 LU/s
    expect(hold.update(-40, 5.0)).toBe(-40); // fallen to the level
  });
});

describe('DisplayChange (post only what the page would show)', () => {
  it('is quiet when nothing visible changes, urgent for sound starting and cues, plain for movement', () => {
    const change = new DisplayChange();
    const s = createLiveSnapshot();
    expect(change.changed(s, true)).toBe(2); // first look: everything is new
    expect(change.changed(s, true)).toBe(0);
    s.timeSec = 0.5; // same whole second
    expect(change.changed(s, true)).toBe(0);
    s.caller.momentaryLufs = -30; // sound starts
    expect(change.changed(s, true)).toBe(2);
    s.caller.momentaryLufs = -29.5; // the bar moves
    expect(change.changed(s, true)).toBe(1);
    s.caller.momentaryLufs = -29.53; // below what the meter shows
    s.caller.fastLevelDb = -12; // not shown
    expect(change.changed(s, true)).toBe(0);
    s.activeCueBits = 1; // a cue
    s.primaryCue = 'wait-for-pause';
    expect(change.changed(s, true)).toBe(2);
    expect(change.changed(s, false)).toBe(2); // the call ended
  });
});

describe('MeterChange (feed the meter worker only what the bars would show)', () => {
  it('is urgent when sound starts or stops on a side, plain for movement, quiet otherwise', () => {
    const change = new MeterChange();
    const s = createLiveSnapshot();
    expect(change.changed(s)).toBe(2); // a new feed: draw the empty bars
    expect(change.changed(s)).toBe(0);
    s.timeSec = 3; // timers are not the bars' business
    s.overtalkCount = 1;
    expect(change.changed(s)).toBe(0);
    s.agent.momentaryLufs = -30; // the agent starts
    expect(change.changed(s)).toBe(2);
    s.agent.momentaryLufs = -28.4;
    expect(change.changed(s)).toBe(1);
    s.agent.momentaryLufs = -28.41; // under a tenth of a LU
    expect(change.changed(s)).toBe(0);
    s.agentNormalLufs = -27; // calibration moves the band
    expect(change.changed(s)).toBe(1);
    s.agent.momentaryLufs = null; // the agent stops
    expect(change.changed(s)).toBe(2);
    change.reset(); // a new feed starts from nothing
    expect(change.changed(s)).toBe(2);
  });
});

describe('PostPacer (appearing at once, movement at a limited rate)', () => {
  it('posts urgent changes at once, movement at most once per interval, and waiting movement after it', () => {
    const pace = new PostPacer(0.25);
    expect(pace.due(1, 0)).toBe(true); // first movement
    expect(pace.due(1, 0.1)).toBe(false); // too soon: waits
    expect(pace.due(0, 0.2)).toBe(false);
    expect(pace.due(0, 0.26)).toBe(true); // the waiting movement goes at the first look after the interval
    expect(pace.due(0, 0.6)).toBe(false); // nothing left to post
    expect(pace.due(2, 0.61)).toBe(true); // sound started: at once
    expect(pace.due(2, 0.62)).toBe(true);
    expect(pace.due(1, 0.7)).toBe(false); // an urgent post restarts the interval
    expect(pace.due(0, 0.87)).toBe(true);
  });
});
