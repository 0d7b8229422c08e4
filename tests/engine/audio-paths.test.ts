/**
 * Whose voice, on the audio paths agents really have (issue 25): real recorded voices in calls whose truth
 * is known by construction (floor-calls.ts PATH_CONDITIONS), analysed as `npm run analyze` does. Every
 * condition, at every level swept, meets the issue's targets: both parties' speech accuracy ≥ 0.95, "your turn" in
 * every pause and only there, every interruption found with who made it and no other overtalk, no false
 * "too loud" or "caller heated". `npx tsx tests/engine/floor-report.ts --paths` prints every condition.
 */
import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import {
  FLOOR_CONDITIONS,
  PATH_CONDITIONS,
  analyseFloorCall,
  floorCall,
  scoreFloorCall,
  type FloorCondition,
} from '../support/floor-calls';
import { readWavFile } from '../support/test-audio';

describe.each(PATH_CONDITIONS)('whose voice on the path: %s', (condition) => {
  const call = floorCall(condition);
  const score = scoreFloorCall(call, analyseFloorCall(call.wav));

  it('knows who is speaking (frame accuracy ≥ 0.95 for each party)', () => {
    expect(score.accuracy.caller).toBeGreaterThanOrEqual(0.95);
    expect(score.accuracy.agent).toBeGreaterThanOrEqual(0.95);
  });

  it('says "your turn" in every pause and only there; finds every interruption and no other overtalk', () => {
    expect(score.yourTurn).toMatchObject({ precision: 1, recall: 1 });
    expect(score.interruptionsFound).toBe(score.interruptions);
    expect(score.falseOvertalk).toBe(0);
  });

  it('says "too loud" on every raised reply (the second, after one normal sentence) and "too loud" or "caller heated" nowhere else', () => {
    expect(score.tooLoudHits).toBe(score.loudReplies);
    expect(score.falseTooLoud).toBe(0);
    expect(score.falseHeated).toBe(0);
  });
});

describe('a caller line whose level steps up', () => {
  it.each(['step-up-6', 'step-up-10'] as const)(
    '%s: the louder line is not a heated caller (the baseline is learned again after the step), and no "too loud" follows from it',
    (condition) => {
      const call = floorCall(condition);
      const score = scoreFloorCall(call, analyseFloorCall(call.wav));
      expect(score.falseHeated).toBe(0);
      expect(score.falseTooLoud).toBe(0);
      expect(score.accuracy.caller).toBeGreaterThanOrEqual(0.95);
      expect(score.yourTurn).toMatchObject({ precision: 1, recall: 1 });
    },
  );
});

/** The echo path the engine measured by the end of the call, or null. */
function measuredEchoPath(condition: FloorCondition): { delaySec: number; lossDb: number } | null {
  const { channels, sampleRate } = readWavFile(floorCall(condition).wav);
  const engine = new CallEngine({ sampleRate });
  engine.process(channels[1], channels[0]);
  return engine.echoPath;
}

describe('the echo of the agent on the caller’s line', () => {
  it.each([
    ['echo-20', 0.18],
    ['echo-30', 0.45],
  ] as const)(
    '%s: its delay is measured (%s s) and its loss is about what the line did',
    (c, delay) => {
      const path = measuredEchoPath(c);
      expect(path).not.toBeNull();
      expect(path!.delaySec).toBeCloseTo(delay, 1);
      // The call mixes the agent's channel back 20 / 30 dB down; the phone line's band and codec move it a little.
      const db = c === 'echo-20' ? -20 : -30;
      expect(Math.abs(path!.lossDb - db)).toBeLessThan(4);
    },
  );

  it('is never found where there is none (every floor condition)', () => {
    for (const c of FLOOR_CONDITIONS) expect(measuredEchoPath(c), c).toBeNull();
  });
});
