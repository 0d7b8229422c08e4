/**
 * The native application menu as data: the platform's conventions (macOS app menu, File › Quit
 * elsewhere), an Edit menu (copy and paste in text fields need it on macOS), the call actions, window
 * modes, and developer entries (reload, developer tools) only in an unpackaged build. Every label is in
 * the app's language, the standard entries' too (Electron names them in English).
 */
import { ENGLISH_TEXT, type MainMessageId, type MainText } from '../../i18n/main-text';
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
  /** The words in the app's language (English when absent). */
  readonly text?: MainText;
}

type MenuRole = Extract<MenuSpec, { kind: 'role' }>['role'];

/** The label of each standard entry the menu uses. */
const ROLE_LABELS: Partial<Record<MenuRole, MainMessageId>> = {
  about: 'menu.role.about',
  services: 'menu.role.services',
  hide: 'menu.role.hide',
  hideOthers: 'menu.role.hide-others',
  unhide: 'menu.role.unhide',
  quit: 'menu.role.quit',
  undo: 'menu.role.undo',
  redo: 'menu.role.redo',
  cut: 'menu.role.cut',
  copy: 'menu.role.copy',
  paste: 'menu.role.paste',
  selectAll: 'menu.role.select-all',
  resetZoom: 'menu.role.reset-zoom',
  zoomIn: 'menu.role.zoom-in',
  zoomOut: 'menu.role.zoom-out',
  togglefullscreen: 'menu.role.full-screen',
  minimize: 'menu.role.minimize',
  zoom: 'menu.role.zoom',
  close: 'menu.role.close',
  front: 'menu.role.front',
  reload: 'menu.role.reload',
  forceReload: 'menu.role.force-reload',
  toggleDevTools: 'menu.role.dev-tools',
};

const separator: MenuSpec = { kind: 'separator' };

export function appMenuSpec(
  view: DesktopView,
  { platform, packaged, appName, text = ENGLISH_TEXT }: AppMenuContext,
): MenuSpec[] {
  const role = (name: MenuRole): MenuSpec => {
    const label = ROLE_LABELS[name];
    return label
      ? { kind: 'role', role: name, label: text.format(label, { appName }) }
      : { kind: 'role', role: name };
  };
  const mac = platform === 'darwin';
  const login = startAtLoginItems(view, text);
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
        label: text.format('menu.file'),
        items: [...login, ...(login.length > 0 ? [separator] : []), role('quit')],
      };

  const edit: MenuSpec = {
    kind: 'submenu',
    label: text.format('menu.edit'),
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
  const call: MenuSpec = {
    kind: 'submenu',
    label: text.format('menu.call'),
    items: callActionItems(view, text),
  };
  const developer = packaged
    ? []
    : [separator, role('reload'), role('forceReload'), role('toggleDevTools')];
  const viewMenu: MenuSpec = {
    kind: 'submenu',
    label: text.format('menu.view'),
    items: [
      ...windowToggleItems(view, text),
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
    label: text.format('menu.window'),
    items: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize'), role('close')],
  };
  return [first, edit, call, viewMenu, windowMenu];
}
