/**
 * Electron composition root: wires services, security, protocol, IPC and the window. No logic here.
 * Built to out/main/main.js; the preload and renderer are found beside it (out/preload, out/renderer).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, session, type BrowserWindow } from 'electron';
import { openHost } from './host/host-lifecycle';
import { electronHostFeatures } from './host/host-features';
import { localDay } from '../preload/domain/calendar-day';
import { registerAppScheme, serveRendererOverAppProtocol } from './shell/protocol/app-protocol';
import { openElectronJsonStore } from './shell/electron-json-store';
import { electronExportTargets } from './shell/export-save-dialog';
import { showFollowUpNotifications } from './shell/notifications/follow-up-notification';
import { createDesktopStateService } from './desktop/desktop-state-service';
import { setupDesktopShell } from './shell/desktop/desktop-shell';
import { electronLoginItem } from './shell/desktop/login-item';
import { initialWindowPlacement } from './shell/window/window-state';
import { emitToAppWindows, registerIpcHandlers } from './shell/ipc/ipc-registration';
import { hardenSession, lockDownAllWebContents } from './shell/security/electron-hardening';
import { createMainWindow, focusWindow, followWindowSettings } from './shell/window/window';
import { announceQuitToPages } from './shell/ipc/quit-guard';
import { deliverArgv, setupDesktopCallEvents } from './shell/call-links/desktop-call-links';
import { HOOKS_FOLDER } from './call-events/hook-scripts';
import { SHIPPED_SCENARIOS_FOLDER } from './practice/shipped-scenarios';
import { shellText } from './i18n/main-locale';

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_DIR = path.join(OUT_DIR, 'renderer');
const PRELOAD_PATH = path.join(OUT_DIR, 'preload', 'preload.cjs');
const log = (message: string): void => console.log(`[calm-line] ${message}`);

let mainWindow: BrowserWindow | undefined;

function start(): void {
  const features = electronHostFeatures(process.platform, app.isPackaged);
  const desktop = createDesktopStateService({
    loginItem: electronLoginItem(process.platform),
    warn: log,
  });
  const userDataDir = app.getPath('userData');
  const systemLanguages = [...app.getPreferredSystemLanguages(), app.getLocale()];
  // The shell's words follow the language setting (read when shown), else the system's languages.
  const text = shellText(() => host.services.settings.get().ui.language, systemLanguages);
  const host = openHost({
    dataDir: userDataDir,
    host: 'electron',
    features,
    systemLanguages,
    openStore: openElectronJsonStore,
    exportTargets: electronExportTargets(() => mainWindow, text),
    desktop,
    log,
    // Practice scenarios shipped with the app: beside the resources when packaged, else assets/scenarios.
    shippedScenariosDir: app.isPackaged
      ? path.join(process.resourcesPath, SHIPPED_SCENARIOS_FOLDER)
      : path.join(OUT_DIR, '..', 'assets', SHIPPED_SCENARIOS_FOLDER),
    callEndpoint: {
      // `--call` reaches this instance through the single-instance lock: no data folder on the line.
      program: [process.execPath, '--call'],
      defaultDataDir: userDataDir,
      hooksDir: app.isPackaged
        ? path.join(process.resourcesPath, HOOKS_FOLDER)
        : path.join(OUT_DIR, '..', HOOKS_FOLDER),
    },
  });
  const { services } = host;
  const { settings, sessions } = services;

  hardenSession(session.defaultSession, { systemLoopbackSupported: features.systemLoopback, log });
  serveRendererOverAppProtocol(RENDERER_DIR, sessions.recordings);
  registerIpcHandlers(host.handlers, log);
  showFollowUpNotifications(
    sessions.followUps,
    () => localDay(new Date()),
    () => focusWindow(mainWindow),
    text,
  );

  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    alwaysOnTop: settings.get().ui.alwaysOnTop,
    placement: initialWindowPlacement(userDataDir, settings.get().ui.compact),
  });
  followWindowSettings(mainWindow, settings);
  setupDesktopShell({
    window: mainWindow,
    settings,
    desktop,
    emit: emitToAppWindows,
    userDataDir,
    systemLanguages,
    log,
  });
  void host.start({
    emit: emitToAppWindows,
    count: () => (mainWindow && !mainWindow.isDestroyed() ? 1 : 0),
  });
  announceQuitToPages(emitToAppWindows);
  app.on('will-quit', () => void host.close());

  const relay = services.callEvents;
  const deliver: typeof relay.deliver = (event, source, dropped) =>
    relay.deliver(event, source, dropped);
  setupDesktopCallEvents({
    app,
    deliver,
    focus: () => focusWindow(mainWindow),
    log,
    devLaunch: process.defaultApp
      ? { execPath: process.execPath, script: path.resolve(process.argv[1] ?? '.') }
      : null,
  });
  // Started by a call event (`calm-line --call start …`, a calm-line:// link): deliver it once the page is up.
  mainWindow.webContents.once('did-finish-load', () =>
    setTimeout(() => deliverArgv(process.argv, { deliver, log }), 500),
  );
}

app.enableSandbox();
registerAppScheme();
lockDownAllWebContents(log);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second instance's argv (a call event or a plain start) is handled in setupDesktopCallEvents.
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
