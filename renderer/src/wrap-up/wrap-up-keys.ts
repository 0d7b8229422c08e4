/**
 * The wrap-up's keyboard map, as a pure function of a key press and where it happened:
 *
 *   Enter                 next step (in the notes box: a new line; on a button: the button)
 *   Shift+Enter, Alt+←    previous step
 *   Alt+→                 next step
 *   Ctrl+Enter (⌘+Enter)  save the wrap-up
 *   Alt+1 … Alt+9         pick option n of the step's choices from anywhere in the step
 *   1 … 9                 pick option n while a choice group has focus (handled by the group itself)
 */
export type WrapUpCommand =
  { kind: 'next' } | { kind: 'back' } | { kind: 'save' } | { kind: 'choose'; index: number };

export interface KeyPress {
  key: string;
  /** Physical key (Alt+1 on a Mac types '¡'; the code is still Digit1). */
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** What had focus: a multi-line box, a button, or anything else (inputs, choice groups, checkboxes). */
export type KeyTarget = 'textarea' | 'button' | 'field';

export function wrapUpCommand(e: KeyPress, target: KeyTarget): WrapUpCommand | null {
  const enter = e.key === 'Enter';
  if (enter && (e.ctrlKey || e.metaKey) && !e.altKey) return { kind: 'save' };
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.key === 'ArrowLeft') return { kind: 'back' };
    if (e.key === 'ArrowRight') return { kind: 'next' };
    const digit = /^Digit([1-9])$/.exec(e.code);
    if (digit && !e.shiftKey) return { kind: 'choose', index: Number(digit[1]) - 1 };
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || !enter) return null;
  if (e.shiftKey) return { kind: 'back' };
  if (target === 'textarea' || target === 'button') return null;
  return { kind: 'next' };
}

/** Classifies a focused element for wrapUpCommand. */
export function keyTargetOf(el: Element | null): KeyTarget {
  if (!el) return 'field';
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return 'textarea';
  if (tag === 'BUTTON' && el.getAttribute('role') !== 'radio') return 'button';
  if (tag === 'A' || tag === 'SELECT') return 'button';
  return 'field';
}
