/**
 * The folder Electron's `app.getPath('userData')` uses for "Calm Line", computed without Electron so
 * the browser host keeps its settings in the same place: Linux `$XDG_CONFIG_HOME/Calm Line` (default
 * `~/.config/Calm Line`), macOS `~/Library/Application Support/Calm Line`, Windows `%APPDATA%\Calm Line`.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_DATA_FOLDER_NAME = 'Calm Line';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(
      env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'),
      APP_DATA_FOLDER_NAME,
    );
  }
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', APP_DATA_FOLDER_NAME);
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(configHome, APP_DATA_FOLDER_NAME);
}
