/**
 * The renderer's only way to its host. In Electron the preload has put `window.calmLine` there; in a
 * plain browser (the browser host, and the end-to-end tests) the same API runs over a WebSocket to the
 * page's own origin. Nothing else in the renderer knows which host it runs in.
 *
 * Every method resolves to an IpcResult — `{ ok: true, value }` or `{ ok: false, code, message }` —
 * and never rejects.
 */
import { z } from 'zod';
import type { CalmLineApi } from '../../../preload/contract/ipc-contract';
import { BROWSER_HOST_WS_PATH } from '../../../preload/contract/browser-host-protocol';
import { connectWebSocket, createBrowserHostClient } from './browser-host-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    readonly calmLine?: CalmLineApi;
  }
}

// The page's CSP forbids eval; without this zod would probe `new Function` on its first object parse
// and the browser would log a CSP violation.
z.config({ jitless: true });

function browserHostSocketUrl(location: Location): string {
  const url = new URL(BROWSER_HOST_WS_PATH, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

function pickHostApi(): CalmLineApi {
  if (window.calmLine !== undefined) return window.calmLine;
  return createBrowserHostClient({
    connect: connectWebSocket(browserHostSocketUrl(window.location)),
  });
}

export const hostApi: CalmLineApi = pickHostApi();

export type {
  AppInfo,
  CalmLineApi,
  HostEventName,
  HostEvents,
  HostFeatures,
  HostKind,
  Unsubscribe,
} from '../../../preload/contract/ipc-contract';
export type {
  IpcErrorCode,
  IpcFailure,
  IpcResult,
  IpcSuccess,
} from '../../../preload/contract/ipc-result';
export type {
  AudioSettings,
  HotkeyAction,
  HotkeySettings,
  Settings,
  SettingsPatch,
} from '../../../preload/contract/settings-schema';
export { DEFAULT_SETTINGS, HOTKEY_ACTIONS } from '../../../preload/contract/settings-schema';
export { isValidHotkeyAccelerator } from '../../../preload/domain/accelerator';
