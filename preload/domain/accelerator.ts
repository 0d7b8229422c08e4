/**
 * Validation of Electron accelerator strings ("CommandOrControl+Alt+M") for the global hotkeys.
 * A hotkey is global: it fires while the agent types in the call-center software, so a plain letter or
 * Shift+letter would swallow keystrokes. Every accelerator therefore needs a non-Shift modifier, except
 * the function keys F1–F24. The empty string means "no hotkey".
 */
const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

const PUNCTUATION = new Set([...'~!@#$%^&*()_-=[]{}|\\;:\'",.<>/?`']);

function isKeyCode(part: string): boolean {
  const lower = part.toLowerCase();
  if (/^[a-z0-9]$/.test(lower)) return true;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(lower)) return true;
  if (/^num[0-9]$/.test(lower)) return true;
  return NAMED_KEYS.has(lower) || PUNCTUATION.has(part);
}

function isFunctionKey(part: string): boolean {
  return /^f([1-9]|1[0-9]|2[0-4])$/i.test(part);
}

/** True for '' (hotkey off) and for an accelerator Electron accepts that is safe to register globally. */
export function isValidHotkeyAccelerator(accelerator: string): boolean {
  if (accelerator === '') return true;
  if (accelerator.length > 100 || accelerator !== accelerator.trim()) return false;
  const parts = accelerator.split('+');
  const key = parts.pop();
  if (key === undefined || !isKeyCode(key)) return false;
  const modifiers = parts.map((part) => part.toLowerCase());
  if (modifiers.some((modifier) => !MODIFIERS.has(modifier))) return false;
  if (new Set(modifiers).size !== modifiers.length) return false;
  const hasNonShiftModifier = modifiers.some((modifier) => modifier !== 'shift');
  return hasNonShiftModifier || isFunctionKey(key);
}

/** A comparable form: modifiers sorted and lower-cased, so "Alt+Ctrl+M" and "ctrl+alt+m" collide. */
export function normalizeAccelerator(accelerator: string): string {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const modifiers = parts.map((part) => part.toLowerCase()).sort();
  return [...modifiers, key].join('+');
}
