/**
 * Global hotkeys (they fire while the softphone has focus): registered from settings, re-registered
 * whenever the hotkey settings change, reported to the UI as `hotkey` events.
 */
import { globalShortcut } from 'electron';
import { HOTKEY_ACTIONS, type HotkeySettings } from '../../preload/settings-schema';
import type { EmitHostEvent } from '../ipc/host-events';
import type { SettingsService } from '../services/settings-service';

function registerAll(hotkeys: HotkeySettings, emit: EmitHostEvent, log?: (message: string) => void): void {
  globalShortcut.unregisterAll();
  for (const action of HOTKEY_ACTIONS) {
    const accelerator = hotkeys[action];
    if (accelerator === '') continue;
    const registered = globalShortcut.register(accelerator, () => emit('hotkey', { action }));
    if (!registered) log?.(`Hotkey ${accelerator} for ${action} is taken by another application`);
  }
}

export function registerGlobalHotkeys(
  settings: SettingsService,
  emit: EmitHostEvent,
  log?: (message: string) => void,
): () => void {
  let current = JSON.stringify(settings.get().hotkeys);
  registerAll(settings.get().hotkeys, emit, log);
  const unsubscribe = settings.onChange((next) => {
    const serialized = JSON.stringify(next.hotkeys);
    if (serialized === current) return;
    current = serialized;
    registerAll(next.hotkeys, emit, log);
  });
  return () => {
    unsubscribe();
    globalShortcut.unregisterAll();
  };
}
