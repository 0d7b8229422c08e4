/**
 * The wrap-up's keyboard map: what each key press does depending on what has focus. The notes box keeps
 * Enter for new lines and buttons keep Enter for themselves; Ctrl/⌘+Enter always saves.
 */
import { describe, expect, it } from 'vitest';
import {
  wrapUpCommand,
  type KeyPress,
  type KeyTarget,
} from '../../../renderer/src/wrap-up/wrap-up-keys';

const press = (
  key: string,
  mods: Partial<KeyPress> = {},
  code = key.length === 1 ? `Key${key.toUpperCase()}` : key,
): KeyPress => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});
const targets: KeyTarget[] = ['field', 'textarea', 'button'];

describe('wrap-up keys', () => {
  it('Enter goes to the next step from fields, but is a new line in the notes and a press on a button', () => {
    expect(wrapUpCommand(press('Enter'), 'field')).toEqual({ kind: 'next' });
    expect(wrapUpCommand(press('Enter'), 'textarea')).toBeNull();
    expect(wrapUpCommand(press('Enter'), 'button')).toBeNull();
  });

  it('Shift+Enter and Alt+← go back, Alt+→ forward, from anywhere', () => {
    for (const t of targets) {
      expect(wrapUpCommand(press('Enter', { shiftKey: true }), t)).toEqual({ kind: 'back' });
      expect(wrapUpCommand(press('ArrowLeft', { altKey: true }), t)).toEqual({ kind: 'back' });
      expect(wrapUpCommand(press('ArrowRight', { altKey: true }), t)).toEqual({ kind: 'next' });
    }
  });

  it('Ctrl+Enter and ⌘+Enter save from anywhere, the notes box included', () => {
    for (const t of targets) {
      expect(wrapUpCommand(press('Enter', { ctrlKey: true }), t)).toEqual({ kind: 'save' });
      expect(wrapUpCommand(press('Enter', { metaKey: true }), t)).toEqual({ kind: 'save' });
    }
  });

  it('Alt+digit picks option n by the physical key (a Mac’s Alt+1 types “¡”)', () => {
    expect(wrapUpCommand(press('¡', { altKey: true }, 'Digit1'), 'field')).toEqual({
      kind: 'choose',
      index: 0,
    });
    expect(wrapUpCommand(press('9', { altKey: true }, 'Digit9'), 'textarea')).toEqual({
      kind: 'choose',
      index: 8,
    });
    expect(wrapUpCommand(press('0', { altKey: true }, 'Digit0'), 'field')).toBeNull();
  });

  it('leaves typing, plain arrows and other shortcuts alone', () => {
    for (const t of targets) {
      expect(wrapUpCommand(press('a'), t)).toBeNull();
      expect(wrapUpCommand(press('2', {}, 'Digit2'), t)).toBeNull();
      expect(wrapUpCommand(press('ArrowLeft'), t)).toBeNull();
      expect(wrapUpCommand(press('Enter', { altKey: true }), t)).toBeNull();
      expect(wrapUpCommand(press('Enter', { ctrlKey: true, altKey: true }), t)).toBeNull();
      expect(wrapUpCommand(press('ArrowLeft', { altKey: true, ctrlKey: true }), t)).toBeNull();
    }
  });
});
