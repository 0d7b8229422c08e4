/**
 * The desktop notifications the shell shows (main/shell/notifications/notification-rules.ts): the wrap-up
 * reminder when a call ends behind another window, and a shortcut another program holds — told once,
 * never during a call, and again only for a new conflict.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../preload/contract/settings-schema';
import { registerHotkeys } from '../../../../main/shell/shortcuts/hotkey-registration';
import {
  hotkeyConflictNotice,
  wrapUpReminder,
} from '../../../../main/shell/notifications/notification-rules';
import { osShortcuts } from '../shortcuts/os-shortcuts';

describe('desktop notifications', () => {
  const idle = { call: 'idle', followUpsDue: 0 } as const;
  const inCall = { call: 'in-call', followUpsDue: 0 } as const;
  const pending = { call: 'wrap-up-pending', followUpsDue: 0 } as const;

  it('reminds of the wrap-up when a call ends behind another window, not when Calm Line is in front', () => {
    expect(wrapUpReminder(inCall, pending, false)).toEqual([
      {
        title: 'Wrap-up waiting',
        body: 'The call has ended. Note what matters while it is fresh.',
        action: 'openWrapUp',
      },
    ]);
    expect(wrapUpReminder(inCall, pending, true)).toEqual([]);
    expect(wrapUpReminder(idle, pending, false)).toEqual([]);
    expect(wrapUpReminder(inCall, idle, false)).toEqual([]);
  });

  it('announces a taken shortcut once, never during a call, and again only for a new conflict', () => {
    const taken = registerHotkeys(
      DEFAULT_SETTINGS.hotkeys,
      osShortcuts(['CommandOrControl+Alt+M']).registrar,
      () => undefined,
    );
    const duringCall = hotkeyConflictNotice('', taken, true);
    expect(duringCall.notifications).toEqual([]);
    const first = hotkeyConflictNotice(duringCall.told, taken, false);
    expect(first.notifications).toHaveLength(1);
    expect(first.notifications[0]!.body).toContain('CommandOrControl+Alt+M (mark a moment)');
    expect(hotkeyConflictNotice(first.told, taken, false).notifications).toEqual([]);
    const other = registerHotkeys(
      DEFAULT_SETTINGS.hotkeys,
      osShortcuts(['CommandOrControl+Alt+S']).registrar,
      () => undefined,
    );
    expect(hotkeyConflictNotice(first.told, other, false).notifications).toHaveLength(1);
    const clear = registerHotkeys(
      DEFAULT_SETTINGS.hotkeys,
      osShortcuts([]).registrar,
      () => undefined,
    );
    expect(hotkeyConflictNotice(first.told, clear, false)).toEqual({ told: '', notifications: [] });
  });
});
