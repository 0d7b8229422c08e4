/**
 * One handler per contract method, over the host's services. Both hosts (Electron IPC and the browser
 * host's WebSocket) run these through `dispatch`, so a method behaves the same everywhere.
 */
import type {
  AppInfo,
  IpcMethodName,
  RequestOf,
  ResponseOf,
} from '../../preload/contract/ipc-contract';
import { describeStoreProblem } from '../storage/store-problems';
import { succeed, type IpcResult } from '../../preload/contract/ipc-result';
import { createSessionHandlers } from '../sessions/session-handlers';
import type { SessionServices } from '../sessions/session-services';
import { createRecordingHandlers } from '../recordings/recording-handlers';
import { createExportHandlers } from '../export/export-handlers';
import type { ExportService } from '../export/export-service';
import type { SettingsService } from '../settings/settings-service';
import { createDesktopHandlers } from '../shell/desktop/desktop-handlers';
import {
  createDesktopStateService,
  type DesktopStateService,
} from '../shell/desktop/desktop-state-service';

export interface HostServices {
  readonly appInfo: AppInfo;
  readonly settings: SettingsService;
  /** Wrap-up drafts, the session log, timelines and follow-ups (openSessionServices); both hosts have them. */
  readonly sessions?: SessionServices;
  /** Exports from the UI (save dialog or download); absent: the export methods say it is not available. */
  readonly exports?: ExportService;
  /** Tray, shortcuts and start at login (Electron); a host without them gets an inert one. */
  readonly desktop?: DesktopStateService;
  /** Notes from opening the settings file (a damaged file repaired, and where its copy was kept). */
  readonly startupNotes?: readonly string[];
}

export type IpcHandlers = {
  readonly [M in IpcMethodName]: (
    payload: RequestOf<M>,
  ) => IpcResult<ResponseOf<M>> | Promise<IpcResult<ResponseOf<M>>>;
};

/** `log` hears why a storage call failed (the caller gets a message without paths). */
export function createHandlers(
  services: HostServices,
  log?: (message: string) => void,
): IpcHandlers {
  return {
    getAppInfo: () => succeed(services.appInfo),
    getStorageNotices: () =>
      succeed([
        ...(services.startupNotes ?? []),
        ...(services.sessions?.problems.list().map(describeStoreProblem) ?? []),
      ]),
    getSettings: () => succeed(services.settings.get()),
    updateSettings: (patch) => services.settings.update(patch),
    resetSettings: () => succeed(services.settings.reset()),
    ...createSessionHandlers(services.sessions, log),
    ...createExportHandlers(services.exports, log),
    ...createRecordingHandlers(services.sessions?.recordings, log),
    ...createDesktopHandlers(services.desktop ?? createDesktopStateService()),
  };
}
