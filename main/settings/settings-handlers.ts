/**
 * The settings methods of the contract, over the settings service (which validates before it writes). A
 * write the data folder refuses (disk full, no permission) answers with its reason, worded by the page.
 */
import { succeed } from '../../preload/contract/ipc-result';
import { guarded, writeFailure, type Log } from '../../preload/contract/handler-results';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import type { SettingsService } from './settings-service';

export type SettingsHandlers = GroupHandlers<'settings'>;

export function createSettingsHandlers(settings: SettingsService, log?: Log): SettingsHandlers {
  const logAs = (method: string) => (message: string) => log?.(`${method}: ${message}`);
  return {
    getSettings: () => succeed(settings.get()),
    updateSettings: (patch) => {
      const written = guarded(
        'Settings not changed',
        () => settings.update(patch),
        writeFailure,
        logAs('updateSettings'),
      );
      return written.ok ? written.value : written;
    },
    resetSettings: () =>
      guarded('Settings not reset', () => settings.reset(), writeFailure, logAs('resetSettings')),
  };
}
