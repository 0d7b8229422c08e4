/** What the Electron host can do on a platform (the browser host reports none of these). */
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
