import { describe, expect, it } from 'vitest';
import { MeterPainter } from '../../../renderer/src/live-coach/meters/meter-painter';
import { meterFraction } from '../../../renderer/src/live-coach/meters/meter-scale';

/** Where the peak hold is drawn after each paint (x of its 3 px mark), from a recording context. */
function peakPositions(reduced: boolean, times: number[]): (number | null)[] {
  const colours = {
    track: 'track',
    fill: 'fill',
    peak: 'peak',
    band: 'band',
    bandEdge: 'edge',
    tick: 'tick',
  };
  let peakX: number | null = null;
  const ctx = {
    canvas: { width: 240, height: 22 },
    fillStyle: '',
    fillRect(x: number) {
      if (this.fillStyle === 'track') peakX = null;
      if (this.fillStyle === 'peak') peakX = x;
    },
  };
  const painter = new MeterPainter(ctx as unknown as CanvasRenderingContext2D, colours);
  painter.setReducedMotion(reduced);
  painter.paint(-20, null, 0); // a loud moment, then silence
  return times.map((t) => {
    painter.paint(null, null, t);
    return peakX;
  });
}

describe('the peak hold under prefers-reduced-motion', () => {
  const times = [0.5, 1.0, 1.6, 1.8, 2.0, 2.5, 4.5];
  const held = Math.round(meterFraction(-20) * 240) - 2;

  it('slides down after its hold by default', () => {
    const xs = peakPositions(false, times);
    expect(xs.slice(0, 2)).toEqual([held, held]);
    const sliding = xs.filter((x) => x !== null && x !== held);
    expect(sliding.length).toBeGreaterThanOrEqual(3);
  });

  it('drops in one step when motion is reduced: held, then gone — no position in between', () => {
    const xs = peakPositions(true, times);
    expect(xs).toEqual([held, held, null, null, null, null, null]);
  });
});
