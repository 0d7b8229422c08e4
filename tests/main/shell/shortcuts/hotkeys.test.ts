/**
 * Global shortcuts as the agent experiences them: registered from settings, a shortcut another program
 * holds reported by name (the OS refuses it — simulated by a registrar that holds some accelerators, as
 * Electron's globalShortcut returns false for them), and the desktop state the UI reads. The
 * notifications that follow are in ../notifications/.
 */
import { describe, expect, it } from 'vitest';
import type { HotkeyRegistration } from '../../../../preload/contract/desktop-contract';
import { DEFAULT_SETTINGS, type HotkeyAction } from '../../../../preload/contract/settings-schema';
import { createDesktopHandlers } from '../../../../main/desktop/desktop-handlers';
import {
  createDesktopStateService,
  type LoginItem,
} from '../../../../main/desktop/desktop-state-service';
import {
  describeTakenHotkeys,
  registerHotkeys,
} from '../../../../main/shell/shortcuts/hotkey-registration';
import { dispatch } from '../../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../../preload/contract/ipc-handlers';
import { osShortcuts } from './os-shortcuts';

describe('global shortcut registration', () => {
  it('registers every default shortcut and routes each press to its action', () => {
    const os = osShortcuts([]);
    const fired: HotkeyAction[] = [];
    const result = registerHotkeys(DEFAULT_SETTINGS.hotkeys, os.registrar, (a) => fired.push(a));
    expect(result.map((r) => r.status)).toEqual([
      'registered',
      'registered',
      'registered',
      'registered',
    ]);
    os.press('CommandOrControl+Alt+M');
    os.press('CommandOrControl+Alt+S');
    expect(fired).toEqual(['markMoment', 'startCall']);
  });

  it('says which shortcut another program holds, and keeps the others working', () => {
    const os = osShortcuts(['CommandOrControl+Alt+M']);
    const fired: HotkeyAction[] = [];
    const result = registerHotkeys(DEFAULT_SETTINGS.hotkeys, os.registrar, (a) => fired.push(a));
    expect(result.find((r) => r.action === 'markMoment')).toEqual({
      action: 'markMoment',
      accelerator: 'CommandOrControl+Alt+M',
      status: 'taken',
    });
    expect(result.filter((r) => r.status === 'registered')).toHaveLength(3);
    expect(describeTakenHotkeys(result)).toBe(
      "CommandOrControl+Alt+M (mark a moment) is used by another program. Choose another shortcut in Calm Line's settings.",
    );
    os.press('CommandOrControl+Alt+E');
    expect(fired).toEqual(['endCall']);
  });

  it('re-registering drops the old shortcuts, skips empty ones, and survives an accelerator the OS rejects', () => {
    const os = osShortcuts([]);
    registerHotkeys(DEFAULT_SETTINGS.hotkeys, os.registrar, () => undefined);
    const result = registerHotkeys(
      {
        startCall: 'F9',
        endCall: '',
        markMoment: 'Bogus+Key',
        openWrapUp: 'CommandOrControl+Alt+W',
      },
      os.registrar,
      () => undefined,
    );
    expect(result.map((r) => r.status)).toEqual(['registered', 'off', 'taken', 'registered']);
    expect([...os.ours.keys()].sort()).toEqual(['CommandOrControl+Alt+W', 'F9']);
  });

  it('lists two taken shortcuts in one sentence', () => {
    const os = osShortcuts(['CommandOrControl+Alt+S', 'CommandOrControl+Alt+W']);
    expect(
      describeTakenHotkeys(
        registerHotkeys(DEFAULT_SETTINGS.hotkeys, os.registrar, () => undefined),
      ),
    ).toMatch(
      /^CommandOrControl\+Alt\+S \(start a call\), CommandOrControl\+Alt\+W \(open the wrap-up\) are used by another program\./,
    );
  });
});

describe('desktop state over IPC', () => {
  function loginItem(fail = false): LoginItem & { enabled: boolean } {
    const item = {
      enabled: false,
      isEnabled: () => item.enabled,
      setEnabled: (on: boolean) => {
        if (fail) throw new Error('EACCES');
        item.enabled = on;
      },
    };
    return item;
  }
  const handlersOf = (desktop: ReturnType<typeof createDesktopStateService>) =>
    createDesktopHandlers(desktop) as unknown as IpcHandlers;

  it('starts idle, with shortcuts unsupported until a shell registers them', async () => {
    const result = await dispatch(
      handlersOf(createDesktopStateService()),
      'getDesktopState',
      undefined,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        callStatus: { call: 'idle', followUpsDue: 0 },
        hotkeys: ['startCall', 'endCall', 'markMoment', 'openWrapUp'].map((action) => ({
          action,
          accelerator: '',
          status: 'unsupported',
        })),
        startAtLogin: null,
      },
    });
  });

  it('takes call status reports, tells listeners once per real change, and shows taken shortcuts', async () => {
    const desktop = createDesktopStateService();
    const seen: string[] = [];
    desktop.onChange((next, previous) =>
      seen.push(`${previous.callStatus.call}→${next.callStatus.call}`),
    );
    const handlers = handlersOf(desktop);
    await dispatch(handlers, 'reportCallStatus', { call: 'in-call', followUpsDue: 0 });
    await dispatch(handlers, 'reportCallStatus', { call: 'in-call', followUpsDue: 0 });
    await dispatch(handlers, 'reportCallStatus', { call: 'wrap-up-pending', followUpsDue: 0 });
    expect(seen).toEqual(['idle→in-call', 'in-call→wrap-up-pending']);
    desktop.setHotkeyRegistrations(
      registerHotkeys(
        DEFAULT_SETTINGS.hotkeys,
        osShortcuts(['CommandOrControl+Alt+E']).registrar,
        () => undefined,
      ),
    );
    const state = await dispatch(handlers, 'getDesktopState', undefined);
    expect(
      state.ok &&
        (state.value as { hotkeys: HotkeyRegistration[] }).hotkeys.find((h) => h.status === 'taken')
          ?.action,
    ).toBe('endCall');
  });

  it('turns start at login on and off where the host can, and says so where it cannot', async () => {
    const item = loginItem();
    const handlers = handlersOf(createDesktopStateService({ loginItem: item }));
    expect(await dispatch(handlers, 'setStartAtLogin', { enabled: true })).toMatchObject({
      ok: true,
      value: { startAtLogin: true },
    });
    expect(item.enabled).toBe(true);
    expect(await dispatch(handlers, 'setStartAtLogin', { enabled: false })).toMatchObject({
      ok: true,
      value: { startAtLogin: false },
    });
    const none = await dispatch(handlersOf(createDesktopStateService()), 'setStartAtLogin', {
      enabled: true,
    });
    expect(none).toMatchObject({
      ok: false,
      message: 'This host cannot start Calm Line at login.',
    });
    const warnings: string[] = [];
    const broken = createDesktopStateService({
      loginItem: loginItem(true),
      warn: (m) => warnings.push(m),
    });
    expect(await dispatch(handlersOf(broken), 'setStartAtLogin', { enabled: true })).toMatchObject({
      ok: false,
      code: 'internal',
    });
    expect(warnings[0]).toContain('EACCES');
  });
});
