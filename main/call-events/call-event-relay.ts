/**
 * Between the loopback endpoint and the open page: an accepted call event goes to the page as the
 * 'call-event' host event, and the page answers (`answerCallEvent`) with what it did. With no page open
 * the event is not sent; a page that does not answer in time is reported the same way. The last events
 * and what became of them are kept for Settings ("Phone software").
 */
import { randomUUID } from 'node:crypto';
import type { CallEvent } from '../../preload/domain/call-event';
import type {
  CallEventAnswer,
  CallEventNotice,
  ReceivedCallEvent,
} from '../../preload/contract/call-event-contract';

export type CallEventDelivery =
  | { readonly taken: true; readonly answer: CallEventAnswer }
  | { readonly taken: false; readonly reason: 'no-page' | 'no-answer' };

export interface CallEventPages {
  emit(event: 'call-event', payload: CallEventNotice): void;
  /** Open pages that can take the event. */
  count(): number;
}

export interface CallEventRelay {
  /** The host's transport, once it exists. */
  attach(pages: CallEventPages): void;
  deliver(event: CallEvent, source: string): Promise<CallEventDelivery>;
  /** The page's answer; false when no event with that id is waiting. */
  answer(eventId: string, answer: CallEventAnswer): boolean;
  /** Newest first. */
  recent(): readonly ReceivedCallEvent[];
  /** The host says how the phone software reaches it (the command line), or why it cannot. */
  setDoor(door: { command: string | null; problem: string | null }): void;
  door(): { command: string | null; problem: string | null };
}

export const RECENT_CALL_EVENTS = 10;
/** The page answers within a frame or two; a softphone waits on the command, so do not wait long. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 1500;

export function createCallEventRelay(
  options: { timeoutMs?: number; now?: () => Date } = {},
): CallEventRelay {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  let pages: CallEventPages | null = null;
  let door: { command: string | null; problem: string | null } = {
    command: null,
    problem: 'The call-event endpoint has not started.',
  };
  const waiting = new Map<string, (answer: CallEventAnswer) => void>();
  const recent: ReceivedCallEvent[] = [];
  const remember = (entry: ReceivedCallEvent) => {
    recent.unshift(entry);
    recent.length = Math.min(recent.length, RECENT_CALL_EVENTS);
  };

  return {
    attach(next) {
      pages = next;
    },
    async deliver(event, source) {
      const receivedAt = now().toISOString();
      if (!pages || pages.count() === 0) {
        remember({ event, source, receivedAt, outcome: 'not-delivered', did: 'No window open.' });
        return { taken: false, reason: 'no-page' };
      }
      const eventId = randomUUID();
      const answer = await new Promise<CallEventAnswer | null>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(eventId);
          resolve(null);
        }, timeoutMs);
        waiting.set(eventId, (a) => {
          clearTimeout(timer);
          waiting.delete(eventId);
          resolve(a);
        });
        pages?.emit('call-event', { eventId, event, source, receivedAt });
      });
      if (!answer) {
        remember({
          event,
          source,
          receivedAt,
          outcome: 'not-delivered',
          did: 'The window did not answer.',
        });
        return { taken: false, reason: 'no-answer' };
      }
      remember({ event, source, receivedAt, outcome: answer.outcome, did: answer.did });
      return { taken: true, answer };
    },
    answer(eventId, answer) {
      const resolve = waiting.get(eventId);
      if (!resolve) return false;
      resolve(answer);
      return true;
    },
    recent: () => recent.slice(),
    setDoor(next) {
      door = next;
    },
    door: () => door,
  };
}
