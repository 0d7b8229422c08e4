/**
 * The engine as the worklet and the analyser use it: identical results whatever the block size, live
 * events that add up to the final analysis, snapshots that reuse the caller's object, settings updates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CallEngine, createLiveSnapshot } from '../../renderer/engine/call-engine';
import { CUE_KINDS, type CallAnalysis, type CueEvent } from '../../renderer/engine/call-types';
import { buildDialogue, type Dialogue } from '../support/dialogues';
import { forEachBlock, seededRandom, type BlockPattern } from '../support/test-audio';
import { heatedCallerCall, interruptionCall } from './dialogue-scripts';

function run(
  d: Dialogue,
  pattern: BlockPattern,
  recordTimeline = true,
): { analysis: CallAnalysis; events: CueEvent[] } {
  const engine = new CallEngine({ sampleRate: d.sampleRate, recordTimeline });
  const events: CueEvent[] = [];
  forEachBlock(d.caller.length, pattern, (start, end) => {
    engine.process(d.caller, d.agent, start, end);
    events.push(...engine.takeEvents());
  });
  const analysis = engine.finish();
  events.push(...engine.takeEvents());
  return { analysis, events };
}

describe.each([
  ['a heated caller, 48 kHz', () => heatedCallerCall(48000)],
  ['interruptions, 44.1 kHz', () => interruptionCall(44100)],
])('block-size independence: %s', (_label, script) => {
  let d: Dialogue;
  let reference: { analysis: CallAnalysis; events: CueEvent[] };
  beforeAll(() => {
    d = buildDialogue(script());
    reference = run(d, { kind: 'fixed', size: 128 });
  });

  it('has something to compare: speech, cues and a timeline', () => {
    expect(reference.analysis.speech.caller.length).toBeGreaterThan(3);
    expect(reference.analysis.cues.length).toBeGreaterThan(5);
    expect(reference.analysis.timeline!.caller.momentary.length).toBeGreaterThan(100);
  });

  it.each<BlockPattern>([
    { kind: 'fixed', size: 4096 },
    { kind: 'fixed', size: 1 },
    { kind: 'random', seed: 7, min: 1, max: 5000 },
    { kind: 'whole' },
  ])('gives the same analysis and events with %o', (pattern) => {
    const other = run(d, pattern);
    expect(other.analysis).toEqual(reference.analysis);
    expect(other.events).toEqual(reference.events);
  });
});

describe('events and snapshots', () => {
  let d: Dialogue;
  beforeAll(() => {
    d = buildDialogue(interruptionCall());
  });

  it('hands out every cue change, speech segment and overtalk once, matching finish()', () => {
    const { analysis, events } = run(d, { kind: 'fixed', size: 128 }, false);
    const ends = events.filter((e) => e.type === 'cue-end');
    expect(
      ends
        .map((e) => ({ cue: e.cue, start: e.start, end: e.time }))
        .sort((a, b) => a.start - b.start),
    ).toEqual([...analysis.cues].sort((a, b) => a.start - b.start));
    expect(events.filter((e) => e.type === 'cue-start')).toHaveLength(analysis.cues.length);
    expect(
      events
        .filter((e) => e.type === 'overtalk')
        .map(({ start, end, startedBy }) => ({ start, end, startedBy })),
    ).toEqual(analysis.overtalk);
    const speech = events.filter((e) => e.type === 'speech');
    expect(speech.filter((e) => e.party === 'caller').map((e) => [e.start, e.end])).toEqual(
      analysis.speech.caller.map((s) => [s.start, s.end]),
    );
    expect(speech.filter((e) => e.party === 'agent').map((e) => [e.start, e.end])).toEqual(
      analysis.speech.agent.map((s) => [s.start, s.end]),
    );
    expect(analysis.timeline).toBeNull();
  });

  it('fills the given snapshot, with cue flags, primary cue and levels that follow the call', () => {
    const engine = new CallEngine({ sampleRate: d.sampleRate });
    const snap = createLiveSnapshot();
    let sawOver = false;
    let sawCallerSpeaking = false;
    let maxVenting = 0;
    // The banner holds each state minHoldSec (banner-hold.ts): a cue (or none) that has lasted that long shows.
    const hold = engine.settings.minHoldSec;
    const since = { over: -1, none: -1 };
    for (let p = 0; p < d.caller.length; p += 480) {
      engine.process(d.caller, d.agent, p, Math.min(d.caller.length, p + 480));
      expect(engine.snapshot(snap)).toBe(snap);
      const t = snap.timeSec;
      const bitsFromFlags = CUE_KINDS.reduce((b, cue, i) => b | ((snap.cues[cue] ? 1 : 0) << i), 0);
      expect(bitsFromFlags).toBe(snap.activeCueBits);
      since.over = snap.cues['talking-over'] ? (since.over < 0 ? t : since.over) : -1;
      since.none = snap.activeCueBits === 0 ? (since.none < 0 ? t : since.none) : -1;
      if (since.over >= 0) sawOver = true;
      if (since.over >= 0 && t - since.over >= hold) expect(snap.primaryCue).toBe('talking-over');
      if (since.none >= 0 && t - since.none >= hold) expect(snap.primaryCue).toBeNull();
      expect(engine.bannerCue).toBe(snap.primaryCue);
      if (snap.caller.speaking) {
        sawCallerSpeaking = true;
        expect(snap.caller.momentaryLufs).not.toBeNull();
      }
      maxVenting = Math.max(maxVenting, snap.ventingSec);
    }
    expect(sawOver).toBe(true);
    expect(sawCallerSpeaking).toBe(true);
    const analysis = engine.finish();
    expect(snap.overtalkCount).toBe(analysis.metrics.overtalkCount);
    // The venting timer peaks at the longest caller turn.
    expect(Math.abs(maxVenting - analysis.metrics.longestCallerTurnSec)).toBeLessThan(0.02);
    expect(snap.talkRatio).toBeCloseTo(analysis.metrics.talkRatio!, 1);
  });

  it('applies settings updates during the call, clamped to their limits', () => {
    const engine = new CallEngine({ sampleRate: d.sampleRate, settings: { pauseSec: 99 } });
    expect(engine.settings.pauseSec).toBe(5);
    engine.updateSettings({ pauseSec: 1.5, backchannelSec: Number.NaN });
    expect(engine.settings.pauseSec).toBe(1.5);
    expect(engine.settings.backchannelSec).toBe(0.3);
    engine.process(d.caller, d.agent);
    const a = engine.finish();
    const prompts = a.cues.filter((c) => c.cue === 'your-turn');
    expect(prompts.length).toBeGreaterThan(0);
    for (const p of prompts) {
      const lastCallerEnd = Math.max(
        ...a.speech.caller.filter((s) => s.end <= p.start).map((s) => s.end),
      );
      expect(p.start - lastCallerEnd).toBeCloseTo(1.5, 1);
    }
  });

  it('refuses blocks outside the arrays and audio after finish()', () => {
    const engine = new CallEngine({ sampleRate: 16000 });
    const x = new Float32Array(100);
    expect(() => engine.process(x, new Float32Array(50))).toThrow(RangeError);
    engine.finish();
    expect(() => engine.process(x, x)).toThrow(/after finish/);
  });

  it('handles digital silence and a mono caller with a silent agent without speech or cues', () => {
    const rnd = seededRandom(3);
    const quiet = new Float32Array(16000 * 5).map(() => (rnd() - 0.5) * 1e-6);
    const engine = new CallEngine({ sampleRate: 16000, recordTimeline: true });
    engine.process(quiet, new Float32Array(quiet.length));
    const a = engine.finish();
    expect(a.speech.caller).toEqual([]);
    expect(a.cues).toEqual([]);
    expect(a.loudness.agent).toEqual({
      integratedLufs: null,
      maxMomentaryLufs: null,
      maxShortTermLufs: null,
      peakDbfs: null,
    });
    expect(a.timeline!.caller.momentary.every((v) => v === null)).toBe(true);
    expect(a.metrics.talkRatio).toBeNull();
  });
});
