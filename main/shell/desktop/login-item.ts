/**
 * Start at login, per platform: Electron's login items on macOS and Windows, an XDG autostart entry on
 * Linux (Electron has none there). Only for an installed build; an unpackaged run has none.
 */
import { app } from 'electron';
import type { LoginItem } from '../../desktop/desktop-state-service';
import { createXdgAutostart } from './xdg-autostart';

export function electronLoginItem(platform: NodeJS.Platform): LoginItem | undefined {
  if (!app.isPackaged) return undefined;
  if (platform === 'darwin' || platform === 'win32') {
    return {
      isEnabled: () => app.getLoginItemSettings().openAtLogin,
      setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  if (platform === 'linux') {
    return createXdgAutostart({
      name: 'calm-line',
      appName: app.getName(),
      // An AppImage runs from a temporary mount; autostart must launch the AppImage file itself.
      executable: process.env.APPIMAGE ?? process.execPath,
    });
  }
  return undefined;
}
