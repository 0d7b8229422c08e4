/**
 * The one contract between the UI and its host (Electron main, or the browser host). Main, preload and
 * renderer all derive their types from `ipcMethods` and `HostEvents` below.
 *
 * Adding a method: its name in its group (`IPC_METHOD_GROUPS`, ipc-channels.ts), one entry in `ipcMethods`
 * (request schema + response type) and one handler in its domain's handlers (the compiler asks for both). The preload bridge, the browser-host client and `CalmLineApi` pick it up.
 */
import { z } from 'zod';
import {
  HOST_EVENT_NAMES,
  IPC_METHOD_GROUPS,
  IPC_METHOD_NAMES,
  ipcChannel,
  isHostEventName,
  isIpcMethodName,
  type HostEventName,
  type IpcMethodGroup,
  type IpcMethodName,
  type MethodsOf,
} from './ipc-channels';
import type { IpcResult } from './ipc-result';
import type { StorageNotice } from './storage-notice';

export {
  HOST_EVENT_NAMES,
  IPC_METHOD_GROUPS,
  IPC_METHOD_NAMES,
  ipcChannel,
  isHostEventName,
  isIpcMethodName,
  type HostEventName,
  type IpcMethodGroup,
  type IpcMethodName,
  type MethodsOf,
};
import { settingsPatchSchema, type HotkeyAction, type Settings } from './settings-schema';
import { callStatusSchema, startAtLoginRequestSchema, type DesktopState } from './desktop-contract';
import type { CallTimeline } from '../../renderer/engine/call-types';
import { sessionSchema, wrapUpSchema, type Session } from './session-schema';
import {
  callTimelineSchema,
  followUpsRequestSchema,
  sessionIdRequestSchema,
  sessionQuerySchema,
  type FollowUpList,
  type SessionList,
  type SessionSummary,
  type WrapUpDraft,
  wrapUpDraftSchema,
} from './session-ipc-schema';
import {
  followUpPageRequestSchema,
  followUpsDoneRequestSchema,
  type FollowUpPage,
} from './follow-up-ipc-schema';
import {
  teamSessionQuerySchema,
  type TeamFigures,
  type TeamSessionPage,
  type TeamSyncStatus,
} from './team-store-schema';
import {
  answerCallEventRequestSchema,
  testCallEventRequestSchema,
  type CallEventAnswer,
  type CallEventNotice,
  type CallEventSetup,
  type ReceivedCallEvent,
} from './call-event-contract';
import {
  exportFilterSchema,
  startExportRequestSchema,
  type ExportProgress,
  type ExportStarted,
} from './session-export-schema';
import {
  MAX_SCENARIO_BASE64,
  importScenarioRequestSchema,
  practiceRunQuerySchema,
  practiceRunSchema,
  scenarioFromRecordingRequestSchema,
  scenarioIdRequestSchema,
  type PracticeRunPage,
  type PracticeRunRecord,
  type ScenarioSummary,
} from './practice-schema';

/** Phantom marker carrying a method's response type (no runtime content). */
export interface Returns<T> {
  readonly __response?: T;
}
function returns<T>(): Returns<T> {
  return {};
}

const MIB = 1024 * 1024;

/** Methods that take no argument accept `undefined` (what `invoke(channel)` and JSON without payload give). */
const noPayload = z.undefined();

export type HostKind = 'electron' | 'browser';

export interface HostFeatures {
  /** Hotkeys that work while another application has focus. */
  readonly globalHotkeys: boolean;
  /** An icon in the system tray / menu bar. */
  readonly tray: boolean;
  /** Capturing what the computer plays (the caller in a softphone) without a second device. */
  readonly systemLoopback: boolean;
  /** Always-on-top and the compact (~360 px) window. */
  readonly windowControls: boolean;
  /** Opening the app when the user logs in (an installed desktop app only). */
  readonly startAtLogin: boolean;
}

export interface AppInfo {
  readonly version: string;
  readonly host: HostKind;
  /** Node's `process.platform` of the host ('linux', 'darwin', 'win32', …). */
  readonly platform: string;
  readonly features: HostFeatures;
  /**
   * The system's languages, best first, where the host knows them better than the page (Electron:
   * `app.getPreferredSystemLanguages()`, then `app.getLocale()`); absent in the browser host, where the
   * page's `navigator.languages` are the user's. The page picks its language from them (renderer/src/i18n).
   */
  readonly systemLanguages?: readonly string[];
}

export const ipcMethods = {
  getAppInfo: { request: noPayload, response: returns<AppInfo>() },
  /** What the host found wrong in its files at start (and since): each says what happened and where the file is now. */
  getStorageNotices: { request: noPayload, response: returns<StorageNotice[]>() },
  getSettings: { request: noPayload, response: returns<Settings>() },
  /** Applies a partial update; the whole result is validated before anything is written. */
  updateSettings: { request: settingsPatchSchema, response: returns<Settings>() },
  resetSettings: { request: noPayload, response: returns<Settings>() },
  /** At call end, before the wrap-up: the loudness timeline goes to its own file. */
  saveCallTimeline: {
    request: z.strictObject({ id: z.uuid(), timeline: callTimelineSchema }),
    response: returns<{ bytes: number }>(),
    maxPayloadBytes: 16 * MIB,
  },
  /** Autosave of the open wrap-up (every change); replaced atomically. */
  saveDraft: {
    request: wrapUpDraftSchema,
    response: returns<{ savedAt: string }>(),
    maxPayloadBytes: 8 * MIB,
  },
  getDraft: { request: noPayload, response: returns<WrapUpDraft | null>() },
  /** Earlier unfinished wrap-ups (back-to-back calls), oldest first; saveDraft of one opens it. */
  getWaitingDrafts: { request: noPayload, response: returns<WrapUpDraft[]>() },
  discardDraft: { request: noPayload, response: returns<null>() },
  /** Stores the session (hasTimeline set from the timeline file) and clears the draft with the same id. */
  saveSession: {
    request: z.strictObject({ session: sessionSchema }),
    response: returns<Session>(),
    maxPayloadBytes: 8 * MIB,
  },
  /** Newest first, paged, with the total count of matches. */
  listSessions: { request: sessionQuerySchema, response: returns<SessionList>() },
  getSession: { request: sessionIdRequestSchema, response: returns<Session | null>() },
  getTimeline: { request: sessionIdRequestSchema, response: returns<CallTimeline | null>() },
  listFollowUps: { request: followUpsRequestSchema, response: returns<FollowUpList>() },
  /** Sets wrapUp.followUp.doneAt to now (kept as it was when already done). */
  markFollowUpDone: { request: sessionIdRequestSchema, response: returns<Session>() },
  /** One page of a follow-up section (overdue oldest first, today, upcoming soonest first) with every
   * section's count under the same filters. */
  listFollowUpPage: { request: followUpPageRequestSchema, response: returns<FollowUpPage>() },
  /** Corrects a saved session's wrap-up: savedAt now, one more entry in `edits` (who, what, when), queued
   * for the team store (its newer savedAt wins there). Unchanged fields: the session as it was. */
  editSession: {
    request: z.strictObject({ id: z.uuid(), wrapUp: wrapUpSchema, by: z.string().max(200) }),
    response: returns<Session>(),
    maxPayloadBytes: 8 * MIB,
  },
  /** Deletes a saved session with its timeline and recording (the log's undo window comes first). */
  deleteSession: { request: sessionIdRequestSchema, response: returns<{ deleted: boolean }>() },
  /** Discards the open wrap-up's call: its draft, timeline and any recording; nothing is kept. */
  discardCall: { request: sessionIdRequestSchema, response: returns<null>() },
  /** Marks several follow-ups done (now), or open again; returns how many changed. */
  setFollowUpsDone: {
    request: followUpsDoneRequestSchema,
    response: returns<{ changed: number }>(),
  },
  /** How many sessions an export with this filter would hold (the log's query without paging). */
  countExportSessions: { request: exportFilterSchema, response: returns<{ count: number }>() },
  /** Asks where to save (Electron: save dialog; browser host: prepares a one-time download), then writes
   * in the background; 'export-progress' events follow. null: the save dialog was cancelled. */
  startExport: { request: startExportRequestSchema, response: returns<ExportStarted | null>() },
  cancelExport: {
    request: z.strictObject({ exportId: z.uuid() }),
    response: returns<{ cancelled: boolean }>(),
  },
  /** Tray and shortcut status: the call status last reported, each global shortcut's fate, start at login. */
  getDesktopState: { request: noPayload, response: returns<DesktopState>() },
  /** The UI tells the host where the call stands (tray icon, menu, notifications follow). */
  reportCallStatus: { request: callStatusSchema, response: returns<DesktopState>() },
  setStartAtLogin: { request: startAtLoginRequestSchema, response: returns<DesktopState>() },
  /** Opted-in call audio, streamed during the call: interleaved stereo 16-bit PCM (agent left, caller
   * right), chunks numbered 0, 1, 2, … (0 starts afresh). At most 1 s at 192 kHz per chunk. */
  appendRecording: {
    request: z.strictObject({
      callId: z.uuid(),
      seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      pcm16Base64: z.base64().max(1_024_000),
    }),
    response: returns<{ bytes: number }>(),
    maxPayloadBytes: 1_100_000,
  },
  /** Writes the WAV header and moves the file into place; `path` is relative to the data folder. */
  finishRecording: {
    request: z.strictObject({
      callId: z.uuid(),
      sampleRate: z.number().int().min(8000).max(192_000),
    }),
    response: returns<{ path: string }>(),
  },
  /** Drops the call's audio (in progress or finished). */
  discardRecording: { request: z.strictObject({ callId: z.uuid() }), response: returns<null>() },
  /** The team store's sync: off, synced, queued N, or error with the reason. */
  getTeamStatus: { request: noPayload, response: returns<TeamSyncStatus>() },
  /** The team view over the store: newest first, paged, with the total (what the login may read). */
  listTeamSessions: { request: teamSessionQuerySchema, response: returns<TeamSessionPage>() },
  /** Per-day figures per agent for the team view's charts (the filter without paging). */
  getTeamFigures: {
    request: teamSessionQuerySchema.omit({ offset: true, limit: true }),
    response: returns<TeamFigures>(),
  },
  /** The page's answer to a 'call-event': what the event did (the command waits for it). */
  answerCallEvent: {
    request: answerCallEventRequestSchema,
    response: returns<{ taken: boolean }>(),
  },
  /** Settings → Phone software: the command line for this machine and the last events received. */
  getCallEventSetup: { request: noPayload, response: returns<CallEventSetup>() },
  /** Settings' "Send test mark": the event goes through the same relay as one from the phone software. */
  testCallEvent: {
    request: testCallEventRequestSchema,
    response: returns<CallEventAnswer | null>(),
  },
  /** Practice scenarios kept in the data folder, newest first, then those shipped with the app (`shipped`). */
  listPracticeScenarios: { request: noPayload, response: returns<ScenarioSummary[]>() },
  /** A `.calmscenario` file the agent picked: checked strictly (scenario-file.ts), then kept. */
  importPracticeScenario: {
    request: importScenarioRequestSchema,
    response: returns<ScenarioSummary>(),
    maxPayloadBytes: MAX_SCENARIO_BASE64 + 4096,
  },
  /** The scenario file itself (to rehearse it, or to save a copy for the team); null when there is none. */
  getPracticeScenario: {
    request: scenarioIdRequestSchema,
    response: returns<{ fileName: string; dataBase64: string } | null>(),
  },
  /** A scenario from a session's kept recording: the caller channel only, cut into turns by the engine. */
  makePracticeScenario: {
    request: scenarioFromRecordingRequestSchema,
    response: returns<ScenarioSummary>(),
  },
  deletePracticeScenario: {
    request: scenarioIdRequestSchema,
    response: returns<{ deleted: boolean }>(),
  },
  /** Keeps a rehearsal in the practice history (never in the session log). */
  savePracticeRun: {
    request: z.strictObject({ run: practiceRunSchema }),
    response: returns<PracticeRunRecord>(),
    maxPayloadBytes: 1024 * 1024,
  },
  /** The practice history, newest first. */
  listPracticeRuns: { request: practiceRunQuerySchema, response: returns<PracticeRunPage>() },
} as const satisfies Record<
  IpcMethodName,
  { request: z.ZodType; response: Returns<unknown>; maxPayloadBytes?: number }
>;

/** The validated payload a handler receives. */
export type RequestOf<M extends IpcMethodName> = z.output<(typeof ipcMethods)[M]['request']>;
/** What a caller passes (before defaults/transforms). */
export type RequestInputOf<M extends IpcMethodName> = z.input<(typeof ipcMethods)[M]['request']>;
export type ResponseOf<M extends IpcMethodName> =
  (typeof ipcMethods)[M]['response'] extends Returns<infer T> ? T : never;

/** Host → UI notifications, name → payload. */
export interface HostEvents {
  /** Settings changed (by this window, another window, or a reset). Carries the full new settings. */
  'settings-changed': Settings;
  /** A global hotkey, or the same action from the tray or the application menu (Electron only). */
  hotkey: { readonly action: HotkeyAction };
  /** The desktop state changed (call status reported, shortcuts re-registered, start at login). */
  'desktop-state-changed': DesktopState;
  /** Follow-ups that fell due (or were overdue) since the last check; each session is announced once per run. */
  'follow-up-due': { readonly sessions: SessionSummary[] };
  /** An export's progress (throttled), then exactly one final state: done (with where), cancelled or failed. */
  'export-progress': ExportProgress;
  /** A file the host could not read was moved aside (found after start): what happened and where it is. */
  'storage-notice': StorageNotice;
  /** The host is about to stop (Ctrl+C, quit): end a call in progress and save the wrap-up draft now. */
  'host-closing': { readonly graceMs: number };
  /** An event from the phone software (start, end, hold, resume, mark): answer with answerCallEvent. */
  'call-event': CallEventNotice;
  /** What became of a call event (or a request the endpoint refused): Settings' list and the page's notice. */
  'call-event-outcome': ReceivedCallEvent;
}
// Every event named in ipc-channels.ts has a payload here, and no other.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
void (true satisfies SameKeys<keyof HostEvents, HostEventName>);

type ApiMethod<M extends IpcMethodName> = [RequestInputOf<M>] extends [undefined]
  ? () => Promise<IpcResult<ResponseOf<M>>>
  : (payload: RequestInputOf<M>) => Promise<IpcResult<ResponseOf<M>>>;

export type Unsubscribe = () => void;

/**
 * What the renderer sees (`window.calmLine` in Electron, the WebSocket client in a browser).
 * Methods never reject: every outcome, including a lost host, is an IpcResult.
 */
export type CalmLineApi = { readonly [M in IpcMethodName]: ApiMethod<M> } & {
  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): Unsubscribe;
};

/** Largest accepted request payload, measured as JSON (bytes). Settings patches are well under 8 KiB. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** A method's own payload limit (`maxPayloadBytes` in its entry), else MAX_PAYLOAD_BYTES. */
export function maxPayloadBytesOf(method: IpcMethodName): number {
  const entry = ipcMethods[method];
  return 'maxPayloadBytes' in entry ? entry.maxPayloadBytes : MAX_PAYLOAD_BYTES;
}
