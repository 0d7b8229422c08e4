/**
 * Where settings live: `<data folder>/settings.json`, a JsonStore (conf in the browser host and the CLIs,
 * electron-store in Electron — the same file, schema and atomic writes). A damaged file is repaired
 * before the store opens it (settings-file.ts), and what was done is reported.
 */
import path from 'node:path';
import {
  DEFAULT_SETTINGS,
  settingsJsonSchemaProperties,
  type Settings,
} from '../../preload/contract/settings-schema';
import { openConfJsonStore, type JsonStore, type JsonStoreFactory } from '../storage/json-store';
import { prepareSettingsFile, type SettingsFileCheck } from './settings-file';

export type SettingsStore = JsonStore<Settings>;

export interface OpenedSettingsStore {
  readonly store: SettingsStore;
  readonly fileCheck: SettingsFileCheck;
}

const SETTINGS_FILE_BASENAME = 'settings';

export function openSettingsStore(
  dataDir: string,
  openStore: JsonStoreFactory = openConfJsonStore,
): OpenedSettingsStore {
  const fileCheck = prepareSettingsFile(path.join(dataDir, `${SETTINGS_FILE_BASENAME}.json`));
  const store = openStore<Settings>({
    cwd: dataDir,
    name: SETTINGS_FILE_BASENAME,
    schema: settingsJsonSchemaProperties(),
    defaults: DEFAULT_SETTINGS,
    indented: true,
  });
  return { store, fileCheck };
}
