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
import { ENGLISH_TEXT, type MainMessageId, type MainText } from '../../i18n/main-text';

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

const ACTION_NAMES: Readonly<Record<HotkeyAction, MainMessageId>> = {
  startCall: 'shortcut.action.start-call',
  endCall: 'shortcut.action.end-call',
  markMoment: 'shortcut.action.mark-moment',
  openWrapUp: 'shortcut.action.open-wrap-up',
};

/**
 * One sentence naming the shortcuts other programs hold, for a notification (in the app's language) or
 * a log line (English); '' when none.
 */
export function describeTakenHotkeys(
  registrations: readonly HotkeyRegistration[],
  text: MainText = ENGLISH_TEXT,
): string {
  const taken = registrations.filter((r) => r.status === 'taken');
  if (taken.length === 0) return '';
  const shortcuts = taken.map((r) =>
    text.format('shortcut.taken.item', {
      shortcut: r.accelerator,
      action: text.format(ACTION_NAMES[r.action]),
    }),
  );
  return text.format('shortcut.taken', { shortcuts: text.list(shortcuts), count: taken.length });
}
