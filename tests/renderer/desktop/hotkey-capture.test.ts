/** The hotkey editor: what pressing keys in Settings records, on Windows/Linux and on a Mac. */
import { describe, expect, it } from 'vitest';
import {
  captureAccelerator,
  displayAccelerator,
  type KeyPress,
} from '../../../renderer/src/desktop/accelerator-from-key';
import { callPhaseOf } from '../../../renderer/src/desktop/call-phase';

const press = (
  code: string,
  mods: Partial<KeyPress> = {},
  key = code.replace(/^Key|^Digit/, '').toLowerCase(),
): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('hotkey capture', () => {
  it.each([
    [
      'Ctrl+Alt+M',
      press('KeyM', { ctrlKey: true, altKey: true }),
      'linux',
      'CommandOrControl+Alt+M',
    ],
    [
      'Ctrl+Shift+1',
      press('Digit1', { ctrlKey: true, shiftKey: true }, '!'),
      'win32',
      'CommandOrControl+Shift+1',
    ],
    [
      '⌘+Alt+S on a Mac',
      press('KeyS', { metaKey: true, altKey: true }, 'ß'),
      'darwin',
      'CommandOrControl+Alt+S',
    ],
    [
      'Control+Alt+E on a Mac',
      press('KeyE', { ctrlKey: true, altKey: true }),
      'darwin',
      'Control+Alt+E',
    ],
    ['F9 alone', press('F9', {}, 'F9'), 'linux', 'F9'],
    ['Alt+Up', press('ArrowUp', { altKey: true }, 'ArrowUp'), 'linux', 'Alt+Up'],
    [
      'Super+Alt+Numpad5',
      press('Numpad5', { metaKey: true, altKey: true }, '5'),
      'linux',
      'Super+Alt+num5',
    ],
    [
      'Ctrl+Alt+Ö by position (German layout: the ; key)',
      press('Semicolon', { ctrlKey: true, altKey: true }, 'ö'),
      'linux',
      'CommandOrControl+Alt+;',
    ],
  ])('%s → %s', (_label, keyPress, platform, accelerator) => {
    expect(captureAccelerator(keyPress, platform)).toEqual({ kind: 'accelerator', accelerator });
  });

  it('waits while only modifiers are held', () => {
    expect(captureAccelerator(press('ControlLeft', { ctrlKey: true }, 'Control'), 'linux')).toEqual(
      { kind: 'pending' },
    );
    expect(captureAccelerator(press('AltLeft', { altKey: true }, 'Alt'), 'linux')).toEqual({
      kind: 'pending',
    });
  });

  it('cancels on Escape and removes the shortcut on Backspace or Delete', () => {
    expect(captureAccelerator(press('Escape', {}, 'Escape'), 'linux')).toEqual({ kind: 'cancel' });
    expect(captureAccelerator(press('Backspace', {}, 'Backspace'), 'linux')).toEqual({
      kind: 'clear',
    });
    expect(captureAccelerator(press('Delete', {}, 'Delete'), 'darwin')).toEqual({ kind: 'clear' });
  });

  it('refuses shortcuts that would fire while the agent types elsewhere', () => {
    const letter = captureAccelerator(press('KeyM'), 'linux');
    expect(letter).toMatchObject({ kind: 'invalid' });
    expect(letter.kind === 'invalid' && letter.reason).toMatch(
      /^M would fire while you type in other programs: add Ctrl or Alt/,
    );
    expect(captureAccelerator(press('KeyM', { shiftKey: true }, 'M'), 'linux')).toMatchObject({
      kind: 'invalid',
    });
    expect(
      captureAccelerator(press('IntlBackslash', { ctrlKey: true }, '<'), 'linux'),
    ).toMatchObject({
      kind: 'invalid',
      reason: '< cannot be part of a shortcut.',
    });
  });

  it('shows shortcuts with the keys this computer has', () => {
    expect(displayAccelerator('CommandOrControl+Alt+M', 'win32')).toBe('Ctrl+Alt+M');
    expect(displayAccelerator('CommandOrControl+Alt+M', 'darwin')).toBe('⌘+Alt+M');
    expect(displayAccelerator('', 'linux')).toBe('none');
  });
});

describe('call phase reported to the tray', () => {
  it('ranks a running call over a waiting wrap-up', () => {
    expect(callPhaseOf({ inCall: true, wrapUpPending: true, followUpsDue: 0 })).toBe('in-call');
    expect(callPhaseOf({ inCall: false, wrapUpPending: true, followUpsDue: 0 })).toBe(
      'wrap-up-pending',
    );
    expect(callPhaseOf({ inCall: false, wrapUpPending: false, followUpsDue: 3 })).toBe('idle');
  });
});
