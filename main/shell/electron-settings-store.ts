/** The Electron SettingsStore: electron-store in the user-data folder, same file and schema as conf. */
import path from 'node:path';
import ElectronStore from 'electron-store';
import type { Settings } from '../../preload/contract/settings-schema';
import { prepareSettingsFile, type SettingsFileCheck } from '../settings/settings-file';
import type { SettingsStore } from '../settings/settings-store';
import { SETTINGS_FILE_BASENAME, settingsStoreOptions } from '../settings/settings-store-options';

export function openElectronSettingsStore(userDataDir: string): {
  store: SettingsStore;
  fileCheck: SettingsFileCheck;
} {
  const fileCheck = prepareSettingsFile(path.join(userDataDir, `${SETTINGS_FILE_BASENAME}.json`));
  const store = new ElectronStore<Settings>({
    ...settingsStoreOptions(),
    cwd: userDataDir,
    name: SETTINGS_FILE_BASENAME,
  });
  return { store, fileCheck };
}
