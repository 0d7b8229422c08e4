/**
 * The one assembly of the host's services, for both hosts: the Electron main process (main/main.ts) and
 * the browser host (main/browser-host/browser-host.ts). What differs between them comes in as options —
 * the JSON store (electron-store or conf), where exports go (a save dialog or downloads), the desktop
 * integration (tray, shortcuts, login item) — so every service is built the same way everywhere.
 */
import type { AppInfo, HostFeatures, HostKind } from '../../preload/contract/ipc-contract';
import { createRepositoryExportService } from '../export/export-over-repository';
import type { ExportService, ExportTargets } from '../export/export-service';
import type { Log } from '../../preload/contract/handler-results';
import type { StorageNotice } from '../../preload/contract/storage-notice';
import { openSessionServices, type SessionServices } from './session-services';
import { settingsNoticeOf } from '../settings/settings-file';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { openSettingsStore } from '../settings/settings-store';
import type { DesktopStateService } from '../desktop/desktop-state-service';
import type { JsonStoreFactory } from '../storage/json-store';
import { APP_VERSION } from './app-version';
import { createCallEventRelay, type CallEventRelay } from '../call-events/call-event-relay';
import type { PracticeStore } from '../practice/practice-store';

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
  readonly startupNotes?: readonly StorageNotice[];
  /** Call events from the phone software, relayed to the page (the host attaches its transport). */
  readonly callEvents?: CallEventRelay;
  /** The data folder (Settings shows it in the phone software's command line). */
  readonly dataDir?: string;
  /** Practice scenarios and the history of rehearsals (`<data>/practice/`, apart from the session log). */
  readonly practice?: PracticeStore;
}

export interface HostServicesOptions {
  /** The data folder: settings.json, the session log, drafts, timelines, recordings. */
  readonly dataDir: string;
  readonly host: HostKind;
  readonly features: HostFeatures;
  /** The system's languages, best first (Electron's); passed to the page in AppInfo. */
  readonly systemLanguages?: readonly string[];
  /** electron-store in Electron; conf (the default) elsewhere. */
  readonly openStore?: JsonStoreFactory;
  /** Where an export is written: a save dialog (Electron) or a one-time download (browser host). */
  readonly exportTargets: ExportTargets;
  readonly desktop?: DesktopStateService;
  /** The folder of the practice scenarios shipped with the app (assets/scenarios, or the packaged resources). */
  readonly shippedScenariosDir?: string;
  /** Clock for follow-ups and stored times (tests); default the system clock. */
  readonly now?: () => Date;
  readonly log?: Log;
}

export interface OpenedHostServices extends HostServices {
  readonly sessions: SessionServices;
  readonly exports: ExportService;
  readonly callEvents: CallEventRelay;
  readonly dataDir: string;
  /** The settings JSON file. */
  readonly settingsPath: string;
}

export function openHostServices(options: HostServicesOptions): OpenedHostServices {
  const { dataDir, openStore, now, log } = options;
  const { store, fileCheck } = openSettingsStore(dataDir, openStore);
  const repairNote = settingsNoticeOf(fileCheck);
  if (repairNote) log?.(repairNote.message);
  const settings = createSettingsService({ store, warn: log });
  const sessions = openSessionServices({
    dataDir,
    openStore,
    now,
    warn: log,
    shippedScenariosDir: options.shippedScenariosDir,
  });
  const exports = createRepositoryExportService({
    repository: () => sessions.repository,
    targets: options.exportTargets,
    agentName: () => settings.get().profile.agentName,
    agentId: () => sessions.team.config?.agentId ?? null,
    appVersion: APP_VERSION,
    now,
  });
  return {
    appInfo: {
      version: APP_VERSION,
      host: options.host,
      platform: process.platform,
      features: options.features,
      ...(options.systemLanguages ? { systemLanguages: options.systemLanguages } : {}),
    },
    startupNotes: repairNote ? [repairNote] : [],
    settings,
    sessions,
    exports,
    desktop: options.desktop,
    callEvents: createCallEventRelay(),
    practice: sessions.practice,
    dataDir,
    settingsPath: store.path,
  };
}
