import { describe, expect, it } from 'vitest';
import type { CallTimeline } from '../../../renderer/engine/call-types';
import {
  partySummary,
  reviewSpans,
  spanSeconds,
  typicalSpeechLevel,
} from '../../../renderer/src/review/review-text';
import type { ReviewRegion } from '../../../renderer/src/review/review-regions';
import { intlForLocale } from '../../support/intl-for-locale';

/** 25 s at 100 ms: the caller speaks at −24 LUFS with a −14 peak at 12.3 s; the agent from 15 s. */
function timeline(): CallTimeline {
  const n = 250;
  const caller = Array.from({ length: n }, (_, i) => (i < 150 ? -24 : null) as number | null);
  caller[123] = -14;
  const agent = Array.from({ length: n }, (_, i) => (i >= 150 ? -26 : null) as number | null);
  agent[200] = -20;
  return {
    stepSec: 0.1,
    caller: { momentary: caller, shortTerm: caller },
    agent: { momentary: agent, shortTerm: agent },
  };
}

describe('the review in words', () => {
  it('sums up each party: typical level while speaking, and the loudest moment with its time', () => {
    const t = timeline();
    expect(partySummary('caller', t.caller.momentary, t.stepSec)).toBe(
      'Caller: typically -24.0 LUFS while speaking, loudest -14.0 LUFS at 0:12.3.',
    );
    expect(partySummary('agent', [null, null], 0.1)).toBe('You: not heard.');
  });

  it('the typical level is over speech only: line noise and silence between the words do not count', () => {
    // A caller at about −13 LUFS for a third of the call, −54 LUFS of line noise and digital silence
    // (−120) the rest: the median of every point was the noise.
    const values = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0 ? -13 + ((i % 7) - 3) * 0.5 : i % 3 === 1 ? -54 : -120,
    );
    expect(typicalSpeechLevel(values)).toBe(-13);
    expect(partySummary('caller', values, 0.1)).toMatch(
      /^Caller: typically -13\.0 LUFS while speaking/,
    );
    // Only noise under the absolute gate: not heard.
    expect(typicalSpeechLevel([-75, -80, null])).toBeNull();
  });

  it('lists the call span by span with each party’s loudest moment and the marked moments', () => {
    const regions = [
      { id: 'a', kind: 'wait-for-pause', start: 0.5, end: 4 },
      { id: 'b', kind: 'wait-for-pause', start: 6, end: 9 },
      { id: 'c', kind: 'too-loud', start: 20, end: 21 },
    ] as unknown as ReviewRegion[];
    expect(reviewSpans(timeline(), 25, regions)).toEqual([
      {
        from: '0:00.0',
        to: '0:10.0',
        caller: '-24.0 LUFS',
        agent: 'silent',
        moments: 'Wait for the pause ×2',
      },
      { from: '0:10.0', to: '0:20.0', caller: '-14.0 LUFS', agent: '-26.0 LUFS', moments: '—' },
      { from: '0:20.0', to: '0:25.0', caller: 'silent', agent: '-20.0 LUFS', moments: 'Too loud' },
    ]);
    expect(spanSeconds(25)).toBe(10);
    expect(spanSeconds(30 * 60)).toBe(60);
  });

  it('says it in the agent’s language', () => {
    const t = timeline();
    expect(partySummary('caller', t.caller.momentary, t.stepSec, intlForLocale('es'))).toMatch(
      /^Cliente: normalmente .24,0 LUFS al hablar, máximo .14,0 LUFS en 0:12,3\.$/,
    );
    const regions = [{ id: 'a', kind: 'too-loud', start: 1, end: 2 }] as unknown as ReviewRegion[];
    expect(reviewSpans(t, 10, regions, intlForLocale('de'))[0]).toMatchObject({
      from: '0:00,0',
      agent: 'still',
      moments: 'Zu laut',
    });
  });
});
