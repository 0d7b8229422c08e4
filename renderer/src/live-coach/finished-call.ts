import type { CallAnalysis } from '../../engine/call-types';
import type { PhoneCallRecord } from '../../../preload/contract/session-schema';

export type PriorityKind = 'technical' | 'administrative' | 'emotional';
export const PRIORITY_KINDS: readonly PriorityKind[] = ['technical', 'administrative', 'emotional'];

/** A customer priority the agent restated during the call. */
export interface Priority {
  id: string;
  text: string;
  kind: PriorityKind;
  /** The customer confirmed the restatement. */
  confirmed: boolean;
}

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
