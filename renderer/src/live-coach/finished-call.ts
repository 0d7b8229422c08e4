import type { CallAnalysis } from '../../engine/call-types';
import type {
  PhoneCallRecord,
  Priority as SavedPriority,
} from '../../../preload/contract/session-schema';

/**
 * A customer priority the agent restated during the call: the saved shape (the contract's) before the
 * wrap-up ranks it.
 */
export type Priority = Omit<SavedPriority, 'rank'>;
export type PriorityKind = Priority['kind'];

/** What the live coach hands to the wrap-up and the session log when a call ends. */
export interface FinishedCall {
  id: string;
  startedAt: string;
  endedAt: string;
  analysis: CallAnalysis;
  priorities: Priority[];
  /** Moments the agent marked during the call (s from the call's start). */
  marks: number[];
  /** The phone software's side of the call, when it sent events (ids, holds, events). */
  phone?: PhoneCallRecord;
}

export function newId(): string {
  return crypto.randomUUID();
}
