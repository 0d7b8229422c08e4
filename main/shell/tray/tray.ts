/**
 * The tray icon: its picture and tooltip follow the call state (idle, in a call, wrap-up waiting,
 * follow-ups due); its menu holds the main actions. Clicking it (Windows, Linux) shows the window.
 */
import { nativeImage, Tray, type NativeImage } from 'electron';
import type { MainText } from '../../i18n/main-text';
import type { DesktopAction, DesktopView } from '../menu/menu-spec';
import { trayIconPng } from './tray-icon';
import { trayIconKind, trayMenu, trayTooltip, type TrayIconKind } from './tray-presentation';
import { buildMenu } from '../menu/menu';

export interface CallTray {
  /** Shows the state in the app's language (again after the language changes). */
  update(view: DesktopView, text: MainText): void;
  destroy(): void;
}

function trayImage(kind: TrayIconKind, platform: NodeJS.Platform): NativeImage {
  // Linux tray hosts scale one bitmap; macOS and Windows take 16 px with a 2× representation.
  if (platform === 'linux') return nativeImage.createFromBuffer(trayIconPng(kind, 32));
  const image = nativeImage.createEmpty();
  image.addRepresentation({ scaleFactor: 1, buffer: trayIconPng(kind, 16) });
  image.addRepresentation({ scaleFactor: 2, buffer: trayIconPng(kind, 32) });
  return image;
}

export function createCallTray(
  platform: NodeJS.Platform,
  perform: (action: DesktopAction) => void,
): CallTray {
  const images = new Map<TrayIconKind, NativeImage>();
  const imageFor = (kind: TrayIconKind): NativeImage => {
    let image = images.get(kind);
    if (image === undefined) {
      image = trayImage(kind, platform);
      images.set(kind, image);
    }
    return image;
  };
  const tray = new Tray(imageFor('idle'));
  tray.on('click', () => perform('showWindow'));
  let shownKind: TrayIconKind = 'idle';
  return {
    update(view, text) {
      const status = { call: view.call, followUpsDue: view.followUpsDue };
      const kind = trayIconKind(status);
      if (kind !== shownKind) {
        tray.setImage(imageFor(kind));
        shownKind = kind;
      }
      tray.setToolTip(trayTooltip(status, text));
      tray.setContextMenu(buildMenu(trayMenu(view, text), perform));
    },
    destroy() {
      tray.destroy();
    },
  };
}
