import { describe, expect, it } from 'vitest';
import { CallEngine, cutHolds } from '../../renderer/engine/call-engine';
import { buildHoldCall } from '../support/hold-call';
import { readWavFile } from '../support/test-audio';

/**
 * Music on hold is not a caller venting: the same engine as the worklet, fed the hold call in 128-sample
 * blocks, told "held" where the phone software would say so. Without the hold the music reads as a caller
 * who never stops (the control); with it, no cue starts inside the hold and the venting figure stays put.
 */
function runCall(hold: boolean) {
  const call = buildHoldCall();
  const wav = readWavFile(call.file);
  const [agent, caller] = wav.channels;
  const engine = new CallEngine({ sampleRate: wav.sampleRate, recordTimeline: true });
  const holdFrom = Math.round((call.holdStartSec - 0.2) * wav.sampleRate);
  const holdTo = Math.round((call.holdEndSec + 0.1) * wav.sampleRate);
  const venting: number[] = [];
  for (let pos = 0; pos < caller.length; pos += 128) {
    if (hold && pos >= holdFrom && pos < holdFrom + 128) engine.setHeld(true);
    if (hold && pos >= holdTo && pos < holdTo + 128) engine.setHeld(false);
    engine.process(caller, agent, pos, Math.min(caller.length, pos + 128));
    if (engine.isHeld) venting.push(engine.snapshot().ventingSec);
  }
  const holds = engine.holdIntervals();
  return { call, analysis: engine.finish(), venting, holds };
}

describe('hold', () => {
  it('without it, the music is taken for a caller holding the floor (the control)', () => {
    const { call, analysis } = runCall(false);
    const inMusic = analysis.cues.filter(
      (c) => c.start >= call.holdStartSec - 0.1 && c.start < call.holdEndSec,
    );
    expect(inMusic.map((c) => c.cue)).toContain('wait-for-pause');
  });

  it('with it: no cue inside the hold, the venting figure frozen, speech in the hold cut', () => {
    const { call, analysis, venting, holds } = runCall(true);
    expect(holds).toHaveLength(1);
    const [h] = holds;
    for (const c of analysis.cues) expect(c.start < h.start || c.start >= h.end, c.cue).toBe(true);
    // Every cue active when the hold came ended there.
    for (const c of analysis.cues) expect(c.start < h.start && c.end > h.start).toBe(false);
    expect(new Set(venting).size).toBe(1);
    for (const s of analysis.speech.caller)
      expect(s.end <= h.start || s.start >= h.end, `${s.start}-${s.end}`).toBe(true);
    // The clock ran on: the call is as long as the file.
    expect(analysis.durationSec).toBeCloseTo(call.durationSec, 1);
    // Cues work again after the resume (the caller's last words).
    expect(analysis.cues.some((c) => c.start >= h.end)).toBe(true);
  });

  it('cutHolds takes the held parts out of segments', () => {
    expect(
      cutHolds(
        [
          { party: 'caller', start: 0, end: 2 },
          { party: 'caller', start: 3, end: 9 },
          { party: 'caller', start: 4, end: 5 },
        ],
        [{ start: 1, end: 4.5 }],
      ),
    ).toEqual([
      { party: 'caller', start: 0, end: 1 },
      { party: 'caller', start: 4.5, end: 9 },
      { party: 'caller', start: 4.5, end: 5 },
    ]);
  });
});
