/**
 * Menus as plain data (tray menu and application menu), built by pure functions and turned into
 * Electron menus by the shell. Every clickable entry names a DesktopAction the shell performs.
 */
import type { HotkeyRegistration } from '../../../preload/contract/desktop-contract';
import type { HotkeyAction } from '../../../preload/contract/settings-schema';
import { ENGLISH_TEXT, type MainMessageId, type MainText } from '../../i18n/main-text';

export type ToggleAction = 'toggleAlwaysOnTop' | 'toggleCompact' | 'toggleStartAtLogin';
/** Everything a menu entry, the tray or a notification can ask for. Hotkey actions go to the UI. */
export type DesktopAction = HotkeyAction | ToggleAction | 'showWindow' | 'quit';

/** Electron menu roles the app uses (standard entries whose behaviour Electron provides). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools';

export type MenuSpec =
  | {
      readonly kind: 'action';
      readonly action: HotkeyAction | 'showWindow' | 'quit';
      readonly label: string;
      readonly enabled: boolean;
      /** Shown next to the entry only; the global shortcut itself is registered elsewhere. */
      readonly accelerator?: string;
    }
  | {
      readonly kind: 'toggle';
      readonly action: ToggleAction;
      readonly label: string;
      readonly checked: boolean;
    }
  | { readonly kind: 'info'; readonly label: string }
  | { readonly kind: 'separator' }
  /** A standard entry; its label in the app's language (Electron's own labels are English). */
  | { readonly kind: 'role'; readonly role: MenuRole; readonly label?: string }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly MenuSpec[] };

/** Everything the menus depend on. */
export interface DesktopView {
  readonly call: 'idle' | 'in-call' | 'wrap-up-pending';
  readonly followUpsDue: number;
  readonly hotkeys: readonly HotkeyRegistration[];
  readonly alwaysOnTop: boolean;
  readonly compact: boolean;
  /** null where the host cannot start the app at login. */
  readonly startAtLogin: boolean | null;
}

/** The shortcut to show beside an action's menu entry: only one the app actually holds. */
export function shownAccelerator(
  hotkeys: readonly HotkeyRegistration[],
  action: HotkeyAction,
): string | undefined {
  const registration = hotkeys.find((h) => h.action === action);
  return registration?.status === 'registered' ? registration.accelerator : undefined;
}

/** Start/end call, mark a moment, open the wrap-up — enabled as the call phase allows. */
export function callActionItems(view: DesktopView, text: MainText = ENGLISH_TEXT): MenuSpec[] {
  const item = (action: HotkeyAction, label: MainMessageId, enabled: boolean): MenuSpec => {
    const accelerator = shownAccelerator(view.hotkeys, action);
    return {
      kind: 'action',
      action,
      label: text.format(label),
      enabled,
      ...(accelerator ? { accelerator } : {}),
    };
  };
  return [
    item('startCall', 'menu.start-call', view.call !== 'in-call'),
    item('endCall', 'menu.end-call', view.call === 'in-call'),
    item('markMoment', 'menu.mark-moment', view.call === 'in-call'),
    item('openWrapUp', 'menu.open-wrap-up', view.call === 'wrap-up-pending'),
  ];
}

export function windowToggleItems(view: DesktopView, text: MainText = ENGLISH_TEXT): MenuSpec[] {
  return [
    {
      kind: 'toggle',
      action: 'toggleAlwaysOnTop',
      label: text.format('menu.always-on-top'),
      checked: view.alwaysOnTop,
    },
    {
      kind: 'toggle',
      action: 'toggleCompact',
      label: text.format('menu.compact'),
      checked: view.compact,
    },
  ];
}

export function startAtLoginItems(view: DesktopView, text: MainText = ENGLISH_TEXT): MenuSpec[] {
  if (view.startAtLogin === null) return [];
  return [
    {
      kind: 'toggle',
      action: 'toggleStartAtLogin',
      label: text.format('menu.start-at-login'),
      checked: view.startAtLogin,
    },
  ];
}

/** Every entry in a menu tree, depth first (for tests and lookups). */
export function flattenMenu(items: readonly MenuSpec[]): MenuSpec[] {
  return items.flatMap((item) =>
    item.kind === 'submenu' ? [item, ...flattenMenu(item.items)] : [item],
  );
}
