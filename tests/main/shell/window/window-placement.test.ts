/**
 * Window placement per display: what an agent sees after restarting with the same monitors, with a
 * monitor unplugged, with a resolution change, and when switching to the compact window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clampIntoArea,
  defaultPlacement,
  displayForRect,
  displayKey,
  EMPTY_WINDOW_STATE,
  isReachable,
  MAX_REMEMBERED_DISPLAYS,
  placementOn,
  rememberPlacement,
  restorePlacement,
  WINDOW_SIZES,
  type DisplayInfo,
  type Rect,
} from '../../../../main/shell/window/window-placement';
import {
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
} from '../../../../main/shell/window/window-state-file';
import { tempDirs } from '../../support/temp-dirs';

const display = (
  x: number,
  y: number,
  width: number,
  height: number,
  scaleFactor = 1,
  taskbar = 40,
): DisplayInfo => ({
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - taskbar },
  scaleFactor,
});
const laptop = display(0, 0, 1920, 1080);
const monitor = display(1920, -200, 2560, 1440);
const inside = (rect: Rect, area: Rect) =>
  rect.x >= area.x &&
  rect.y >= area.y &&
  rect.x + rect.width <= area.x + area.width &&
  rect.y + rect.height <= area.y + area.height;

const dirs = tempDirs('window-state');
afterEach(() => dirs.cleanup());

describe('first start', () => {
  it('centres the normal window on the primary display', () => {
    const {
      bounds,
      maximized,
      display: on,
    } = restorePlacement(EMPTY_WINDOW_STATE, [laptop, monitor], 'normal');
    expect(on).toBe(laptop);
    expect(maximized).toBe(false);
    expect(bounds).toEqual({ x: (1920 - 480) / 2, y: (1040 - 720) / 2, width: 480, height: 720 });
  });

  it('puts the compact window, about 360 px wide, in the top-right corner of the work area', () => {
    const { bounds } = restorePlacement(EMPTY_WINDOW_STATE, [laptop], 'compact');
    expect(bounds.width).toBe(360);
    expect(bounds.x + bounds.width).toBe(1920 - 16);
    expect(bounds.y).toBe(16);
  });

  it('fits a screen smaller than the default window', () => {
    const tiny = display(0, 0, 400, 500);
    const { bounds } = restorePlacement(EMPTY_WINDOW_STATE, [tiny], 'normal');
    expect(inside(bounds, tiny.workArea)).toBe(true);
  });
});

describe('restart', () => {
  it('reopens where the window was, on the monitor it was on, in each mode separately', () => {
    let memory = rememberPlacement(EMPTY_WINDOW_STATE, monitor, 'normal', {
      bounds: { x: 2100, y: 0, width: 700, height: 900 },
      maximized: false,
    });
    memory = rememberPlacement(memory, monitor, 'compact', {
      bounds: { x: 4000, y: -150, width: 360, height: 280 },
      maximized: false,
    });
    expect(restorePlacement(memory, [laptop, monitor], 'normal')).toMatchObject({
      display: monitor,
      bounds: { x: 2100, y: 0, width: 700, height: 900 },
    });
    expect(restorePlacement(memory, [laptop, monitor], 'compact')).toMatchObject({
      display: monitor,
      bounds: { x: 4000, y: -150, width: 360, height: 280 },
    });
  });

  it('keeps a maximized normal window maximized, never a compact one', () => {
    let memory = rememberPlacement(EMPTY_WINDOW_STATE, laptop, 'normal', {
      bounds: { x: 10, y: 10, width: 800, height: 600 },
      maximized: true,
    });
    memory = rememberPlacement(memory, laptop, 'compact', {
      bounds: { x: 10, y: 10, width: 360, height: 300 },
      maximized: true,
    });
    expect(placementOn(memory, laptop, 'normal').maximized).toBe(true);
    expect(placementOn(memory, laptop, 'compact').maximized).toBe(false);
  });

  it('opens on the primary display, where it was there, when the remembered monitor is unplugged', () => {
    let memory = rememberPlacement(EMPTY_WINDOW_STATE, laptop, 'normal', {
      bounds: { x: 100, y: 50, width: 600, height: 800 },
      maximized: false,
    });
    memory = rememberPlacement(memory, monitor, 'normal', {
      bounds: { x: 2100, y: 0, width: 700, height: 900 },
      maximized: false,
    });
    expect(restorePlacement(memory, [laptop], 'normal')).toMatchObject({
      display: laptop,
      bounds: { x: 100, y: 50, width: 600, height: 800 },
    });
  });

  it('treats a monitor at a new resolution as another display, and never opens off screen', () => {
    const memory = rememberPlacement(EMPTY_WINDOW_STATE, monitor, 'normal', {
      bounds: { x: 4000, y: 1000, width: 480, height: 720 },
      maximized: false,
    });
    const smaller = display(1920, -200, 1280, 720);
    expect(displayKey(smaller)).not.toBe(displayKey(monitor));
    const { bounds } = restorePlacement(memory, [laptop, smaller], 'normal');
    expect(inside(bounds, laptop.workArea)).toBe(true);
  });
});

describe('clamping', () => {
  it.each([
    ['off the right edge', { x: 1800, y: 100, width: 480, height: 720 }],
    ['above the top', { x: 100, y: -500, width: 480, height: 720 }],
    ['larger than the screen', { x: -50, y: -50, width: 5000, height: 3000 }],
    ['below the minimum size', { x: 100, y: 100, width: 10, height: 10 }],
    ['with NaN in it', { x: Number.NaN, y: 100, width: Number.NaN, height: 500 }],
  ])('moves and shrinks a window %s into the work area', (_label, rect) => {
    const clamped = clampIntoArea(rect, laptop.workArea, WINDOW_SIZES);
    expect(inside(clamped, laptop.workArea)).toBe(true);
    expect(clamped.width).toBeGreaterThanOrEqual(
      Math.min(WINDOW_SIZES.minWidth, laptop.workArea.width),
    );
    expect(clamped.height).toBeGreaterThanOrEqual(WINDOW_SIZES.minHeight);
  });

  it('leaves a window that fits exactly where it is', () => {
    const rect = { x: 300, y: 200, width: 480, height: 720 };
    expect(clampIntoArea(rect, laptop.workArea, WINDOW_SIZES)).toEqual(rect);
  });

  it('finds the display showing most of a window, and tells a lost window from a visible one', () => {
    expect(displayForRect({ x: 1800, y: 0, width: 480, height: 720 }, [laptop, monitor])).toBe(
      monitor,
    );
    expect(displayForRect({ x: -5000, y: -5000, width: 100, height: 100 }, [laptop, monitor])).toBe(
      laptop,
    );
    expect(isReachable({ x: 1900, y: 100, width: 480, height: 720 }, [laptop])).toBe(false);
    expect(isReachable({ x: 1800, y: 100, width: 480, height: 720 }, [laptop])).toBe(true);
  });

  it('forgets the least recently used display beyond the limit', () => {
    let memory = EMPTY_WINDOW_STATE;
    const many = Array.from({ length: MAX_REMEMBERED_DISPLAYS + 3 }, (_, i) =>
      display(i * 3000, 0, 1920 + i, 1080),
    );
    for (const d of many)
      memory = rememberPlacement(memory, d, 'normal', defaultPlacement(d, 'normal'));
    memory = rememberPlacement(memory, many[5]!, 'compact', defaultPlacement(many[5]!, 'compact'));
    const keys = Object.keys(memory.displays);
    expect(keys).toHaveLength(MAX_REMEMBERED_DISPLAYS);
    expect(keys.at(-1)).toBe(displayKey(many[5]!));
    expect(keys).not.toContain(displayKey(many[0]!));
  });
});

describe('window-state.json', () => {
  it('round-trips what was remembered', () => {
    const dir = dirs.make();
    const memory = rememberPlacement(EMPTY_WINDOW_STATE, monitor, 'compact', {
      bounds: { x: 4000, y: -150, width: 360, height: 280 },
      maximized: false,
    });
    writeWindowState(dir, memory);
    expect(readWindowState(dir)).toEqual(memory);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"version": 1, "lastDisp'],
    ['a newer version', JSON.stringify({ version: 2, lastDisplay: null, displays: {} })],
    [
      'a wrong type',
      JSON.stringify({
        version: 1,
        lastDisplay: null,
        displays: { a: { normal: { bounds: { x: 'left' }, maximized: false } } },
      }),
    ],
    [
      'absurd coordinates',
      JSON.stringify({
        version: 1,
        lastDisplay: null,
        displays: {
          a: { normal: { bounds: { x: 1e12, y: 0, width: 10, height: 10 }, maximized: false } },
        },
      }),
    ],
  ])('starts from nothing when the file is %s', (_label, text) => {
    const dir = dirs.make();
    if (text !== null) fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), text);
    expect(readWindowState(dir)).toEqual(EMPTY_WINDOW_STATE);
  });
});
