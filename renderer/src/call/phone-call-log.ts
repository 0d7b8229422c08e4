/**
 * The phone side of one call as the session keeps it (session-schema's `call.phone`): ids, holds, and
 * each event with what it did, timed in call seconds. Built up while the call runs; `record()` applies the
 * caller-number privacy rule.
 */
import type { PhoneCallRecord } from '../../../preload/contract/session-schema';
import type { CallEvent } from '../../../preload/domain/call-event';
import { keptCallerNumber, type CallerNumberPolicy } from '../../../preload/domain/caller-number';
import type { CallEventDecision, PhoneCallState } from './call-event-reducer';

const MAX_EVENTS = 1000;

export class PhoneCallLog {
  private readonly events: PhoneCallRecord['events'] = [];
  private readonly holds: { start: number; end: number }[] = [];
  private heldAt: number | null = null;
  /** Whether the phone software has spoken about this call at all. */
  linked = false;

  note(atSec: number, event: CallEvent, decision: CallEventDecision): void {
    this.linked = true;
    if (this.events.length >= MAX_EVENTS) return;
    this.events.push({
      at: round(atSec),
      kind: event.kind,
      outcome: decision.outcome,
      did: decision.did.slice(0, 300),
    });
  }

  hold(atSec: number): void {
    this.heldAt ??= atSec;
  }

  resume(atSec: number): void {
    if (this.heldAt === null) return;
    if (atSec > this.heldAt && this.holds.length < 1000)
      this.holds.push({ start: round(this.heldAt), end: round(atSec) });
    this.heldAt = null;
  }

  /** The session's record (null when no event came for this call); an open hold ends at `endSec`. */
  record(
    phone: PhoneCallState | null,
    endSec: number,
    policy: CallerNumberPolicy,
  ): PhoneCallRecord | null {
    if (!this.linked) return null;
    this.resume(endSec);
    return {
      callId: phone?.id ?? null,
      caseRef: phone?.ref ?? null,
      from: keptCallerNumber(phone?.from, policy),
      holds: this.holds.slice(),
      events: this.events.slice(),
    };
  }
}

function round(sec: number): number {
  return Math.max(0, Math.min(7 * 24 * 3600, Math.round(sec * 10) / 10));
}
