/** What the Electron host can do on a platform (the browser host reports none of these). */
import type { HostFeatures } from '../../preload/ipc-contract';

export function electronHostFeatures(platform: NodeJS.Platform): HostFeatures {
  return {
    globalHotkeys: true,
    // No tray icon yet; reported honestly so the UI does not promise one.
    tray: false,
    // Electron captures system audio ('loopback') only on Windows.
    systemLoopback: platform === 'win32',
  };
}
