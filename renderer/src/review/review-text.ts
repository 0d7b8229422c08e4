/**
 * The review's text alternative for its loudness lanes: a one-sentence summary per party and a table of
 * the call in spans (each party's loudest moment in the span and the marked moments that start in it), so
 * a screen reader or a magnifier user reads what the lanes draw. Pure, so tests check it without a canvas.
 */
import type { CallTimeline } from '../../engine/call-types';
import { REGION_STYLES, type ReviewRegion } from './review-regions';
import { formatLufs, formatReviewTime } from './timeline-peaks';

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
  name: string,
  values: readonly (number | null)[],
  stepSec: number,
): string {
  const top = loudest(values, 0, values.length);
  const typical = typicalSpeechLevel(values);
  if (!top || typical === null) return `${name}: not heard.`;
  return `${name}: typically ${formatLufs(typical)} while speaking, loudest ${formatLufs(top.value)} at ${formatReviewTime(top.index * stepSec)}.`;
}

export function reviewSpans(
  timeline: CallTimeline,
  durationSec: number,
  regions: readonly ReviewRegion[],
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
    for (const r of inSpan)
      counts.set(REGION_STYLES[r.kind].name, (counts.get(REGION_STYLES[r.kind].name) ?? 0) + 1);
    rows.push({
      from: formatReviewTime(start),
      to: formatReviewTime(end),
      caller: caller ? formatLufs(caller.value) : 'silent',
      agent: agent ? formatLufs(agent.value) : 'silent',
      moments: [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ') || '—',
    });
  }
  return rows;
}
