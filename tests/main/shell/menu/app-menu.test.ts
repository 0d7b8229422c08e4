/** The native application menu per platform, and what an installed build leaves out. */
import { describe, expect, it } from 'vitest';
import { appMenuSpec } from '../../../../main/shell/menu/app-menu';
import {
  flattenMenu,
  type DesktopView,
  type MenuSpec,
} from '../../../../main/shell/menu/menu-spec';

const view: DesktopView = {
  call: 'in-call',
  followUpsDue: 0,
  hotkeys: [{ action: 'endCall', accelerator: 'CommandOrControl+Alt+E', status: 'registered' }],
  alwaysOnTop: false,
  compact: true,
  startAtLogin: true,
};
const roles = (items: readonly MenuSpec[]) =>
  flattenMenu(items).flatMap((i) => (i.kind === 'role' ? [i.role] : []));
const topLabels = (items: readonly MenuSpec[]) =>
  items.map((i) => (i.kind === 'submenu' ? i.label : i.kind));

describe('application menu', () => {
  it('follows macOS conventions: app menu first, with about, hide and quit', () => {
    const menu = appMenuSpec(view, { platform: 'darwin', packaged: true, appName: 'Calm Line' });
    expect(topLabels(menu)).toEqual(['Calm Line', 'Edit', 'Call', 'View', 'Window']);
    const first = menu[0] as Extract<MenuSpec, { kind: 'submenu' }>;
    expect(roles(first.items)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(roles(menu)).toContain('front');
  });

  it.each(['win32', 'linux'] as const)('has File › Quit on %s', (platform) => {
    const menu = appMenuSpec(view, { platform, packaged: true, appName: 'Calm Line' });
    expect(topLabels(menu)).toEqual(['File', 'Edit', 'Call', 'View', 'Window']);
    expect(roles([menu[0]!])).toEqual(['quit']);
    expect(roles(menu)).not.toContain('about');
  });

  it('keeps copy and paste (text fields need the Edit menu on macOS)', () => {
    const menu = appMenuSpec(view, { platform: 'darwin', packaged: true, appName: 'Calm Line' });
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'has no reload or developer tools in an installed build (%s)',
    (platform) => {
      const installed = roles(
        appMenuSpec(view, { platform, packaged: true, appName: 'Calm Line' }),
      );
      for (const role of ['reload', 'forceReload', 'toggleDevTools'])
        expect(installed).not.toContain(role);
      const dev = roles(appMenuSpec(view, { platform, packaged: false, appName: 'Calm Line' }));
      expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    },
  );

  it('puts the call actions and window modes in, following the call and the settings', () => {
    const items = flattenMenu(
      appMenuSpec(view, { platform: 'linux', packaged: true, appName: 'Calm Line' }),
    );
    expect(items).toContainEqual({
      kind: 'action',
      action: 'endCall',
      label: 'End call',
      enabled: true,
      accelerator: 'CommandOrControl+Alt+E',
    });
    expect(items).toContainEqual({
      kind: 'action',
      action: 'startCall',
      label: 'Start call',
      enabled: false,
    });
    expect(items).toContainEqual({
      kind: 'toggle',
      action: 'toggleCompact',
      label: 'Compact window',
      checked: true,
    });
    expect(items).toContainEqual({
      kind: 'toggle',
      action: 'toggleStartAtLogin',
      label: 'Start at login',
      checked: true,
    });
    const unsupported = flattenMenu(
      appMenuSpec(
        { ...view, startAtLogin: null },
        { platform: 'linux', packaged: true, appName: 'Calm Line' },
      ),
    );
    expect(unsupported.some((i) => i.kind === 'toggle' && i.action === 'toggleStartAtLogin')).toBe(
      false,
    );
  });
});
