/**
 * The tray icon, drawn in code for each call state: the app's teal tile with its calm line, plus a
 * status dot — red in a call, amber while a wrap-up waits, blue when follow-ups are due, none when idle.
 * Drawn at any pixel size (16/32 for the tray, 2× for HiDPI) with 4×4 supersampling.
 */
import { encodePng, type RgbaImage } from './png-encode';
import type { TrayIconKind } from './tray-presentation';

type Rgb = readonly [number, number, number];

export const TRAY_TILE_COLOR: Rgb = [0x3d, 0x85, 0x80];
export const TRAY_LINE_COLOR: Rgb = [0xff, 0xff, 0xff];
export const TRAY_DOT_COLORS: Readonly<Record<TrayIconKind, Rgb | null>> = {
  idle: null,
  'in-call': [0xe0, 0x44, 0x30],
  'wrap-up-pending': [0xf0, 0xa2, 0x02],
  'follow-up-due': [0x25, 0x6f, 0xe8],
};

/** Where the status dot sits, as fractions of the icon size (tests read the colour there). */
export const TRAY_DOT = { cx: 0.76, cy: 0.76, radius: 0.22, gap: 0.07 } as const;

const TILE_INSET = 0.04;
const TILE_RADIUS = 0.22;
const LINE_HALF_WIDTH = 0.065;
const SUBSAMPLES = 4;

/** The calm line: a wave that starts high and settles flat, as a polyline in unit coordinates. */
const WAVE: readonly (readonly [number, number])[] = (() => {
  const points: [number, number][] = [];
  const x0 = 0.2;
  const x1 = 0.8;
  const steps = 48;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const decay = Math.max(0, 1 - t * 1.25);
    points.push([x0 + (x1 - x0) * t, 0.5 - 0.2 * decay * Math.sin(t * Math.PI * 4)]);
  }
  return points;
})();

function distanceToSegment(
  px: number,
  py: number,
  a: readonly [number, number],
  b: readonly [number, number],
): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

function onWave(x: number, y: number): boolean {
  for (let i = 1; i < WAVE.length; i++) {
    if (distanceToSegment(x, y, WAVE[i - 1]!, WAVE[i]!) <= LINE_HALF_WIDTH) return true;
  }
  return false;
}

function inTile(x: number, y: number): boolean {
  const half = 0.5 - TILE_INSET;
  const qx = Math.abs(x - 0.5) - (half - TILE_RADIUS);
  const qy = Math.abs(y - 0.5) - (half - TILE_RADIUS);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0);
  return outside <= TILE_RADIUS;
}

/** Colour (with alpha 0 or 1) of one sample point in unit coordinates. */
function sample(x: number, y: number, dot: Rgb | null): [number, number, number, number] {
  if (dot !== null) {
    const r = Math.hypot(x - TRAY_DOT.cx, y - TRAY_DOT.cy);
    if (r <= TRAY_DOT.radius) return [dot[0], dot[1], dot[2], 1];
    if (r <= TRAY_DOT.radius + TRAY_DOT.gap) return [0, 0, 0, 0];
  }
  if (!inTile(x, y)) return [0, 0, 0, 0];
  const color = onWave(x, y) ? TRAY_LINE_COLOR : TRAY_TILE_COLOR;
  return [color[0], color[1], color[2], 1];
}

export function drawTrayIcon(kind: TrayIconKind, size: number): RgbaImage {
  if (!Number.isInteger(size) || size < 8 || size > 1024)
    throw new Error(`drawTrayIcon: bad size ${size}`);
  const dot = TRAY_DOT_COLORS[kind];
  const rgba = new Uint8Array(size * size * 4);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const [cr, cg, cb, ca] = sample(
            (px + (sx + 0.5) / SUBSAMPLES) / size,
            (py + (sy + 0.5) / SUBSAMPLES) / size,
            dot,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        rgba[offset] = Math.round(r / a);
        rgba[offset + 1] = Math.round(g / a);
        rgba[offset + 2] = Math.round(b / a);
      }
      rgba[offset + 3] = Math.round((a / n) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

/** PNG bytes of the icon (what the shell hands to nativeImage). */
export function trayIconPng(kind: TrayIconKind, size: number): Buffer {
  return encodePng(drawTrayIcon(kind, size));
}
