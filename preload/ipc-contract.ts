/**
 * The one contract between the UI and its host (Electron main, or the browser host). Main, preload and
 * renderer all derive their types from `ipcMethods` and `HostEvents` below.
 *
 * Adding a method: one entry in `ipcMethods` (request schema + response type) and one handler in
 * `main/ipc/handlers.ts`. The preload bridge, the browser-host client and `CalmLineApi` pick it up.
 */
import { z } from 'zod';
import type { IpcResult } from './ipc-result';
import { settingsPatchSchema, type HotkeyAction, type Settings } from './settings-schema';

/** Phantom marker carrying a method's response type (no runtime content). */
export interface Returns<T> {
  readonly __response?: T;
}
function returns<T>(): Returns<T> {
  return {};
}

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
}

export interface AppInfo {
  readonly version: string;
  readonly host: HostKind;
  /** Node's `process.platform` of the host ('linux', 'darwin', 'win32', …). */
  readonly platform: string;
  readonly features: HostFeatures;
}

export const ipcMethods = {
  getAppInfo: { request: noPayload, response: returns<AppInfo>() },
  getSettings: { request: noPayload, response: returns<Settings>() },
  /** Applies a partial update; the whole result is validated before anything is written. */
  updateSettings: { request: settingsPatchSchema, response: returns<Settings>() },
  resetSettings: { request: noPayload, response: returns<Settings>() },
} as const satisfies Record<string, { request: z.ZodType; response: Returns<unknown> }>;

export type IpcMethodName = keyof typeof ipcMethods;
export const IPC_METHOD_NAMES = Object.keys(ipcMethods) as IpcMethodName[];

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
  /** A global hotkey fired (Electron only). */
  hotkey: { readonly action: HotkeyAction };
}
export type HostEventName = keyof HostEvents;
const hostEventNames: Record<HostEventName, true> = { 'settings-changed': true, hotkey: true };
export const HOST_EVENT_NAMES = Object.keys(hostEventNames) as HostEventName[];

export function isIpcMethodName(name: string): name is IpcMethodName {
  return Object.hasOwn(ipcMethods, name);
}
export function isHostEventName(name: string): name is HostEventName {
  return (HOST_EVENT_NAMES as readonly string[]).includes(name);
}

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

/** Electron IPC channel for a method or event (namespaced so nothing else on ipcMain collides). */
export function ipcChannel(name: IpcMethodName | HostEventName): string {
  return `calm-line:${name}`;
}
