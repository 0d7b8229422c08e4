/**
 * Electron composition root: wires services, security, protocol, IPC and the window. No logic here.
 * Built to out/main/main.js; the preload and renderer are found beside it (out/preload, out/renderer).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, session, type BrowserWindow } from 'electron';
import { createHandlers, type HostServices } from './ipc/handlers';
import { forwardServiceEvents } from './ipc/host-events';
import { electronHostFeatures } from './services/host-features';
import { localDay } from './services/session-dates';
import { openSessionServices } from './services/session-services';
import { describeSettingsFileCheck } from './services/settings-file';
import { createSettingsService } from './services/settings-service';
import { registerAppScheme, serveRendererOverAppProtocol } from './shell/app-protocol';
import { openElectronJsonStore } from './shell/electron-json-store';
import { electronExportTargets } from './shell/export-save-dialog';
import { createRepositoryExportService } from './services/export-over-repository';
import { showFollowUpNotifications } from './shell/follow-up-notification';
import { createDesktopStateService } from './desktop/desktop-state-service';
import { setupDesktopShell } from './shell/desktop';
import { electronLoginItem } from './shell/login-item';
import { initialWindowPlacement } from './shell/window-state';
import { emitToAppWindows, registerIpcHandlers } from './shell/ipc-registration';
import { hardenSession, lockDownAllWebContents } from './shell/security';
import { openElectronSettingsStore } from './shell/settings-store';
import { createMainWindow, focusWindow, followWindowSettings } from './shell/window';
import { announceQuitToPages } from './shell/quit-guard';

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_DIR = path.join(OUT_DIR, 'renderer');
const PRELOAD_PATH = path.join(OUT_DIR, 'preload', 'preload.cjs');
const log = (message: string): void => console.log(`[calm-line] ${message}`);

let mainWindow: BrowserWindow | undefined;

function start(): void {
  const { store, fileCheck } = openElectronSettingsStore(app.getPath('userData'));
  const repairNote = describeSettingsFileCheck(fileCheck);
  if (repairNote) log(repairNote);
  const settings = createSettingsService({ store, warn: log });
  const features = electronHostFeatures(process.platform, app.isPackaged);
  const desktop = createDesktopStateService({
    loginItem: electronLoginItem(process.platform),
    warn: log,
  });
  const sessions = openSessionServices({
    dataDir: app.getPath('userData'),
    openStore: openElectronJsonStore,
    warn: log,
  });
  const services: HostServices = {
    appInfo: { version: app.getVersion(), host: 'electron', platform: process.platform, features },
    startupNotes: repairNote ? [repairNote] : [],
    settings,
    desktop,
    sessions,
    exports: createRepositoryExportService({
      repository: () => sessions.repository,
      targets: electronExportTargets(() => mainWindow),
      agentName: () => settings.get().profile.agentName,
      appVersion: app.getVersion(),
    }),
  };

  hardenSession(session.defaultSession, { systemLoopbackSupported: features.systemLoopback, log });
  serveRendererOverAppProtocol(RENDERER_DIR, sessions.recordings);
  registerIpcHandlers(createHandlers(services, log), log);
  forwardServiceEvents(services, emitToAppWindows);
  showFollowUpNotifications(
    sessions.followUps,
    () => localDay(new Date()),
    () => focusWindow(mainWindow),
  );

  const userDataDir = app.getPath('userData');
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
    log,
  });
  sessions.followUps.start();
  announceQuitToPages(emitToAppWindows);
  app.on('will-quit', () => sessions.close());
}

app.enableSandbox();
registerAppScheme();
lockDownAllWebContents(log);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
