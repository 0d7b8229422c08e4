/**
 * One handler per contract method, over the host's services. Both hosts (Electron IPC and the browser
 * host's WebSocket) run these through `dispatch`, so a method behaves the same everywhere.
 */
import { succeed } from '../../preload/contract/ipc-result';
import { createCallEventHandlers } from '../call-events/call-event-handlers';
import { createExportHandlers } from '../export/export-handlers';
import type { HostServices } from './host-services';
import { createRecordingHandlers } from '../recordings/recording-handlers';
import { createSessionHandlers } from '../sessions/session-handlers';
import { createSettingsHandlers } from '../settings/settings-handlers';
import { createDesktopHandlers } from '../desktop/desktop-handlers';
import { createDesktopStateService } from '../desktop/desktop-state-service';
import { storageNoticeOf } from '../storage/store-problems';
import { createTeamHandlers } from '../team/team-handlers';
import { createPracticeHandlers } from '../practice/practice-handlers';
import { recordedCallerReader } from './recorded-caller';
import type { Log } from '../../preload/contract/handler-results';
import type { IpcHandlers } from '../../preload/contract/ipc-handlers';

/** `log` hears why a storage call failed (the caller gets a message without paths). */
export function createHandlers(services: HostServices, log?: Log): IpcHandlers {
  return {
    getAppInfo: () => succeed(services.appInfo),
    getStorageNotices: () =>
      succeed([
        ...(services.startupNotes ?? []),
        ...(services.sessions?.problems.list().map(storageNoticeOf) ?? []),
      ]),
    ...createSettingsHandlers(services.settings, log),
    ...createSessionHandlers(services.sessions, log),
    ...createExportHandlers(services.exports, log),
    ...createRecordingHandlers(services.sessions?.recordings, log),
    ...createDesktopHandlers(services.desktop ?? createDesktopStateService()),
    ...createTeamHandlers(services.sessions?.team, undefined, log),
    ...createCallEventHandlers(services.callEvents, services.dataDir ?? ''),
    ...createPracticeHandlers(
      services.practice,
      recordedCallerReader(services.sessions?.recordings),
      log,
    ),
  };
}
