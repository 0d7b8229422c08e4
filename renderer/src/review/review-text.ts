/**
 * The review's text alternative for its loudness lanes: a one-sentence summary per party and a table of
 * the call in spans (each party's loudest moment in the span and the marked moments that start in it), so
 * a screen reader or a magnifier user reads what the lanes draw. Pure, so tests check it without a canvas.
 */
import type { IntlShape } from 'react-intl';
import type { CallTimeline, Party } from '../../engine/call-types';
import { ENGLISH_INTL } from '../i18n/english-intl';
import { regionName, type ReviewRegion } from './review-regions';
import { formatLufs, formatReviewTime } from './timeline-peaks';

type Words = Pick<IntlShape, 'formatMessage' | 'formatNumber'>;

export interface ReviewSpanRow {
  readonly from: string;
  readonly to: string;
  readonly caller: string;
  readonly agent: string;
  readonly moments: string;
}

/** Span length: 10 s, longer for long calls so the table has at most about 30 rows. */
export function spanSeconds(durationSec: number): number {
  return Math.max(10, Math.ceil(durationSec / 30 / 10) * 10);
}

function loudest(values: readonly (number | null)[], from: number, to: number) {
  let best: { value: number; index: number } | null = null;
  for (let i = from; i < Math.min(to, values.length); i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v) && (best === null || v > best.value))
      best = { value: v, index: i };
  }
  return best;
}

/** Below this the line is silent (BS.1770's absolute gate). */
const ABSOLUTE_GATE_LUFS = -70;
/** Points this far below the party's mean level (energy) are not speech: line noise, breaths, the room.
 * BS.1770 gates its integrated loudness the same way; speech sits within ±10 LU of its own level, while
 * the line noise of a phone call is 30–40 LU under the voice (a caller at −13 LUFS over −54 LUFS of
 * noise: the plain median of every point was −54, the noise, when the caller spoke a third of the call). */
const RELATIVE_GATE_LU = 10;

/**
 * The party's typical level while speaking: the median of the points that pass both gates (absolute
 * −70 LUFS, then 10 LU under the energy mean of what passed the first). null when nothing passes.
 */
export function typicalSpeechLevel(values: readonly (number | null)[]): number | null {
  const heard = values.filter(
    (v): v is number => v !== null && Number.isFinite(v) && v > ABSOLUTE_GATE_LUFS,
  );
  if (heard.length === 0) return null;
  const meanEnergy = heard.reduce((sum, v) => sum + 10 ** (v / 10), 0) / heard.length;
  const gate = 10 * Math.log10(meanEnergy) - RELATIVE_GATE_LU;
  const speech = heard.filter((v) => v >= gate).sort((a, b) => a - b);
  return speech[Math.floor(speech.length / 2)];
}

/** "Caller: typically −24 LUFS while speaking, loudest −14 LUFS at 0:32." */
export function partySummary(
  party: Party,
  values: readonly (number | null)[],
  stepSec: number,
  intl: Words = ENGLISH_INTL,
): string {
  const top = loudest(values, 0, values.length);
  const typical = typicalSpeechLevel(values);
  if (!top || typical === null)
    return intl.formatMessage({ id: 'review.summary.not-heard' }, { party });
  return intl.formatMessage(
    { id: 'review.summary' },
    {
      party,
      typical: formatLufs(typical, intl),
      loudest: formatLufs(top.value, intl),
      time: formatReviewTime(top.index * stepSec, intl),
    },
  );
}

export function reviewSpans(
  timeline: CallTimeline,
  durationSec: number,
  regions: readonly ReviewRegion[],
  intl: Words = ENGLISH_INTL,
): ReviewSpanRow[] {
  const span = spanSeconds(durationSec);
  const rows: ReviewSpanRow[] = [];
  for (let start = 0; start < durationSec; start += span) {
    const end = Math.min(durationSec, start + span);
    const [i0, i1] = [Math.round(start / timeline.stepSec), Math.round(end / timeline.stepSec)];
    const caller = loudest(timeline.caller.momentary, i0, i1);
    const agent = loudest(timeline.agent.momentary, i0, i1);
    const inSpan = regions.filter((r) => r.start >= start && r.start < end);
    const counts = new Map<string, number>();
    for (const r of inSpan) {
      const name = regionName(r.kind, intl);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    rows.push({
      from: formatReviewTime(start, intl),
      to: formatReviewTime(end, intl),
      caller: formatLufs(caller ? caller.value : null, intl),
      agent: formatLufs(agent ? agent.value : null, intl),
      moments:
        [...counts]
          .map(([name, count]) =>
            count > 1 ? intl.formatMessage({ id: 'review.moments.times' }, { name, count }) : name,
          )
          .join(', ') || '—',
    });
  }
  return rows;
}
