/**
 * The host's desktop state (main/desktop/desktop-state-service.ts) as the tray, the menu and Settings see
 * it: the call status the page reported, who hears a change (and only a change), and start at login
 * through whatever login item the host has — or a clear answer where it has none or it fails.
 */
import { describe, expect, it } from 'vitest';
import {
  createDesktopStateService,
  type LoginItem,
} from '../../../main/desktop/desktop-state-service';
import type { DesktopState } from '../../../preload/contract/desktop-contract';

function loginItem(initially = false): LoginItem & { writes: boolean[] } {
  let enabled = initially;
  const writes: boolean[] = [];
  return {
    writes,
    isEnabled: () => enabled,
    setEnabled(next) {
      writes.push(next);
      enabled = next;
    },
  };
}

describe('the desktop state', () => {
  it('shows the call status the page reported, and tells listeners what changed from what', () => {
    const desktop = createDesktopStateService();
    const heard: [DesktopState, DesktopState][] = [];
    desktop.onChange((next, previous) => heard.push([next, previous]));

    desktop.reportCallStatus({ call: 'in-call', followUpsDue: 2 });
    expect(desktop.get().callStatus).toEqual({ call: 'in-call', followUpsDue: 2 });
    expect(heard).toHaveLength(1);
    expect(heard[0][1].callStatus).toEqual({ call: 'idle', followUpsDue: 0 });

    desktop.reportCallStatus({ call: 'in-call', followUpsDue: 2 });
    expect(heard).toHaveLength(1);
  });

  it('gives each reader its own copy: changing what get() returned changes nothing', () => {
    const desktop = createDesktopStateService();
    const state = desktop.get() as { callStatus: { call: string } };
    state.callStatus.call = 'in-call';
    expect(desktop.get().callStatus.call).toBe('idle');
  });

  it('says every shortcut is unsupported until the shell has registered them', () => {
    const desktop = createDesktopStateService();
    expect(desktop.get().hotkeys.length).toBeGreaterThan(0);
    expect(new Set(desktop.get().hotkeys.map((h) => h.status))).toEqual(new Set(['unsupported']));
  });

  it('turns start at login on through the login item and reads back what it holds', () => {
    const item = loginItem(false);
    const desktop = createDesktopStateService({ loginItem: item });
    expect(desktop.get().startAtLogin).toBe(false);

    const result = desktop.setStartAtLogin(true);
    expect(result).toMatchObject({ ok: true, value: { startAtLogin: true } });
    expect(item.writes).toEqual([true]);
  });

  it('answers that this host cannot start at login where there is no login item', () => {
    const desktop = createDesktopStateService();
    expect(desktop.get().startAtLogin).toBeNull();
    expect(desktop.setStartAtLogin(true)).toEqual({
      ok: false,
      code: 'internal',
      message: 'This host cannot start Calm Line at login.',
      reason: 'start-at-login-unsupported',
    });
  });

  it('keeps the state and says so when the login item refuses, and the host log hears why', () => {
    const warnings: string[] = [];
    const desktop = createDesktopStateService({
      loginItem: {
        isEnabled: () => false,
        setEnabled: () => {
          throw new Error('autostart folder is read-only');
        },
      },
      warn: (message) => warnings.push(message),
    });
    expect(desktop.setStartAtLogin(true)).toMatchObject({
      ok: false,
      message: 'Start at login could not be changed.',
    });
    expect(desktop.get().startAtLogin).toBe(false);
    expect(warnings.join('\n')).toContain('autostart folder is read-only');
  });
});
