/** The metric definitions on hand-made segment lists, where every number can be worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  CalmTracker,
  callerTurns,
  computeCallMetrics,
  median,
  responseGaps,
} from '../../renderer/engine/call-metrics';
import type { Party, SpeechSegment } from '../../renderer/engine/call-types';

const segs = (party: Party, ...pairs: [number, number][]): SpeechSegment[] =>
  pairs.map(([start, end]) => ({ party, start, end }));

describe('call metrics', () => {
  const caller = segs('caller', [0, 2], [2.5, 4], [6, 7], [7.2, 9]);
  const agent = segs('agent', [5, 5.8], [9.5, 12], [8, 8.2]).sort((a, b) => a.start - b.start);

  it('joins caller segments into turns across short pauses, not across the agent taking the floor', () => {
    expect(callerTurns(caller, agent, 0.8)).toEqual([
      { start: 0, end: 4 },
      { start: 6, end: 9 },
    ]);
    expect(callerTurns(caller, agent, 0.4)).toEqual([
      { start: 0, end: 2 },
      { start: 2.5, end: 4 },
      { start: 6, end: 9 },
    ]);
    // The agent speaking in the gap ends the turn even when the gap is short.
    expect(
      callerTurns(segs('caller', [0, 1], [1.5, 2]), segs('agent', [1.1, 1.4]), 0.8),
    ).toHaveLength(2);
  });

  it("measures response gaps from the end of a caller turn to the agent's next start", () => {
    const turns = callerTurns(caller, agent, 0.8);
    expect(responseGaps(turns, agent).map((g) => +g.toFixed(6))).toEqual([1, 0.5]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('computes talk times, ratio, overtalk, longest turn and cue counts', () => {
    const m = computeCallMetrics({
      caller,
      agent,
      overtalk: [{ start: 8, end: 8.2, startedBy: 'agent' }],
      cues: [
        { cue: 'your-turn', start: 4.8, end: 5.3 },
        { cue: 'wait-for-pause', start: 0, end: 4.8 },
        { cue: 'your-turn', start: 9.8, end: 10.3 },
      ],
      pauseSec: 0.8,
      timeToCalmSec: null,
    });
    expect(m.callerTalkSec).toBeCloseTo(2 + 1.5 + 1 + 1.8, 9);
    expect(m.agentTalkSec).toBeCloseTo(0.8 + 2.5 + 0.2, 9);
    expect(m.talkRatio).toBeCloseTo(3.5 / (6.3 + 3.5), 9);
    expect(m.overtalkCount).toBe(1);
    expect(m.overtalkSec).toBeCloseTo(0.2, 9);
    expect(m.longestCallerTurnSec).toBe(4);
    expect(m.medianResponseGapSec).toBeCloseTo(0.75, 9);
    expect(m.cueCounts).toEqual({
      'wait-for-pause': 1,
      'your-turn': 2,
      'talking-over': 0,
      'too-loud': 0,
      'caller-heated': 0,
    });
    const empty = computeCallMetrics({
      caller: [],
      agent: [],
      overtalk: [],
      cues: [],
      pauseSec: 0.8,
      timeToCalmSec: null,
    });
    expect(empty.talkRatio).toBeNull();
    expect(empty.medianResponseGapSec).toBeNull();
  });

  it('measures time to calm only once the calm has lasted 2 s of caller speech', () => {
    const calm = new CalmTracker();
    const frame = 0.01;
    let t = 0;
    const stepFor = (sec: number, heated: boolean, calmStart: number, voiced: boolean) => {
      for (const end = t + sec; t < end - 1e-9; t += frame)
        calm.step(t, heated, calmStart, voiced, frame);
    };
    stepFor(1, false, -1, true); // calm start of call
    stepFor(3, true, -1, true); // heated from t = 1
    stepFor(1, false, 3.6, true); // off at 4, calm since 3.6, but only 1 s of speech
    stepFor(5, false, 3.6, false); // silence proves nothing
    expect(calm.timeToCalmSec).toBeNull();
    stepFor(1.2, false, 3.6, true);
    expect(calm.timeToCalmSec).toBeCloseTo(2.6, 6);
    const never = new CalmTracker();
    never.step(0, false, -1, true, frame);
    expect(never.timeToCalmSec).toBeNull();
  });
});
