/**
 * The contract's names and channels without its schemas: every method and host event by name, and the
 * Electron channel each travels on. The sandboxed preload needs only this (and ipc-result.ts), so its
 * bundle carries no validator; ipc-contract.ts gives each name its request schema and response type and
 * fails to compile when a method or event is named here and not there, or there and not here.
 */

/**
 * Every method, by the part of the host that answers it: `host` by main/host/handlers.ts itself, the
 * others by their domain's handlers (`main/<domain>/*-handlers.ts`), whose types and lists come from here.
 */
export const IPC_METHOD_GROUPS = {
  host: ['getAppInfo', 'getStorageNotices'],
  settings: ['getSettings', 'updateSettings', 'resetSettings'],
  sessions: [
    'saveCallTimeline',
    'saveDraft',
    'getDraft',
    'getWaitingDrafts',
    'discardDraft',
    'saveSession',
    'listSessions',
    'getSession',
    'getTimeline',
    'listFollowUps',
    'markFollowUpDone',
    'listFollowUpPage',
    'setFollowUpsDone',
    'editSession',
    'deleteSession',
    'discardCall',
  ],
  export: ['countExportSessions', 'startExport', 'cancelExport'],
  desktop: ['getDesktopState', 'reportCallStatus', 'setStartAtLogin'],
  recordings: ['appendRecording', 'finishRecording', 'discardRecording'],
  team: ['getTeamStatus', 'listTeamSessions', 'getTeamFigures'],
  callEvents: ['answerCallEvent', 'getCallEventSetup', 'testCallEvent'],
  practice: [
    'listPracticeScenarios',
    'importPracticeScenario',
    'getPracticeScenario',
    'makePracticeScenario',
    'deletePracticeScenario',
    'savePracticeRun',
    'listPracticeRuns',
  ],
} as const;
export type IpcMethodGroup = keyof typeof IPC_METHOD_GROUPS;
/** The methods one group answers: `MethodsOf<'sessions'>` is 'saveCallTimeline' | 'saveDraft' | … */
export type MethodsOf<G extends IpcMethodGroup> = (typeof IPC_METHOD_GROUPS)[G][number];

export type IpcMethodName = MethodsOf<IpcMethodGroup>;
/** Every method once, group after group. */
export const IPC_METHOD_NAMES: readonly IpcMethodName[] = Object.values(IPC_METHOD_GROUPS).flat();

export const HOST_EVENT_NAMES = [
  'settings-changed',
  'hotkey',
  'desktop-state-changed',
  'follow-up-due',
  'export-progress',
  'storage-notice',
  'host-closing',
  'call-event',
  'call-event-outcome',
] as const;
export type HostEventName = (typeof HOST_EVENT_NAMES)[number];

const methodNames: ReadonlySet<string> = new Set(IPC_METHOD_NAMES);
const eventNames: ReadonlySet<string> = new Set(HOST_EVENT_NAMES);

export function isIpcMethodName(name: string): name is IpcMethodName {
  return methodNames.has(name);
}

export function isHostEventName(name: string): name is HostEventName {
  return eventNames.has(name);
}

/** Electron IPC channel for a method or event (namespaced so nothing else on ipcMain collides). */
export function ipcChannel(name: IpcMethodName | HostEventName): string {
  return `calm-line:${name}`;
}
