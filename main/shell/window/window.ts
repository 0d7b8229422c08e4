/** The main window: locked-down web preferences, UI from app://calm-line, always-on-top from settings. */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/app-origin';
import type { SettingsService } from '../../settings/settings-service';
import { WINDOW_SIZES, type Placement } from './window-placement';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly alwaysOnTop: boolean;
  /** Where to open (main/shell/window/window-state.ts remembers it per display); default size when absent. */
  readonly placement?: Placement;
}

export function createMainWindow({
  preloadPath,
  alwaysOnTop,
  placement,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...(placement ? placement.bounds : WINDOW_SIZES.normal),
    minWidth: WINDOW_SIZES.minWidth,
    minHeight: WINDOW_SIZES.minHeight,
    title: 'Calm Line',
    show: false,
    alwaysOnTop,
    backgroundColor: '#f4f6f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would ask for a new window (refused anyway); the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // The coach keeps metering while the softphone window is in front.
      backgroundThrottling: false,
    },
  });
  if (placement?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Keeps the window's always-on-top in step with the setting; returns an unsubscribe. */
export function followWindowSettings(window: BrowserWindow, settings: SettingsService): () => void {
  return settings.onChange((next) => {
    if (!window.isDestroyed() && window.isAlwaysOnTop() !== next.ui.alwaysOnTop) {
      window.setAlwaysOnTop(next.ui.alwaysOnTop);
    }
  });
}

export function focusWindow(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
