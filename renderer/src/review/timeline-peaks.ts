/**
 * A stored loudness timeline → what the review draws and reads: one bar per 100 ms per party for
 * wavesurfer's `peaks` (loudness in dB mapped linearly to 0..1 between a floor and a ceiling, silence 0),
 * and the levels at any moment for the hover readout.
 */
import type { IntlShape } from 'react-intl';
import type { CallTimeline, Party } from '../../engine/call-types';
import { ENGLISH_INTL } from '../i18n/english-intl';

/** Bars start at this momentary loudness (LUFS); quieter (a phone line's hiss, room tone) is drawn as silence. */
export const PEAK_FLOOR_LUFS = -50;
/** A bar of full height. */
export const PEAK_CEILING_LUFS = 0;

export function lufsToPeak(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const x = (value - PEAK_FLOOR_LUFS) / (PEAK_CEILING_LUFS - PEAK_FLOOR_LUFS);
  return Math.min(1, Math.max(0, x));
}

export interface TimelinePeaks {
  /** Caller first, then agent (wavesurfer's channel order: the top lane first). */
  peaks: [number[], number[]];
  /** Seconds the bars span: the call's duration when known, else the timeline's own length. */
  durationSec: number;
}

/**
 * Bars for both lanes, spread by wavesurfer evenly over `durationSec`: bar j stands for time j × stepSec,
 * so the bars are as many as the call has steps and they line up with the regions (which use call time).
 */
export function timelinePeaks(timeline: CallTimeline, callDurationSec?: number): TimelinePeaks {
  const points = Math.max(timeline.caller.momentary.length, timeline.agent.momentary.length);
  const durationSec =
    callDurationSec !== undefined && callDurationSec > 0
      ? callDurationSec
      : Math.max(0, points - 1) * timeline.stepSec;
  const bars = Math.max(1, Math.round(durationSec / timeline.stepSec));
  const lane = (party: Party) => {
    const series = timeline[party].momentary;
    const out = new Array<number>(bars);
    for (let j = 0; j < bars; j++) out[j] = lufsToPeak(series[j] ?? null);
    return out;
  };
  return { peaks: [lane('caller'), lane('agent')], durationSec };
}

export interface LevelsAt {
  timeSec: number;
  caller: { momentary: number | null; shortTerm: number | null };
  agent: { momentary: number | null; shortTerm: number | null };
}

/** Both parties' levels at `timeSec` (the nearest 100 ms point; null where silent or past the end). */
export function levelsAt(timeline: CallTimeline, timeSec: number): LevelsAt {
  const i = Math.max(0, Math.round(timeSec / timeline.stepSec));
  const at = (party: Party) => ({
    momentary: timeline[party].momentary[i] ?? null,
    shortTerm: timeline[party].shortTerm[i] ?? null,
  });
  return { timeSec, caller: at('caller'), agent: at('agent') };
}

/** "-23.4 LUFS", or "silent", in the language of `intl` (English without one). */
export function formatLufs(
  value: number | null,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  return value === null
    ? intl.formatMessage({ id: 'review.silent' })
    : intl.formatMessage({ id: 'review.lufs' }, { lufs: value });
}

/** m:ss.t, the tenths after the locale's decimal sign ("1:05.3", "1:05,3"). */
export function formatReviewTime(
  sec: number,
  intl: Pick<IntlShape, 'formatNumber'> = ENGLISH_INTL,
): string {
  const tenths = Math.round(Math.max(0, sec) * 10);
  const m = Math.floor(tenths / 600);
  const rest = (tenths - m * 600) / 10;
  const seconds = intl.formatNumber(rest, {
    minimumIntegerDigits: 2,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return `${m}:${seconds}`;
}
