/**
 * The cues on generated calls (espeak-ng voices on a noisy, band-limited phone line): every expectation is
 * derived from the generator's truth — utterance starts and ends — and the settings, never from a
 * previous run of the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import type { CallAnalysis, CueInterval, CueKind } from '../../renderer/engine/call-types';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings';
import { measureNormalVoice } from '../../renderer/engine/voice-calibration';
import { buildDialogue, truthOf, type Dialogue, type TruthUtterance } from '../support/dialogues';
import {
  calibrationRecording,
  heatedCallerCall,
  hoveringCallerCall,
  interruptionCall,
  raisedVoiceCall,
  turnTakingCall,
} from './dialogue-scripts';

const S = DEFAULT_CUE_SETTINGS;

function analyse(d: Dialogue, agentNormalLufs: number | null = null): CallAnalysis {
  const engine = new CallEngine({ sampleRate: d.sampleRate, agentNormalLufs });
  for (let p = 0; p < d.caller.length; p += 128)
    engine.process(d.caller, d.agent, p, Math.min(d.caller.length, p + 128));
  return engine.finish();
}

const cues = (a: CallAnalysis, cue: CueKind): CueInterval[] => a.cues.filter((c) => c.cue === cue);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start);
const during = (t: number, us: TruthUtterance[]) => us.some((u) => t > u.start && t < u.end);

function expectNoFlicker(a: CallAnalysis): void {
  for (const c of a.cues) {
    if (c.end < a.durationSec - 1e-9)
      expect(c.end - c.start, `${c.cue} at ${c.start.toFixed(2)} s`).toBeGreaterThanOrEqual(
        S.minHoldSec - 1e-9,
      );
  }
}

describe.each([8000, 16000, 48000])('your-turn at %i Hz', (sampleRate) => {
  let d: Dialogue;
  let a: CallAnalysis;
  beforeAll(() => {
    d = buildDialogue(turnTakingCall(sampleRate));
    a = analyse(d);
  });

  it('starts within 0.2 s after the pause threshold in every scripted pause, and in no shorter pause', () => {
    const turn = cues(a, 'your-turn');
    let prompted = 0;
    d.truth.forEach((u, i) => {
      if (u.who !== 'caller') return;
      const next = d.truth[i + 1];
      const pauseEnd = next ? next.start : d.durationSec;
      const threshold = u.end + S.pauseSec;
      const inPause = turn.filter((c) => c.start > u.end && c.start < pauseEnd);
      if (pauseEnd - u.end > S.pauseSec + 0.25) {
        expect(inPause, `pause after "${u.text}"`).toHaveLength(1);
        // The detector may put the end of speech a little before the generator's last audible sample.
        expect(inPause[0].start - threshold).toBeGreaterThan(-0.1);
        expect(inPause[0].start - threshold).toBeLessThanOrEqual(0.2);
        prompted++;
      } else if (pauseEnd - u.end < S.pauseSec - 0.2) {
        expect(inPause, `short pause after "${u.text}"`).toHaveLength(0);
      }
    });
    expect(prompted).toBeGreaterThanOrEqual(4);
  });

  it('never shows while the caller talks, and shows wait-for-pause while they do', () => {
    const caller = truthOf(d, 'caller');
    for (const c of cues(a, 'your-turn')) {
      expect(during(c.start, caller)).toBe(false);
      for (const u of caller) expect(overlaps(c, u)).toBeLessThanOrEqual(0);
    }
    const wait = cues(a, 'wait-for-pause');
    for (const u of caller) {
      const covered = wait
        .filter((w) => overlaps(w, u) > 0)
        .reduce((s, w) => s + overlaps(w, u), 0);
      // Shown from the detector's onset: a weak first consonant ("th") and the 30 ms onset may be missed.
      expect(covered, `"${u.text}"`).toBeGreaterThan(u.end - u.start - 0.15);
    }
    expectNoFlicker(a);
  });
});

describe('talking-over', () => {
  let d: Dialogue;
  let a: CallAnalysis;
  beforeAll(() => {
    d = buildDialogue(interruptionCall());
    a = analyse(d);
  });

  it('finds both interruptions with who started them, and not the 0.2 s backchannel', () => {
    const [c1, agentCut, agentLong, callerCut, c3, mm] = d.truth.filter(
      (u) => u.text !== 'Thank you for telling me.',
    );
    expect([c1.who, agentCut.who, agentLong.who, callerCut.who, c3.who, mm.who]).toEqual([
      'caller',
      'agent',
      'agent',
      'caller',
      'caller',
      'agent',
    ]);
    expect(a.overtalk).toHaveLength(2);
    const [first, second] = a.overtalk;
    expect(first.startedBy).toBe('agent');
    expect(Math.abs(first.start - agentCut.start)).toBeLessThan(0.1);
    expect(Math.abs(first.end - Math.min(agentCut.end, c1.end))).toBeLessThan(0.15);
    expect(second.startedBy).toBe('caller');
    expect(Math.abs(second.start - callerCut.start)).toBeLessThan(0.1);

    const over = cues(a, 'talking-over');
    expect(over).toHaveLength(2);
    for (const [cue, truthStart] of [
      [over[0], agentCut.start],
      [over[1], callerCut.start],
    ] as const) {
      expect(cue.start - (truthStart + S.backchannelSec)).toBeGreaterThanOrEqual(0);
      expect(cue.start - (truthStart + S.backchannelSec)).toBeLessThan(0.2);
    }
    expect(over.some((c) => overlaps(c, { start: mm.start - 0.5, end: mm.end + 1 }) > 0)).toBe(
      false,
    );
    expect(a.metrics.overtalkCount).toBe(2);
    expectNoFlicker(a);
  });
});

describe('too-loud', () => {
  let normalLufs: number;
  beforeAll(() => {
    const cal = buildDialogue(calibrationRecording());
    normalLufs = measureNormalVoice(cal.agent, cal.sampleRate)!;
  });

  it('measures the normal voice from a calibration sentence at the generated level', () => {
    // The generator sets -24 dBFS RMS over voiced frames; K-weighting of this voice adds a little.
    expect(normalLufs).toBeGreaterThan(-27);
    expect(normalLufs).toBeLessThan(-21);
  });

  it.each([
    ['learned from the first replies', false],
    ['with a calibration', true],
  ])('fires on the +10 dB reply and not on the normal ones (%s)', (_label, calibrated) => {
    const d = buildDialogue(raisedVoiceCall());
    const a = analyse(d, calibrated ? normalLufs : null);
    const replies = truthOf(d, 'agent');
    const loud = cues(a, 'too-loud');
    expect(loud).toHaveLength(1);
    const loudReply = d.truth.find((u) => u.who === 'agent' && u.levelDbfs > -20)!;
    expect(loud[0].start - loudReply.start).toBeGreaterThanOrEqual(0);
    expect(loud[0].start - loudReply.start).toBeLessThan(0.6);
    expect(loud[0].end).toBeGreaterThan(loudReply.end - 0.3);
    for (const r of replies)
      if (r !== loudReply) expect(overlaps(loud[0], r)).toBeLessThanOrEqual(0);
    expectNoFlicker(a);
  });

  it('catches a loud first reply only with a calibration (nothing to compare with yet otherwise)', () => {
    const d = buildDialogue(raisedVoiceCall(16000, true));
    const first = truthOf(d, 'agent')[0];
    const withCal = cues(analyse(d, normalLufs), 'too-loud');
    expect(withCal).toHaveLength(1);
    expect(withCal[0].start - first.start).toBeLessThan(0.6);
    expect(cues(analyse(d), 'too-loud').some((c) => overlaps(c, first) > 0)).toBe(false);
  });
});

describe('caller-heated and time to calm', () => {
  let d: Dialogue;
  let a: CallAnalysis;
  beforeAll(() => {
    d = buildDialogue(heatedCallerCall());
    a = analyse(d);
  });

  it('comes on when the caller gets 10 dB louder than their earlier turns and goes off once they calm down', () => {
    const caller = truthOf(d, 'caller');
    const firstLoud = caller.find((u) => u.levelDbfs > -20)!;
    const calmAgain = caller.filter((u) => u.start > firstLoud.start && u.levelDbfs < -20)[0];
    const heated = cues(a, 'caller-heated');
    expect(heated).toHaveLength(1);
    expect(heated[0].start - firstLoud.start).toBeGreaterThanOrEqual(0);
    expect(heated[0].start - firstLoud.start).toBeLessThan(0.6);
    expect(heated[0].end).toBeGreaterThan(calmAgain.start);
    expect(heated[0].end).toBeLessThan(calmAgain.end + 0.5);

    const truthCalm = calmAgain.start - firstLoud.start;
    expect(a.metrics.timeToCalmSec).not.toBeNull();
    expect(Math.abs(a.metrics.timeToCalmSec! - truthCalm)).toBeLessThan(1);
  });

  it('keeps too-loud quiet while the agent answers a heated caller in their normal voice', () => {
    expect(cues(a, 'too-loud')).toHaveLength(0);
    expectNoFlicker(a);
  });

  it('stays on, without flicker, for a caller hovering around the threshold', () => {
    const hover = buildDialogue(hoveringCallerCall());
    const h = analyse(hover);
    const heated = cues(h, 'caller-heated');
    expect(heated).toHaveLength(1);
    const firstRaised = truthOf(hover, 'caller').find((u) => u.levelDbfs > -22)!;
    expect(heated[0].start - firstRaised.start).toBeLessThan(0.8);
    expect(h.metrics.timeToCalmSec).toBeNull();
    expectNoFlicker(h);
  });

  it('reports no time to calm when the caller was never heated', () => {
    const calm = analyse(buildDialogue(turnTakingCall()));
    expect(cues(calm, 'caller-heated')).toHaveLength(0);
    expect(calm.metrics.timeToCalmSec).toBeNull();
  });
});
