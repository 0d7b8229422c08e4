/**
 * Turns a key press into an Electron accelerator for the hotkey editor: modifiers in a fixed order,
 * the key by its physical position (`code`, so a shortcut means the same keys on every layout).
 * Ctrl (⌘ on macOS) becomes CommandOrControl, so a saved shortcut works on every platform.
 */
import { isValidHotkeyAccelerator } from '../../../preload/domain/accelerator';

export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

export type KeyCapture =
  | { readonly kind: 'accelerator'; readonly accelerator: string }
  /** Only modifiers so far: keep listening. */
  | { readonly kind: 'pending' }
  /** Escape: leave the shortcut as it was. */
  | { readonly kind: 'cancel' }
  /** Backspace or Delete alone: no shortcut for this action. */
  | { readonly kind: 'clear' }
  | { readonly kind: 'invalid'; readonly reason: string };

const NAMED_CODES: Readonly<Record<string, string>> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};
const MODIFIER_KEYS = new Set([
  'Control',
  'Shift',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
]);

function keyName(code: string): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1];
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1];
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED_CODES[code];
}

export function captureAccelerator(press: KeyPress, platform: string): KeyCapture {
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'pending' };
  const anyModifier = press.ctrlKey || press.altKey || press.shiftKey || press.metaKey;
  if (press.key === 'Escape' && !anyModifier) return { kind: 'cancel' };
  if ((press.key === 'Backspace' || press.key === 'Delete') && !anyModifier)
    return { kind: 'clear' };
  const key = keyName(press.code);
  if (key === undefined)
    return { kind: 'invalid', reason: `${press.key || press.code} cannot be part of a shortcut.` };
  const mac = platform === 'darwin';
  const modifiers: string[] = [];
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (mac && press.ctrlKey) modifiers.push('Control');
  if (!mac && press.metaKey) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  const accelerator = [...modifiers, key].join('+');
  if (!isValidHotkeyAccelerator(accelerator)) {
    return {
      kind: 'invalid',
      reason: `${accelerator} would fire while you type in other programs: add ${mac ? '⌘, Control' : 'Ctrl'} or Alt (F1–F24 work alone).`,
    };
  }
  return { kind: 'accelerator', accelerator };
}

/** "CommandOrControl+Alt+M" as the keys read on this computer: "Ctrl+Alt+M", or "⌘+Alt+M" on a Mac. */
export function displayAccelerator(accelerator: string, platform: string | undefined): string {
  if (accelerator === '') return 'none';
  return accelerator.replace('CommandOrControl', platform === 'darwin' ? '⌘' : 'Ctrl');
}
