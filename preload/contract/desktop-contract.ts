/**
 * The desktop part of the contract: what the UI tells the host about the call (the tray icon, menu and
 * notifications follow it), and what the host tells the UI about its desktop integration (which global
 * shortcuts it could register, whether the app starts at login).
 */
import { z } from 'zod';
import type { HotkeyAction } from './settings-schema';

export const CALL_PHASES = ['idle', 'in-call', 'wrap-up-pending'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

/** Reported by the UI whenever the call phase or the number of due follow-ups changes. */
export const callStatusSchema = z.strictObject({
  call: z.enum(CALL_PHASES),
  /** Follow-ups due today or overdue. */
  followUpsDue: z.number().int().min(0).max(1_000_000),
});
export type CallStatus = z.infer<typeof callStatusSchema>;

export const IDLE_CALL_STATUS: CallStatus = Object.freeze({ call: 'idle', followUpsDue: 0 });

export const startAtLoginRequestSchema = z.strictObject({ enabled: z.boolean() });

/**
 * What became of one global shortcut: `registered`; `taken` (another program holds it — the OS refused
 * it); `off` (no shortcut set); `unsupported` (this host has no global shortcuts, e.g. the browser).
 */
export type HotkeyStatus = 'registered' | 'taken' | 'off' | 'unsupported';

export interface HotkeyRegistration {
  readonly action: HotkeyAction;
  readonly accelerator: string;
  readonly status: HotkeyStatus;
}

export interface DesktopState {
  readonly callStatus: CallStatus;
  readonly hotkeys: readonly HotkeyRegistration[];
  /** Whether the app opens when the user logs in; null where this host cannot arrange that. */
  readonly startAtLogin: boolean | null;
}
