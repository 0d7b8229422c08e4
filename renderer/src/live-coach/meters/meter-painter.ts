import { METER_TICKS_LUFS, PeakHold, meterFraction } from './meter-scale';
import type { MeterColours } from './meter-protocol';

/** The agent's target band: from a little under their normal voice to the "too loud" margin above it. */
export const BAND_BELOW_NORMAL_LU = 3;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws one horizontal loudness bar (momentary LUFS on the meter scale) with peak hold, tick marks and an
 * optional target band. Redraws only when a pixel would change, so silence and steady speech cost nothing.
 */
export class MeterPainter {
  private peak = new PeakHold();
  private lastKey = '';

  constructor(
    private readonly ctx: Context2D,
    private colours: MeterColours,
  ) {}

  /** New colours (the page's theme or forced colours changed): drawn on the next paint. */
  setColours(colours: MeterColours): void {
    this.colours = colours;
    this.lastKey = '';
  }

  /** Reduced motion: a peak hold that, once its hold time is over, drops to the level in one step. */
  setReducedMotion(reduced: boolean): void {
    this.peak = reduced ? new PeakHold(1.5, Infinity) : new PeakHold();
    this.lastKey = '';
  }

  /** Returns true while the peak hold is still falling (draw again next frame). */
  paint(lufs: number | null, band: { low: number; high: number } | null, nowSec: number): boolean {
    const { ctx, colours } = this;
    const { width, height } = ctx.canvas;
    const held = this.peak.update(lufs, nowSec);
    const px = (v: number | null) => Math.round(meterFraction(v) * width);
    const key = `${px(lufs)}|${held === null ? -1 : px(held)}|${band ? `${px(band.low)}-${px(band.high)}` : ''}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      ctx.fillStyle = colours.track;
      ctx.fillRect(0, 0, width, height);
      if (band) {
        const x0 = px(band.low);
        const x1 = Math.max(x0 + 2, px(band.high));
        ctx.fillStyle = colours.band;
        ctx.fillRect(x0, 0, x1 - x0, height);
        // The edges carry the band (≥ 3:1 against the track); the tint alone is too faint to.
        ctx.fillStyle = colours.bandEdge;
        ctx.fillRect(x0, 0, 2, height);
        ctx.fillRect(x1 - 2, 0, 2, height);
      }
      ctx.fillStyle = colours.fill;
      ctx.fillRect(0, height * 0.25, px(lufs), height * 0.5);
      if (held !== null) {
        ctx.fillStyle = colours.peak;
        ctx.fillRect(Math.max(0, px(held) - 2), 0, 3, height);
      }
      ctx.fillStyle = colours.tick;
      for (const t of METER_TICKS_LUFS) ctx.fillRect(px(t), height - 6, 1, 6);
    }
    return held !== lufs;
  }
}
