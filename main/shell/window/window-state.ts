/**
 * Remembers the main window's place and size per display and per mode (normal, compact), restores it
 * at start, switches size when compact mode is turned on or off, and brings the window back onto a
 * screen when its display goes away. The geometry is pure (main/shell/window/window-placement.ts).
 */
import { screen, type BrowserWindow, type Display } from 'electron';
import {
  displayForRect,
  isReachable,
  placementOn,
  rememberPlacement,
  restorePlacement,
  type DisplayInfo,
  type Placement,
  type WindowMode,
} from './window-placement';
import { readWindowState, writeWindowState } from './window-state-file';
import type { SettingsService } from '../../settings/settings-service';

const SAVE_DELAY_MS = 500;

/** Displays with the primary first (the fallback when a remembered display is gone). */
function currentDisplays(): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay();
  const toInfo = (d: Display): DisplayInfo => ({
    bounds: d.bounds,
    workArea: d.workArea,
    scaleFactor: d.scaleFactor,
  });
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(toInfo);
}

const modeOf = (compact: boolean): WindowMode => (compact ? 'compact' : 'normal');

/** Where the window opens: the remembered place on the display it was last on, or a default. */
export function initialWindowPlacement(userDataDir: string, compact: boolean): Placement {
  return restorePlacement(readWindowState(userDataDir), currentDisplays(), modeOf(compact));
}

export function applyPlacement(window: BrowserWindow, placement: Placement): void {
  if (window.isMaximized() && !placement.maximized) window.unmaximize();
  window.setBounds(placement.bounds);
  if (placement.maximized) window.maximize();
}

export function trackWindowPlacement(
  window: BrowserWindow,
  options: { userDataDir: string; settings: SettingsService; log?: (message: string) => void },
): () => void {
  const { userDataDir, settings, log } = options;
  let memory = readWindowState(userDataDir);
  let mode = modeOf(settings.get().ui.compact);
  let timer: NodeJS.Timeout | undefined;

  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    const display = displayForRect(bounds, currentDisplays());
    if (display === undefined) return;
    memory = rememberPlacement(memory, display, mode, { bounds, maximized: window.isMaximized() });
    try {
      writeWindowState(userDataDir, memory);
    } catch (error) {
      log?.(`Window position not saved: ${(error as Error)?.message ?? error}`);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);

  const unsubscribe = settings.onChange((next) => {
    const nextMode = modeOf(next.ui.compact);
    if (nextMode === mode || window.isDestroyed()) return;
    save();
    mode = nextMode;
    const display = displayForRect(window.getBounds(), currentDisplays());
    if (display !== undefined) applyPlacement(window, placementOn(memory, display, mode));
  });

  const rescue = (): void => {
    if (window.isDestroyed() || isReachable(window.getBounds(), currentDisplays())) return;
    applyPlacement(
      window,
      restorePlacement({ ...memory, lastDisplay: null }, currentDisplays(), mode),
    );
  };
  screen.on('display-removed', rescue);
  screen.on('display-metrics-changed', rescue);

  return () => {
    clearTimeout(timer);
    unsubscribe();
    screen.off('display-removed', rescue);
    screen.off('display-metrics-changed', rescue);
  };
}
