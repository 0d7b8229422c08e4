/**
 * The native application menu as data: the platform's conventions (macOS app menu, File › Quit
 * elsewhere), an Edit menu (copy and paste in text fields need it on macOS), the call actions, window
 * modes, and developer entries (reload, developer tools) only in an unpackaged build.
 */
import {
  callActionItems,
  startAtLoginItems,
  windowToggleItems,
  type DesktopView,
  type MenuSpec,
} from './menu-spec';

export interface AppMenuContext {
  readonly platform: NodeJS.Platform;
  /** app.isPackaged: an installed build has no developer tools in its menu. */
  readonly packaged: boolean;
  readonly appName: string;
}

const role = (name: Extract<MenuSpec, { kind: 'role' }>['role']): MenuSpec => ({
  kind: 'role',
  role: name,
});
const separator: MenuSpec = { kind: 'separator' };

export function appMenuSpec(
  view: DesktopView,
  { platform, packaged, appName }: AppMenuContext,
): MenuSpec[] {
  const mac = platform === 'darwin';
  const login = startAtLoginItems(view);
  const first: MenuSpec = mac
    ? {
        kind: 'submenu',
        label: appName,
        items: [
          role('about'),
          separator,
          ...login,
          ...(login.length > 0 ? [separator] : []),
          role('services'),
          separator,
          role('hide'),
          role('hideOthers'),
          role('unhide'),
          separator,
          role('quit'),
        ],
      }
    : {
        kind: 'submenu',
        label: 'File',
        items: [...login, ...(login.length > 0 ? [separator] : []), role('quit')],
      };

  const edit: MenuSpec = {
    kind: 'submenu',
    label: 'Edit',
    items: [
      role('undo'),
      role('redo'),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      role('selectAll'),
    ],
  };
  const call: MenuSpec = { kind: 'submenu', label: 'Call', items: callActionItems(view) };
  const developer = packaged
    ? []
    : [separator, role('reload'), role('forceReload'), role('toggleDevTools')];
  const viewMenu: MenuSpec = {
    kind: 'submenu',
    label: 'View',
    items: [
      ...windowToggleItems(view),
      separator,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
      ...developer,
    ],
  };
  const windowMenu: MenuSpec = {
    kind: 'submenu',
    label: 'Window',
    items: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize'), role('close')],
  };
  return [first, edit, call, viewMenu, windowMenu];
}
