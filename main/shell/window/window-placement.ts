/**
 * Window position and size, remembered per display and per mode (normal, compact). Placements are kept
 * under a key made from the display's geometry (ids are not stable across restarts on every OS, a
 * monitor's place and size are), restored clamped into that display's work area so the whole window is
 * visible, and fall back to the primary display when the remembered display is gone.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayInfo {
  readonly bounds: Rect;
  readonly workArea: Rect;
  readonly scaleFactor: number;
}

export type WindowMode = 'normal' | 'compact';

export interface Placement {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export interface WindowStateMemory {
  /** Key of the display the window was last on. */
  readonly lastDisplay: string | null;
  /** Per display key: where the window was in each mode. Oldest first. */
  readonly displays: Readonly<Record<string, Partial<Record<WindowMode, Placement>>>>;
}

export const EMPTY_WINDOW_STATE: WindowStateMemory = { lastDisplay: null, displays: {} };

/** How many displays are remembered (the least recently used is forgotten first). */
export const MAX_REMEMBERED_DISPLAYS = 16;

export interface WindowSizes {
  readonly normal: { readonly width: number; readonly height: number };
  readonly compact: { readonly width: number; readonly height: number };
  readonly minWidth: number;
  readonly minHeight: number;
}

/** The normal window, and the ~360 px always-on-top companion strip. */
export const WINDOW_SIZES: WindowSizes = {
  normal: { width: 480, height: 720 },
  compact: { width: 360, height: 300 },
  minWidth: 320,
  minHeight: 240,
};

/** Margin kept from the work area's edge when the compact window is first placed in a corner. */
const COMPACT_MARGIN = 16;

export function displayKey(display: DisplayInfo): string {
  const { x, y, width, height } = display.bounds;
  return `${x},${y} ${width}x${height} @${display.scaleFactor}`;
}

/** The rect moved and, if need be, shrunk so that all of it lies inside `area`. */
export function clampIntoArea(
  rect: Rect,
  area: Rect,
  sizes: Pick<WindowSizes, 'minWidth' | 'minHeight'>,
): Rect {
  const finite = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
  const width = Math.min(
    Math.max(Math.round(finite(rect.width, sizes.minWidth)), sizes.minWidth),
    area.width,
  );
  const height = Math.min(
    Math.max(Math.round(finite(rect.height, sizes.minHeight)), sizes.minHeight),
    area.height,
  );
  const x = Math.min(
    Math.max(Math.round(finite(rect.x, area.x)), area.x),
    area.x + area.width - width,
  );
  const y = Math.min(
    Math.max(Math.round(finite(rect.y, area.y)), area.y),
    area.y + area.height - height,
  );
  return { x, y, width, height };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The display showing most of `rect` (the first, i.e. primary, when it overlaps none). */
export function displayForRect(
  rect: Rect,
  displays: readonly DisplayInfo[],
): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(rect, display.bounds);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best ?? displays[0];
}

/** Where a window in `mode` first goes on a display: centred when normal, top-right corner when compact. */
export function defaultPlacement(
  display: DisplayInfo,
  mode: WindowMode,
  sizes: WindowSizes = WINDOW_SIZES,
): Placement {
  const area = display.workArea;
  const size = sizes[mode];
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  const x =
    mode === 'compact'
      ? area.x + area.width - width - Math.min(COMPACT_MARGIN, area.width - width)
      : area.x + Math.round((area.width - width) / 2);
  const y =
    mode === 'compact'
      ? area.y + Math.min(COMPACT_MARGIN, area.height - height)
      : area.y + Math.round((area.height - height) / 2);
  return { bounds: { x, y, width, height }, maximized: false };
}

/**
 * Where to open the window: on the display it was last on if that is still connected, else on the
 * primary (the first of `displays`); at the placement remembered for that display and mode, clamped
 * into its work area, else the default placement.
 */
export function restorePlacement(
  memory: WindowStateMemory,
  displays: readonly DisplayInfo[],
  mode: WindowMode,
  sizes: WindowSizes = WINDOW_SIZES,
): Placement & { readonly display: DisplayInfo } {
  if (displays.length === 0) throw new Error('restorePlacement: no display');
  const display = displays.find((d) => displayKey(d) === memory.lastDisplay) ?? displays[0]!;
  return { ...placementOn(memory, display, mode, sizes), display };
}

/** The placement for `mode` on one display (remembered and clamped, or the default). */
export function placementOn(
  memory: WindowStateMemory,
  display: DisplayInfo,
  mode: WindowMode,
  sizes: WindowSizes = WINDOW_SIZES,
): Placement {
  const saved = memory.displays[displayKey(display)]?.[mode];
  if (saved === undefined) return defaultPlacement(display, mode, sizes);
  return {
    bounds: clampIntoArea(saved.bounds, display.workArea, sizes),
    maximized: mode === 'normal' && saved.maximized,
  };
}

/** Remembers where the window is now (its display is the one showing most of it). */
export function rememberPlacement(
  memory: WindowStateMemory,
  display: DisplayInfo,
  mode: WindowMode,
  placement: Placement,
): WindowStateMemory {
  const key = displayKey(display);
  const { [key]: current = {}, ...others } = memory.displays;
  const entries = Object.entries(others);
  const kept = entries.slice(Math.max(0, entries.length - (MAX_REMEMBERED_DISPLAYS - 1)));
  const stored: Placement = {
    bounds: { ...placement.bounds },
    maximized: mode === 'normal' && placement.maximized,
  };
  return {
    lastDisplay: key,
    displays: { ...Object.fromEntries(kept), [key]: { ...current, [mode]: stored } },
  };
}

/** True when at least `minVisible` px × `minVisible` px of the window lies on some display's work area. */
export function isReachable(
  rect: Rect,
  displays: readonly DisplayInfo[],
  minVisible = 48,
): boolean {
  return displays.some((d) => {
    const w =
      Math.min(rect.x + rect.width, d.workArea.x + d.workArea.width) -
      Math.max(rect.x, d.workArea.x);
    const h =
      Math.min(rect.y + rect.height, d.workArea.y + d.workArea.height) -
      Math.max(rect.y, d.workArea.y);
    return w >= minVisible && h >= minVisible;
  });
}
