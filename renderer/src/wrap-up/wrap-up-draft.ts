/**
 * The wrap-up draft — everything needed to restore a wrap-up exactly after a crash (autosaved on every
 * change) — and the two ends of its life: made from a call that just ended, turned into a session when
 * the agent saves it. Pure functions; the clock is passed in.
 */
import {
  SESSION_SCHEMA_VERSION,
  emptyWrapUp,
  type CallRecord,
  type Priority,
  type Session,
  type WrapUp,
} from '../../../preload/contract/session-schema';
import { localDayAfter } from '../../../preload/domain/calendar-day';
import type { WrapUpDraft } from '../../../preload/contract/session-ipc-schema';

/** As in the IPC contract (`saveDraft` / `getDraft`). */
export type { WrapUpDraft };

/** A priority as the live coach's scratchpad hands it over (its order is its rank). */
export interface ScratchpadPriority {
  id: string;
  text: string;
  kind: Priority['kind'];
  confirmed: boolean;
}

export interface CallForWrapUp {
  id: string;
  startedAt: string;
  endedAt: string;
  call: CallRecord;
  priorities: readonly ScratchpadPriority[];
}

export interface WrapUpDefaults {
  agentName: string;
  followUpDays: number;
}

/** A fresh draft for a call that just ended: priorities from the scratchpad, follow-up date prefilled. */
export function draftFromCall(
  call: CallForWrapUp,
  defaults: WrapUpDefaults,
  now: Date,
): WrapUpDraft {
  const wrapUp = emptyWrapUp();
  wrapUp.priorities = call.priorities
    .filter((p) => p.text.trim() !== '')
    .map((p, i) => ({
      id: p.id,
      text: p.text.trim(),
      kind: p.kind,
      confirmed: p.confirmed,
      rank: i + 1,
    }));
  wrapUp.followUp.date = localDayAfter(new Date(call.endedAt), defaults.followUpDays);
  // The case the phone software or CRM named for this call.
  wrapUp.caseReference = call.call.phone?.caseRef ?? '';
  return {
    callId: call.id,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    call: call.call,
    wrapUp,
    step: 'priorities',
    // What the agent typed during the call, and the case the phone software named, are answers already.
    touched: [
      ...(wrapUp.priorities.length > 0 ? (['priorities'] as const) : []),
      ...(wrapUp.caseReference !== '' ? (['reference'] as const) : []),
    ],
    updatedAt: now.toISOString(),
    agent: defaults.agentName.trim(),
  };
}

/** Seconds of after-call work so far (from the end of the call), clamped to what a session stores. */
export function afterCallWorkSec(endedAt: string, now: Date): number {
  const elapsed = (now.getTime() - new Date(endedAt).getTime()) / 1000;
  if (!Number.isFinite(elapsed)) return 0;
  return Math.min(7 * 24 * 3600, Math.max(0, Math.round(elapsed)));
}

/**
 * The wrap-up as stored: blank rows (the editor keeps one empty row to type into) dropped, priorities
 * ranked 1…n in their order, texts trimmed.
 */
export function cleanWrapUp(w: WrapUp): WrapUp {
  const priorities = w.priorities
    .filter((p) => p.text.trim() !== '')
    .map((p, i) => ({ ...p, text: p.text.trim(), rank: i + 1 }));
  const nextSteps = w.nextSteps
    .filter((s) => s.what.trim() !== '' || s.who.trim() !== '' || s.byWhen !== null)
    .map((s) => ({ ...s, what: s.what.trim(), who: s.who.trim() }));
  return {
    ...w,
    priorities,
    nextSteps,
    emotionalCatalyst: w.emotionalCatalyst.trim(),
    caseReference: w.caseReference.trim(),
    escalation: { ...w.escalation, reason: w.escalation.reason.trim() },
    goodwill:
      w.goodwill.kind === 'none'
        ? { kind: 'none', value: null, note: '' }
        : { ...w.goodwill, note: w.goodwill.note.trim() },
    rootCause: { ...w.rootCause, note: w.rootCause.note.trim() },
  };
}

/** The session the wrap-up saves as. */
export function sessionFromDraft(
  draft: WrapUpDraft,
  options: { now: Date; hasTimeline: boolean },
): Session {
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: draft.callId,
    agent: draft.agent,
    startedAt: draft.startedAt,
    endedAt: draft.endedAt,
    call: draft.call,
    wrapUp: cleanWrapUp(draft.wrapUp),
    afterCallWorkSec: afterCallWorkSec(draft.endedAt, options.now),
    savedAt: options.now.toISOString(),
    hasTimeline: options.hasTimeline,
    recording: null,
  };
}
