/**
 * The host's desktop state: the call status the UI last reported, what became of each global shortcut,
 * and start-at-login. The tray, the menu and notifications subscribe; the UI reads it and is told of
 * changes. Plain TypeScript: the login-item mechanism is passed in.
 */
import {
  IDLE_CALL_STATUS,
  type CallStatus,
  type DesktopState,
  type HotkeyRegistration,
} from '../../preload/contract/desktop-contract';
import { fail, succeed, type IpcResult } from '../../preload/contract/ipc-result';
import { HOTKEY_ACTIONS } from '../../preload/contract/settings-schema';

/** How this host opens the app at login (undefined where it cannot). */
export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

export interface DesktopStateService {
  get(): DesktopState;
  reportCallStatus(status: CallStatus): DesktopState;
  setHotkeyRegistrations(registrations: readonly HotkeyRegistration[]): void;
  setStartAtLogin(enabled: boolean): IpcResult<DesktopState>;
  /** Listener gets the whole state after every change, with the one before it; returns an unsubscribe. */
  onChange(listener: (next: DesktopState, previous: DesktopState) => void): () => void;
}

export interface DesktopStateDeps {
  readonly loginItem?: LoginItem;
  readonly warn?: (message: string) => void;
}

/** Registrations of a host without global shortcuts. */
export function unsupportedHotkeys(): HotkeyRegistration[] {
  return HOTKEY_ACTIONS.map((action) => ({ action, accelerator: '', status: 'unsupported' }));
}

export function createDesktopStateService({
  loginItem,
  warn,
}: DesktopStateDeps = {}): DesktopStateService {
  let callStatus: CallStatus = IDLE_CALL_STATUS;
  let hotkeys: readonly HotkeyRegistration[] = unsupportedHotkeys();
  const listeners = new Set<(next: DesktopState, previous: DesktopState) => void>();

  const readLoginItem = (): boolean | null => {
    if (loginItem === undefined) return null;
    try {
      return loginItem.isEnabled();
    } catch (error) {
      warn?.(`Could not read the start-at-login setting: ${(error as Error)?.message ?? error}`);
      return null;
    }
  };
  let startAtLogin = readLoginItem();

  const snapshot = (): DesktopState => ({
    callStatus: { ...callStatus },
    hotkeys: hotkeys.map((h) => ({ ...h })),
    startAtLogin,
  });

  const change = (apply: () => void): DesktopState => {
    const previous = snapshot();
    apply();
    const next = snapshot();
    if (JSON.stringify(next) !== JSON.stringify(previous)) {
      for (const listener of [...listeners]) listener(next, previous);
    }
    return next;
  };

  return {
    get: snapshot,
    reportCallStatus(status) {
      return change(() => {
        callStatus = { call: status.call, followUpsDue: status.followUpsDue };
      });
    },
    setHotkeyRegistrations(registrations) {
      change(() => {
        hotkeys = registrations.map((h) => ({ ...h }));
      });
    },
    setStartAtLogin(enabled) {
      if (loginItem === undefined)
        return fail(
          'internal',
          'This host cannot start Calm Line at login.',
          'start-at-login-unsupported',
        );
      try {
        loginItem.setEnabled(enabled);
      } catch (error) {
        warn?.(`Could not change start at login: ${(error as Error)?.message ?? error}`);
        return fail('internal', 'Start at login could not be changed.', 'start-at-login-failed');
      }
      return succeed(change(() => (startAtLogin = readLoginItem())));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
