/**
 * The review's data: a real call's loudness timeline (the engine on a generated dialogue) becomes two
 * lanes of bars that rise where each party speaks and stay flat where they are silent, the hover readout
 * gives that party's level at a moment, and every overtalk and cue becomes one region in time order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CallEngine } from '../../../renderer/engine/call-engine';
import type { CallAnalysis, CallTimeline } from '../../../renderer/engine/call-types';
import {
  buildReviewRegions,
  describeRegion,
  REGION_KINDS,
  REGION_STYLES,
  regionShort,
} from '../../../renderer/src/review/review-regions';
import {
  PEAK_CEILING_LUFS,
  PEAK_FLOOR_LUFS,
  formatLufs,
  formatReviewTime,
  levelsAt,
  lufsToPeak,
  timelinePeaks,
} from '../../../renderer/src/review/timeline-peaks';
import { buildDialogue, truthOf, type Dialogue } from '../../support/dialogues';
import { intlForLocale } from '../../support/intl-for-locale';
import { LOCALES } from '../../../renderer/src/i18n/locales';
import { interruptionCall } from '../../engine/dialogue-scripts';

let d: Dialogue;
let a: CallAnalysis;
let timeline: CallTimeline;
beforeAll(() => {
  d = buildDialogue(interruptionCall());
  const engine = new CallEngine({ sampleRate: d.sampleRate, recordTimeline: true });
  for (let p = 0; p < d.caller.length; p += 4096)
    engine.process(d.caller, d.agent, p, Math.min(d.caller.length, p + 4096));
  a = engine.finish();
  timeline = a.timeline!;
});

describe('loudness lanes', () => {
  it('maps loudness linearly between the floor and the ceiling, silence to nothing', () => {
    expect(lufsToPeak(null)).toBe(0);
    expect(lufsToPeak(PEAK_FLOOR_LUFS - 10)).toBe(0);
    expect(lufsToPeak(PEAK_CEILING_LUFS + 3)).toBe(1);
    expect(lufsToPeak((PEAK_FLOOR_LUFS + PEAK_CEILING_LUFS) / 2)).toBeCloseTo(0.5, 9);
    expect(lufsToPeak(-30)).toBeGreaterThan(lufsToPeak(-40));
  });

  it('has one bar per 100 ms of the call, high in each party’s speech and flat in the silence between turns', () => {
    const { peaks, durationSec } = timelinePeaks(timeline, a.durationSec);
    expect(durationSec).toBe(a.durationSec);
    expect(peaks[0]).toHaveLength(Math.round(a.durationSec / 0.1));
    expect(peaks[1]).toHaveLength(peaks[0].length);
    const barAt = (lane: number[], t: number) => lane[Math.round(t / 0.1)];
    for (const [lane, who] of [
      [peaks[0], 'caller'],
      [peaks[1], 'agent'],
    ] as const) {
      const speech = truthOf(d, who);
      // Half a second into every utterance (the 400 ms momentary window is full of speech by then).
      const speaking = speech
        .filter((s) => s.end - s.start > 0.6)
        .map((u) => barAt(lane, u.start + 0.5));
      // Silence (the line's hiss only): more than 0.5 s after the party's last word and before their next one.
      const silent: number[] = [];
      for (const [i, u] of speech.entries()) {
        const next = speech[i + 1]?.start ?? d.durationSec;
        for (let t = u.end + 0.5; t < next - 0.1; t += 0.1) silent.push(barAt(lane, t));
      }
      console.log(
        `${who}: speech bars ${Math.min(...speaking).toFixed(2)}…${Math.max(...speaking).toFixed(2)}, silence bars ≤ ${Math.max(...silent).toFixed(2)}`,
      );
      expect(speaking.length).toBeGreaterThan(0);
      expect(silent.length).toBeGreaterThan(10);
      expect(Math.min(...speaking)).toBeGreaterThan(0.3);
      expect(Math.max(...silent)).toBeLessThan(0.1);
    }
  });

  it('reads both parties’ levels at a moment from the nearest point', () => {
    const callerSpeaks = truthOf(d, 'caller')[0];
    const t = callerSpeaks.start + 1;
    const at = levelsAt(timeline, t);
    expect(at.caller.momentary).toBe(timeline.caller.momentary[Math.round(t * 10)]);
    expect(at.caller.momentary).not.toBeNull();
    expect(at.agent.momentary).toBeNull();
    expect(levelsAt(timeline, a.durationSec + 60).caller).toEqual({
      momentary: null,
      shortTerm: null,
    });
  });

  it('formats times as m:ss.t without ever showing 60 seconds', () => {
    expect(formatReviewTime(59.96)).toBe('1:00.0');
    expect(formatReviewTime(75.04)).toBe('1:15.0');
    expect(formatReviewTime(-1)).toBe('0:00.0');
  });

  it('writes the tenths and the levels with the locale’s decimal sign', () => {
    const fr = intlForLocale('fr');
    expect(formatReviewTime(75.04, fr)).toBe('1:15,0');
    expect(formatLufs(-23.44, fr)).toMatch(/^.23,4 LUFS$/);
    expect(formatLufs(null, intlForLocale('de'))).toBe('still');
  });
});

describe('regions', () => {
  it('has one region per overtalk and per cue, in time order, on the right lane', () => {
    const regions = buildReviewRegions(a, a.durationSec);
    expect(regions).toHaveLength(a.overtalk.length + a.cues.length);
    expect(regions.filter((r) => r.kind === 'overtalk')).toHaveLength(a.overtalk.length);
    for (let i = 1; i < regions.length; i++)
      expect(regions[i].start).toBeGreaterThanOrEqual(regions[i - 1].start);
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
    for (const r of regions) {
      expect(r.end).toBeGreaterThanOrEqual(r.start);
      const lane = REGION_STYLES[r.kind].lane;
      if (r.kind === 'overtalk') expect(lane).toBe(-1);
      if (r.kind === 'caller-heated' || r.kind === 'wait-for-pause') expect(lane).toBe(0);
      if (r.kind === 'talking-over' || r.kind === 'too-loud' || r.kind === 'your-turn')
        expect(lane).toBe(1);
    }
    // The script's first interruption is the agent's.
    const first = regions.find((r) => r.kind === 'overtalk')!;
    expect(describeRegion(first)).toMatch(/^Overtalk \d+\.\d–\d+\.\d s, started by you$/);
  });

  it('keeps every region inside the call, and every kind has its own label', () => {
    const regions = buildReviewRegions(
      {
        overtalk: [{ start: -0.3, end: 2, startedBy: 'caller' }],
        cues: [{ cue: 'too-loud', start: 9, end: 14 }],
      },
      10,
    );
    expect(regions.map((r) => [r.start, r.end])).toEqual([
      [0, 2],
      [9, 10],
    ]);
    for (const locale of LOCALES) {
      const intl = intlForLocale(locale);
      const shorts = REGION_KINDS.map((kind) => regionShort(kind, intl));
      expect(new Set(shorts).size, locale).toBe(shorts.length);
    }
  });
});
