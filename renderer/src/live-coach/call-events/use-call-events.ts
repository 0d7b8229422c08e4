/**
 * The page's end of the phone software's events: each 'call-event' from the host is decided by
 * decideCallEvent against the call in progress, its steps run on the coach (one event at a time, in
 * arrival order), it is noted on the call's phone log, and the host is answered with what it did.
 * Once an event has arrived, the phone software is trusted over auto-start on the caller's voice.
 */
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { CallEventNotice } from '../../../../preload/contract/call-event-contract';
import type { PhoneCallRecord } from '../../../../preload/contract/session-schema';
import type { CallerNumberPolicy } from '../../../../preload/domain/caller-number';
import { hostApi } from '../../api/host-api';
import { useHostEvent } from '../../app/use-host-event';
import type { CoachSession } from '../audio/coach-session';
import {
  UNLINKED_CALL,
  decideCallEvent,
  type CallEventDecision,
  type PhoneCallState,
} from './call-event-reducer';
import { PhoneCallLog } from './phone-call-log';

export interface CallEventActions {
  start(): Promise<void>;
  end(): Promise<void>;
  mark(): void;
}

export function useCallEvents(
  sessionRef: MutableRefObject<CoachSession | null>,
  actions: MutableRefObject<CallEventActions>,
  policy: CallerNumberPolicy,
) {
  const phone = useRef<PhoneCallState | null>(null);
  const log = useRef(new PhoneCallLog());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const eventsSeen = useRef(false);
  const [held, setHeld] = useState(false);
  const policyRef = useRef(policy);
  policyRef.current = policy;

  const callTime = useCallback(() => sessionRef.current?.latest.timeSec ?? 0, [sessionRef]);

  /** A call starts (by hand, by voice or by an event): a fresh phone log, no phone details yet. */
  const callStarted = useCallback(() => {
    phone.current = null;
    log.current = new PhoneCallLog();
    setHeld(false);
  }, []);

  /** The call ends: its phone record for the session (null when no event spoke of it). */
  const callEnding = useCallback((): PhoneCallRecord | null => {
    const record = log.current.record(phone.current, callTime(), policyRef.current);
    phone.current = null;
    setHeld(false);
    return record;
  }, [callTime]);

  const apply = useCallback(
    async ({ eventId, event }: CallEventNotice) => {
      eventsSeen.current = true;
      const inCall = sessionRef.current?.inCall ?? false;
      const decision: CallEventDecision = decideCallEvent(
        inCall ? (phone.current ?? UNLINKED_CALL) : null,
        event,
      );
      let answer = { outcome: decision.outcome, did: decision.did };
      for (const step of decision.steps) {
        switch (step.type) {
          case 'end':
            log.current.note(callTime(), event, decision);
            await actions.current.end();
            break;
          case 'start':
            await actions.current.start();
            if (!sessionRef.current?.inCall) {
              answer = {
                outcome: 'refused',
                did: 'The call could not start: see the coach screen.',
              };
              break;
            }
            phone.current = decision.next;
            log.current.note(0, event, decision);
            break;
          case 'hold':
          case 'resume':
            sessionRef.current?.setHeld(step.type === 'hold');
            if (step.type === 'hold') log.current.hold(callTime());
            else log.current.resume(callTime());
            setHeld(step.type === 'hold');
            break;
          case 'mark':
            actions.current.mark();
            break;
        }
      }
      const stepsNoted = decision.steps.some((s) => s.type === 'start' || s.type === 'end');
      if (!stepsNoted && inCall) {
        phone.current = decision.next;
        log.current.note(callTime(), event, decision);
      }
      await hostApi.answerCallEvent({ eventId, answer });
    },
    [sessionRef, actions, callTime],
  );

  useHostEvent('call-event', (notice) => {
    queue.current = queue.current.then(() => apply(notice)).catch(() => undefined);
  });

  return { held, eventsSeen, callStarted, callEnding };
}
