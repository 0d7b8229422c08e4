/**
 * The team charts' x axis: a point's label in words ("5 Jan", "Jan 2026") and the boxes of the labels
 * chart.js drew, written on the canvas so the page can check that none overlaps another or leaves the
 * chart — at 320 px as at 1280 px.
 */
import type { Chart } from 'chart.js';
import type { Granularity } from './team-series';

export function pointLabel(day: string, granularity: Granularity): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  if (granularity === 'month')
    return date.toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
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
