/** What each host can do: the Electron host on a platform, the browser host nothing of these. */
import type { HostFeatures } from '../../preload/contract/ipc-contract';

export function electronHostFeatures(platform: NodeJS.Platform, packaged = false): HostFeatures {
  return {
    globalHotkeys: true,
    tray: true,
    // Electron captures system audio ('loopback') only on Windows.
    systemLoopback: platform === 'win32',
    windowControls: true,
    // Only an installed build: an unpackaged run would register the bare Electron binary.
    startAtLogin:
      packaged && (platform === 'win32' || platform === 'darwin' || platform === 'linux'),
  };
}

/** The browser host: no global hotkeys, tray, system loopback, window controls or start at login. */
export const BROWSER_HOST_FEATURES: HostFeatures = {
  globalHotkeys: false,
  tray: false,
  systemLoopback: false,
  windowControls: false,
  startAtLogin: false,
};
