/**
 * What a call event from the phone software does, given where the call stands. Pure: the page runs the
 * returned steps (start, end, hold, resume, mark) on the coach and keeps `next`.
 *
 *   start   no call: starts one. A call without a phone id (started by hand or by the caller's voice):
 *           attaches id/ref/from to it. The same id again (or no id): a repeat — ignored, except that a ref
 *           or number the call did not have yet is attached. Another id: ends the first call (its wrap-up
 *           opens and keeps its draft) and starts the second.
 *   end     ends the call; with no call, or an id that is not the call's, it is reported and changes nothing.
 *   hold    pauses cues and the venting timer (the clock runs on); again while held: ignored.
 *   resume  ends the hold; when not held: ignored.
 *   mark    marks the moment in the call.
 * hold, resume and mark for another id, or with no call, are reported and change nothing.
 *
 * Every event gets an outcome: `applied` (something changed), `ignored` (a repeat: nothing to do) or
 * `refused` (it does not fit the call: nothing changed), with one sentence saying what it did.
 */
import type { CallEvent } from '../../../preload/domain/call-event';

/** The phone side of the call in progress. */
export interface PhoneCallState {
  readonly id: string | null;
  readonly ref: string | null;
  readonly from: string | null;
  readonly held: boolean;
}

export type CallEventStep =
  | { readonly type: 'start' }
  | { readonly type: 'end' }
  | { readonly type: 'hold' }
  | { readonly type: 'resume' }
  | { readonly type: 'mark' };

export type CallEventOutcome = 'applied' | 'ignored' | 'refused';

export interface CallEventDecision {
  /** The call after the event (null: no call). */
  readonly next: PhoneCallState | null;
  /** What to do to the coach, in order. */
  readonly steps: readonly CallEventStep[];
  readonly outcome: CallEventOutcome;
  /** One sentence for the timeline and Settings' "last events". */
  readonly did: string;
}

/** A call started by hand or by the caller's voice: no phone details yet. */
export const UNLINKED_CALL: PhoneCallState = Object.freeze({
  id: null,
  ref: null,
  from: null,
  held: false,
});

function named(id: string | null | undefined): string {
  return id ? ` ${id}` : '';
}

function fromEvent(event: CallEvent): PhoneCallState {
  return { id: event.id ?? null, ref: event.ref ?? null, from: event.from ?? null, held: false };
}

/** Fills what the call does not know yet from the event; never overwrites. */
function attach(call: PhoneCallState, event: CallEvent): { next: PhoneCallState; added: string[] } {
  const added: string[] = [];
  const pick = (have: string | null, given: string | undefined, label: string) => {
    if (have === null && given !== undefined) {
      added.push(label);
      return given;
    }
    return have;
  };
  const next = {
    ...call,
    id: pick(call.id, event.id, 'call id'),
    ref: pick(call.ref, event.ref, 'case reference'),
    from: pick(call.from, event.from, 'caller number'),
  };
  return { next, added };
}

/** An event naming a call id that is not this call's (an event without an id fits any call). */
function otherCall(call: PhoneCallState, event: CallEvent): boolean {
  return event.id !== undefined && call.id !== null && event.id !== call.id;
}

const keep = (
  call: PhoneCallState | null,
  outcome: CallEventOutcome,
  did: string,
): CallEventDecision => ({ next: call, steps: [], outcome, did });

export function decideCallEvent(call: PhoneCallState | null, event: CallEvent): CallEventDecision {
  switch (event.kind) {
    case 'start': {
      if (call === null)
        return {
          next: fromEvent(event),
          steps: [{ type: 'start' }],
          outcome: 'applied',
          did: `Started call${named(event.id)}.`,
        };
      if (otherCall(call, event))
        return {
          next: fromEvent(event),
          steps: [{ type: 'end' }, { type: 'start' }],
          outcome: 'applied',
          did: `Ended call${named(call.id)} (its wrap-up is kept) and started call${named(event.id)}.`,
        };
      const { next, added } = attach(call, event);
      if (added.length === 0) return keep(call, 'ignored', 'Already in this call: nothing to do.');
      return {
        next,
        steps: [],
        outcome: 'applied',
        did: `Added the ${added.join(', ')} to the call in progress.`,
      };
    }
    case 'end':
      if (call === null) return keep(call, 'refused', 'No call in progress: nothing ended.');
      if (otherCall(call, event))
        return keep(
          call,
          'refused',
          `End for call ${event.id}, but call ${call.id} is in progress: nothing ended.`,
        );
      return { next: null, steps: [{ type: 'end' }], outcome: 'applied', did: 'Ended the call.' };
    case 'hold':
    case 'resume':
    case 'mark': {
      const what = event.kind === 'mark' ? 'marked' : event.kind === 'hold' ? 'held' : 'resumed';
      if (call === null) return keep(call, 'refused', `No call in progress: nothing ${what}.`);
      if (otherCall(call, event))
        return keep(
          call,
          'refused',
          `${event.kind} for call ${event.id}, but call ${call.id} is in progress: nothing ${what}.`,
        );
      if (event.kind === 'mark')
        return {
          next: call,
          steps: [{ type: 'mark' }],
          outcome: 'applied',
          did: 'Marked the moment.',
        };
      const held = event.kind === 'hold';
      if (call.held === held)
        return keep(call, 'ignored', held ? 'Already on hold.' : 'Not on hold: nothing to resume.');
      return {
        next: { ...call, held },
        steps: [{ type: event.kind }],
        outcome: 'applied',
        did: held ? 'Put the call on hold: no cues until it resumes.' : 'Resumed the call.',
      };
    }
  }
}
