/** Menus from their plain-data description (menu-spec.ts): the application menu and tray menus. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { appMenuSpec, type AppMenuContext } from './app-menu';
import type { DesktopAction, DesktopView, MenuSpec } from './menu-spec';

export function toMenuTemplate(
  items: readonly MenuSpec[],
  perform: (action: DesktopAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'action':
        return {
          label: item.label,
          enabled: item.enabled,
          click: () => perform(item.action),
          // Display only: the global shortcut is registered by globalShortcut, not by the menu.
          ...(item.accelerator
            ? { accelerator: item.accelerator, registerAccelerator: false }
            : {}),
        };
      case 'toggle':
        return {
          label: item.label,
          type: 'checkbox',
          checked: item.checked,
          click: () => perform(item.action),
        };
      case 'info':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: item.role, ...(item.label ? { label: item.label } : {}) };
      case 'submenu':
        return { label: item.label, submenu: toMenuTemplate(item.items, perform) };
    }
  });
}

export function buildMenu(
  items: readonly MenuSpec[],
  perform: (action: DesktopAction) => void,
): Menu {
  return Menu.buildFromTemplate(toMenuTemplate(items, perform));
}

export function installAppMenu(
  view: DesktopView,
  context: AppMenuContext,
  perform: (action: DesktopAction) => void,
): void {
  Menu.setApplicationMenu(buildMenu(appMenuSpec(view, context), perform));
}
