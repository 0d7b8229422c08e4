/** The settings methods of the contract, over the settings service (which validates and never throws). */
import { succeed } from '../../preload/contract/ipc-result';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import type { SettingsService } from './settings-service';

export type SettingsHandlers = GroupHandlers<'settings'>;

export function createSettingsHandlers(settings: SettingsService): SettingsHandlers {
  return {
    getSettings: () => succeed(settings.get()),
    updateSettings: (patch) => settings.update(patch),
    resetSettings: () => succeed(settings.reset()),
  };
}
