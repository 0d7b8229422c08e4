/**
 * Cues on a real floor: real recorded voices (Debian's Asterisk and pocketsphinx recordings) in calls whose
 * truth is known by construction, under the conditions agents work in (floor-calls.ts). Each call is
 * analysed exactly as `npm run analyze -- FILE --agent left` does. Targets per call (issue 13):
 * speech frame accuracy ≥ 0.9 per party; "your turn" precision and recall ≥ 0.95; every interruption found
 * within 0.35 s with the right startedBy; no other overtalk (backchannels included); no "too loud" on a
 * normal reply; "caller heated" on every +10 dB turn and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import {
  FLOOR_CONDITIONS,
  analyseFloorCall,
  floorCall,
  scoreFloorCall,
} from '../support/floor-calls';

describe.each(FLOOR_CONDITIONS)('real voices on the floor: %s', (condition) => {
  const call = floorCall(condition);
  const score = scoreFloorCall(call, analyseFloorCall(call.wav));

  it('knows who is speaking (frame accuracy ≥ 0.9 for each party)', () => {
    expect(score.accuracy.caller).toBeGreaterThanOrEqual(0.9);
    expect(score.accuracy.agent).toBeGreaterThanOrEqual(0.9);
  });

  it('says "your turn" in every scripted pause, and only when the caller has stopped', () => {
    expect(score.yourTurn.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.yourTurn.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('finds each interruption from its first word with who made it, and no other overtalk', () => {
    expect(score.interruptionsFound).toBe(score.interruptions);
    expect(score.falseOvertalk).toBe(0);
  });

  it('never says "too loud" to a normal reply', () => {
    expect(score.falseTooLoud).toBe(0);
  });

  it('says "caller heated" on every +10 dB turn and nowhere else', () => {
    expect(score.heatedHits).toBe(score.heatedTurns);
    expect(score.falseHeated).toBe(0);
  });
});

describe('the floor test set itself', () => {
  it('has the conditions the issue names, with their scripted events', () => {
    for (const condition of FLOOR_CONDITIONS) {
      const call = floorCall(condition);
      expect(call.durationSec).toBeGreaterThanOrEqual(40);
      expect(call.durationSec).toBeLessThanOrEqual(60);
      expect(call.pauses.length).toBeGreaterThanOrEqual(4);
      expect(call.interruptions.map((i) => i.by).sort()).toEqual(['agent', 'caller']);
      for (const [s, e] of call.backchannels) expect(e - s).toBeLessThanOrEqual(0.3);
    }
    expect(floorCall('heated-soft').heatedTurns).toHaveLength(2);
    expect(floorCall('muted').mutes.map(([s, e]) => Math.round((e - s) * 10) / 10)).toEqual([
      0.8, 4,
    ]);
  });
});
