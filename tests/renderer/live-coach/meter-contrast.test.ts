/**
 * The meters' marks against what they are drawn on, for WCAG 1.4.11 (non-text contrast ≥ 3:1), in the
 * light and the dark theme: the colours are read from the stylesheet the canvas takes them from, the
 * bars are drawn by the real MeterPainter onto a recording context, and every boundary in the drawn image
 * between a mark (bar, peak hold, band edge, tick) and a surface it is drawn on (the track, the target
 * band's tint) is checked. Where one mark crosses another (the bar over a band edge or a tick's top, the
 * peak over the bar) nothing is required: each mark also meets a surface, and that is where it is seen —
 * which the test checks too. The tint itself is decoration: the band's 2 px edges are its marks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeterPainter } from '../../../renderer/src/live-coach/meters/meter-painter';
import type { MeterColours } from '../../../renderer/src/live-coach/meters/meter-protocol';
import { contrastRatio, over, parseColour, type Rgba } from '../../support/colour-contrast';

const css = readFileSync('renderer/src/app/styles.css', 'utf8');

/** The custom properties set in the first `:root { … }` after `after` (a media query, or the file start). */
function customProperties(after: string): Record<string, string> {
  const start = css.indexOf(':root {', after === '' ? 0 : css.indexOf(after));
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
  );
}
const light = customProperties('');
const themes: Record<string, Record<string, string>> = {
  light,
  dark: { ...light, ...customProperties('@media (prefers-color-scheme: dark)') },
};

type Mark = keyof MeterColours;
const MARKS: Mark[] = ['track', 'band', 'bandEdge', 'fill', 'peak', 'tick'];
const SURFACES = new Set<Mark>(['track', 'band']);

/** Paints a meter with a band, a bar inside it and a held peak, and rasterises what was drawn. */
function drawMeter(colours: MeterColours) {
  const width = 240;
  const height = 22;
  const rects: { mark: Mark; x: number; y: number; w: number; h: number }[] = [];
  const markOf = new Map(MARKS.map((m) => [colours[m], m]));
  const ctx = {
    canvas: { width, height },
    fillStyle: '',
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ mark: markOf.get(this.fillStyle)!, x, y, w, h });
    },
  };
  const painter = new MeterPainter(ctx as unknown as CanvasRenderingContext2D, colours);
  const band = { low: -30, high: -21 };
  painter.paint(-22, band, 0); // the peak: -22 LUFS
  painter.paint(-26, band, 0.5); // the bar at -26, the peak held
  // The last paint's rects, in order; each pixel takes the colour of the rects over it.
  const last = rects.slice(rects.map((r) => r.mark).lastIndexOf('track'));
  const owner: Mark[][] = [];
  const colour: Rgba[][] = [];
  for (let y = 0; y < height; y++) {
    owner.push([]);
    colour.push([]);
    for (let x = 0; x < width; x++) {
      let c: Rgba = { r: 255, g: 255, b: 255, a: 1 };
      let top: Mark = 'track';
      for (const r of last)
        if (x + 0.5 >= r.x && x + 0.5 < r.x + r.w && y + 0.5 >= r.y && y + 0.5 < r.y + r.h) {
          c = over(parseColour(colours[r.mark]), c);
          top = r.mark;
        }
      owner[y].push(top);
      colour[y].push(c);
    }
  }
  return { owner, colour, drawn: new Set(last.map((r) => r.mark)) };
}

describe.each(Object.keys(themes))('meter marks, %s theme', (theme) => {
  const vars = themes[theme];
  const colours: MeterColours = {
    track: vars['--meter-track'],
    fill: vars['--meter-fill'],
    peak: vars['--meter-peak'],
    band: vars['--meter-band'],
    bandEdge: vars['--meter-band-edge'],
    tick: vars['--meter-tick'],
  };

  it('has every mark drawn, each ≥ 3:1 against every mark it touches', () => {
    expect(Object.values(colours).every(Boolean)).toBe(true);
    const { owner, colour, drawn } = drawMeter(colours);
    expect([...drawn].sort()).toEqual([...MARKS].sort());
    const worst = new Map<string, number>();
    for (let y = 0; y < owner.length; y++)
      for (let x = 0; x < owner[y].length; x++)
        for (const [nx, ny] of [
          [x + 1, y],
          [x, y + 1],
        ]) {
          if (ny >= owner.length || nx >= owner[y].length) continue;
          const [a, b] = [owner[y][x], owner[ny][nx]];
          // A mark against a surface; not mark against mark, nor the tint against the track.
          if (a === b || SURFACES.has(a) === SURFACES.has(b)) continue;
          const ratio = contrastRatio(colour[y][x], colour[ny][nx]);
          const key = [owner[y][x], owner[ny][nx]].sort().join(' / ');
          worst.set(key, Math.min(worst.get(key) ?? Infinity, ratio));
        }
    const report = Object.fromEntries([...worst].map(([k, v]) => [k, +v.toFixed(2)]));
    console.log(`${theme}: lowest contrast per boundary`, report);
    for (const [pair, ratio] of worst) expect(ratio, pair).toBeGreaterThanOrEqual(3);
    // Every mark meets a surface in the drawing …
    for (const mark of ['fill', 'peak', 'bandEdge', 'tick'])
      expect(
        [...worst.keys()].some((k) => k.split(' / ').includes(mark)),
        mark,
      ).toBe(true);
    // … and would stand out on either surface wherever the levels put it.
    const track = parseColour(colours.track);
    const tint = over(parseColour(colours.band), track);
    for (const mark of ['fill', 'peak', 'bandEdge', 'tick'] as const)
      for (const [surface, under] of [
        ['track', track],
        ['band', tint],
      ] as const)
        expect(
          contrastRatio(over(parseColour(colours[mark]), under), under),
          `${mark} on the ${surface}`,
        ).toBeGreaterThanOrEqual(3);
  });
});
