/**
 * Settings, read and changed through a SettingsStore. Every change is validated as a whole before
 * anything is written, so an invalid update leaves the file exactly as it was.
 */
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type Settings,
} from '../../preload/contract/settings-schema';
import { fail, succeed, type IpcResult } from '../../preload/contract/ipc-result';
import { describeIssues } from '../../preload/contract/describe-issues';
import { applySettingsPatch, type ValidSettingsPatch } from '../../preload/contract/settings-patch';
import { repairSettings } from './settings-repair';
import type { SettingsStore } from './settings-store';

export interface SettingsService {
  get(): Settings;
  update(patch: ValidSettingsPatch): IpcResult<Settings>;
  reset(): Settings;
  /** Listener gets the full settings after every change; returns an unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void;
}

export interface SettingsServiceDeps {
  readonly store: SettingsStore;
  /** Told when the file could not be read while running (e.g. edited by hand into invalid JSON). */
  readonly warn?: (message: string) => void;
}

export function createSettingsService({ store, warn }: SettingsServiceDeps): SettingsService {
  let lastGood: Settings = structuredClone(DEFAULT_SETTINGS) as Settings;

  const read = (): Settings => {
    try {
      lastGood = repairSettings(store.store).settings;
    } catch (error) {
      warn?.(`Settings file unreadable, using the last good settings: ${(error as Error).message}`);
    }
    return structuredClone(lastGood);
  };

  const write = (settings: Settings): Settings => {
    store.store = settings;
    lastGood = settings;
    return structuredClone(settings);
  };

  return {
    get: read,
    update(patch) {
      const candidate = settingsSchema.safeParse(applySettingsPatch(read(), patch));
      if (!candidate.success) {
        return fail('invalid-payload', `Settings not changed: ${describeIssues(candidate.error)}`);
      }
      return succeed(write(candidate.data));
    },
    reset() {
      return write(structuredClone(DEFAULT_SETTINGS) as Settings);
    },
    onChange(listener) {
      return store.onDidAnyChange((next) => {
        listener(repairSettings(next).settings);
      });
    },
  };
}
