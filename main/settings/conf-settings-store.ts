/** A SettingsStore on conf (electron-store's engine: same file format, schema check and atomic writes). */
import path from 'node:path';
import Conf from 'conf';
import type { Settings } from '../../preload/contract/settings-schema';
import { prepareSettingsFile, type SettingsFileCheck } from './settings-file';
import type { SettingsStore } from './settings-store';
import { SETTINGS_FILE_BASENAME, settingsStoreOptions } from './settings-store-options';

export interface OpenedSettingsStore {
  readonly store: SettingsStore;
  readonly fileCheck: SettingsFileCheck;
}

export function openConfSettingsStore(dataDir: string): OpenedSettingsStore {
  const fileCheck = prepareSettingsFile(path.join(dataDir, `${SETTINGS_FILE_BASENAME}.json`));
  const store = new Conf<Settings>({
    ...settingsStoreOptions(),
    cwd: dataDir,
    configName: SETTINGS_FILE_BASENAME,
  });
  return { store, fileCheck };
}
