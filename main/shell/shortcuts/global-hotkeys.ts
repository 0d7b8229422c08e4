/**
 * Global hotkeys (they fire while the softphone has focus): registered from settings, re-registered
 * whenever the hotkey settings change. What became of each (registered, or taken by another program)
 * goes to `onRegistered`, so the UI can say which shortcut to change.
 */
import { globalShortcut } from 'electron';
import type { HotkeyRegistration } from '../../../preload/contract/desktop-contract';
import type { HotkeyAction } from '../../../preload/contract/settings-schema';
import { describeTakenHotkeys, registerHotkeys } from './hotkey-registration';
import type { SettingsService } from '../../settings/settings-service';

export function registerGlobalHotkeys(
  settings: SettingsService,
  onAction: (action: HotkeyAction) => void,
  onRegistered: (registrations: HotkeyRegistration[]) => void,
  log?: (message: string) => void,
): () => void {
  const apply = (hotkeys: ReturnType<SettingsService['get']>['hotkeys']): void => {
    const registrations = registerHotkeys(hotkeys, globalShortcut, onAction);
    const taken = describeTakenHotkeys(registrations);
    if (taken) log?.(taken);
    onRegistered(registrations);
  };
  let current = JSON.stringify(settings.get().hotkeys);
  apply(settings.get().hotkeys);
  const unsubscribe = settings.onChange((next) => {
    const serialized = JSON.stringify(next.hotkeys);
    if (serialized === current) return;
    current = serialized;
    apply(next.hotkeys);
  });
  return () => {
    unsubscribe();
    globalShortcut.unregisterAll();
  };
}
