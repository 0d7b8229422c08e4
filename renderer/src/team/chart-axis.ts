/**
 * The team charts' x axis: a point's label in words ("5 Jan", "Jan 2026") and the boxes of the labels
 * chart.js drew, written on the canvas so the page can check that none overlaps another or leaves the
 * chart — at 320 px as at 1280 px.
 */
import type { Chart } from 'chart.js';
import type { IntlShape } from 'react-intl';
import { ENGLISH_INTL } from '../i18n/english-intl';
import type { Granularity } from './team-series';

type Dates = Pick<IntlShape, 'formatDate'>;

const dateOf = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** An x-axis label, short: "5 Jan", "Jan 2026" in the locale's own order. */
export function pointLabel(
  day: string,
  granularity: Granularity,
  intl: Dates = ENGLISH_INTL,
): string {
  if (granularity === 'month')
    return intl.formatDate(dateOf(day), { month: 'short', year: 'numeric' });
  return intl.formatDate(dateOf(day), { day: 'numeric', month: 'short' });
}

/** A point in full, for the table and the summary: "Jan 5, 2026", "January 2026". */
export function pointDate(
  day: string,
  granularity: Granularity,
  intl: Dates = ENGLISH_INTL,
): string {
  if (granularity === 'month')
    return intl.formatDate(dateOf(day), { month: 'long', year: 'numeric' });
  return intl.formatDate(dateOf(day), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** [left, right] in CSS px of each x label drawn (labels are horizontal, centred on their tick). */
export function xLabelBoxes(chart: Chart): [number, number][] {
  const scale = chart.scales.x;
  if (!scale) return [];
  const ctx = chart.ctx;
  const boxes: [number, number][] = [];
  ctx.save();
  for (const item of scale.getLabelItems()) {
    const font = (item as { font?: { string?: string } }).font;
    if (font?.string) ctx.font = font.string;
    const text = Array.isArray(item.label) ? item.label.join(' ') : String(item.label);
    const width = ctx.measureText(text).width;
    const x = item.options.translation?.[0] ?? 0;
    boxes.push([Math.round((x - width / 2) * 10) / 10, Math.round((x + width / 2) * 10) / 10]);
  }
  ctx.restore();
  return boxes;
}
