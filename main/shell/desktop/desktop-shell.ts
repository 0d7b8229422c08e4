/**
 * Desktop integration of the main window: tray, application menu, global shortcuts, notifications,
 * compact mode and remembered placement, start at login. Tray, menu, shortcuts and notifications all
 * perform the same DesktopActions; call actions go to the UI as `hotkey` events.
 */
import { app, type BrowserWindow } from 'electron';
import type { DesktopState } from '../../../preload/contract/desktop-contract';
import type { Settings } from '../../../preload/contract/settings-schema';
import { APP_ID } from './app-identity';
import { shellText } from '../../i18n/main-locale';
import type { DesktopStateService } from '../../desktop/desktop-state-service';
import type { DesktopAction, DesktopView } from '../menu/menu-spec';
import {
  hotkeyConflictNotice,
  wrapUpReminder,
  type DesktopNotification,
} from '../notifications/notification-rules';
import type { EmitHostEvent } from '../../host/host-events';
import type { SettingsService } from '../../settings/settings-service';
import { registerGlobalHotkeys } from '../shortcuts/global-hotkeys';
import { installAppMenu } from '../menu/menu';
import { showDesktopNotification } from '../notifications/notifications';
import { createCallTray } from '../tray/tray';
import { focusWindow } from '../window/window';
import { trackWindowPlacement } from '../window/window-state';

export interface DesktopShellDeps {
  readonly window: BrowserWindow;
  readonly settings: SettingsService;
  readonly desktop: DesktopStateService;
  readonly emit: EmitHostEvent;
  readonly userDataDir: string;
  /** The system's languages, best first (Electron's), for the "System" language setting. */
  readonly systemLanguages: readonly string[];
  readonly log?: (message: string) => void;
}

function viewOf(state: DesktopState, settings: Settings): DesktopView {
  return {
    call: state.callStatus.call,
    followUpsDue: state.callStatus.followUpsDue,
    hotkeys: state.hotkeys,
    alwaysOnTop: settings.ui.alwaysOnTop,
    compact: settings.ui.compact,
    startAtLogin: state.startAtLogin,
  };
}

export function setupDesktopShell({
  window,
  settings,
  desktop,
  emit,
  userDataDir,
  systemLanguages,
  log,
}: DesktopShellDeps): () => void {
  const text = shellText(() => settings.get().ui.language, systemLanguages);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const perform = (action: DesktopAction): void => {
    switch (action) {
      case 'showWindow':
        focusWindow(window);
        return;
      case 'openWrapUp':
        focusWindow(window);
        emit('hotkey', { action });
        return;
      case 'startCall':
      case 'endCall':
      case 'markMoment':
        emit('hotkey', { action });
        return;
      case 'toggleAlwaysOnTop':
        settings.update({ ui: { alwaysOnTop: !settings.get().ui.alwaysOnTop } });
        return;
      case 'toggleCompact':
        settings.update({ ui: { compact: !settings.get().ui.compact } });
        return;
      case 'toggleStartAtLogin': {
        const current = desktop.get().startAtLogin;
        if (current !== null) desktop.setStartAtLogin(!current);
        return;
      }
      case 'quit':
        app.quit();
        return;
    }
  };
  const notify = (notifications: readonly DesktopNotification[]): void => {
    for (const notification of notifications) showDesktopNotification(notification, perform);
  };

  const tray = createCallTray(process.platform, perform);
  const menuContext = {
    platform: process.platform,
    packaged: app.isPackaged,
    appName: app.getName(),
  };
  // Rebuilt on every change of the call, the desktop state or the settings: a new language relabels the
  // tray and the menus at once.
  const refresh = (): void => {
    const view = viewOf(desktop.get(), settings.get());
    const words = text();
    tray.update(view, words);
    installAppMenu(view, { ...menuContext, text: words }, perform);
  };

  let toldConflict = '';
  const stopDesktop = desktop.onChange((next, previous) => {
    emit('desktop-state-changed', next);
    refresh();
    notify(
      wrapUpReminder(
        previous.callStatus,
        next.callStatus,
        !window.isDestroyed() && window.isFocused(),
        text(),
      ),
    );
    const conflict = hotkeyConflictNotice(
      toldConflict,
      next.hotkeys,
      next.callStatus.call === 'in-call',
      text(),
    );
    toldConflict = conflict.told;
    notify(conflict.notifications);
  });
  const stopSettings = settings.onChange(refresh);
  const stopHotkeys = registerGlobalHotkeys(
    settings,
    perform,
    (registrations) => desktop.setHotkeyRegistrations(registrations),
    log,
  );
  const stopPlacement = trackWindowPlacement(window, { userDataDir, settings, log });
  refresh();

  return () => {
    stopPlacement();
    stopHotkeys();
    stopSettings();
    stopDesktop();
    tray.destroy();
  };
}
