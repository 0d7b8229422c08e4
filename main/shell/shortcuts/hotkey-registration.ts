/**
 * Registering the global shortcuts from settings and recording what became of each: the OS refuses a
 * shortcut another program holds (Electron's `globalShortcut.register` returns false), and the UI says
 * which one. The registrar is passed in (Electron's globalShortcut in the shell).
 */
import type { HotkeyRegistration } from '../../../preload/contract/desktop-contract';
import {
  HOTKEY_ACTIONS,
  type HotkeyAction,
  type HotkeySettings,
} from '../../../preload/contract/settings-schema';

export interface ShortcutRegistrar {
  /** True when registered; false when the OS or another program refused it. May throw on a bad accelerator. */
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

/** Drops every earlier registration, registers each set shortcut, and reports each action's outcome. */
export function registerHotkeys(
  hotkeys: HotkeySettings,
  registrar: ShortcutRegistrar,
  onAction: (action: HotkeyAction) => void,
): HotkeyRegistration[] {
  registrar.unregisterAll();
  return HOTKEY_ACTIONS.map((action) => {
    const accelerator = hotkeys[action];
    if (accelerator === '') return { action, accelerator, status: 'off' };
    let registered: boolean;
    try {
      registered = registrar.register(accelerator, () => onAction(action));
    } catch {
      registered = false;
    }
    return { action, accelerator, status: registered ? 'registered' : 'taken' };
  });
}

const ACTION_NAMES: Readonly<Record<HotkeyAction, string>> = {
  startCall: 'start a call',
  endCall: 'end the call',
  markMoment: 'mark a moment',
  openWrapUp: 'open the wrap-up',
};

export function describeHotkeyAction(action: HotkeyAction): string {
  return ACTION_NAMES[action];
}

/** One sentence per shortcut another program holds, e.g. for a notification or a log line; '' when none. */
export function describeTakenHotkeys(registrations: readonly HotkeyRegistration[]): string {
  const taken = registrations.filter((r) => r.status === 'taken');
  if (taken.length === 0) return '';
  const list = taken.map((r) => `${r.accelerator} (${describeHotkeyAction(r.action)})`).join(', ');
  const verb = taken.length === 1 ? 'is' : 'are';
  return `${list} ${verb} used by another program. Choose another shortcut in Calm Line's settings.`;
}
