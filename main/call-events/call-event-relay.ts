/**
 * Between the loopback endpoint and the open page: an accepted call event goes to the page as the
 * 'call-event' host event, and the page answers (`answerCallEvent`) with what it did. With no page open
 * the event is not sent; a page that does not answer in time is reported the same way. The last events
 * and what became of them — requests the endpoint refused and fields dropped on the way in included — are
 * kept for Settings ("Phone software"), and each is also sent to open pages as 'call-event-outcome' (the
 * page's notice for events that failed).
 */
import { randomUUID } from 'node:crypto';
import type { CallEvent } from '../../preload/domain/call-event';
import type {
  CallEventAnswer,
  CallEventSetup,
  ReceivedCallEvent,
} from '../../preload/contract/call-event-contract';
import type { HostEvents } from '../../preload/contract/ipc-contract';

/** How the phone software reaches this host (the command line, the hook script), or why it cannot. */
export type CallEventEndpoint = Pick<
  CallEventSetup,
  'command' | 'problem' | 'problemKind' | 'problemDetail' | 'commandNeedsShell' | 'hookScript'
>;

type RelayEvent = 'call-event' | 'call-event-outcome';

export type CallEventDelivery =
  | { readonly taken: true; readonly answer: CallEventAnswer }
  | { readonly taken: false; readonly reason: 'no-page' | 'no-answer' };

export interface CallEventPages {
  emit<E extends RelayEvent>(event: E, payload: HostEvents[E]): void;
  /** Open pages that can take the event. */
  count(): number;
}

export interface CallEventRelay {
  /** The host's transport, once it exists. */
  attach(pages: CallEventPages): void;
  /** `dropped`: fields the parser dropped on the way in (one line each), kept with the entry. */
  deliver(
    event: CallEvent,
    source: string,
    dropped?: readonly string[],
  ): Promise<CallEventDelivery>;
  /** A request the endpoint refused before there was an event (after it proved it holds the secret). */
  refused(source: string, reason: string): void;
  /** The page's answer; false when no event with that id is waiting. */
  answer(eventId: string, answer: CallEventAnswer): boolean;
  /** Newest first. */
  recent(): readonly ReceivedCallEvent[];
  /** The host says how the phone software reaches it (the command line), or why it cannot. */
  setEndpoint(endpoint: CallEventEndpoint): void;
  endpoint(): CallEventEndpoint;
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
  let endpoint: CallEventEndpoint = {
    command: null,
    problem: 'The call-event endpoint has not started.',
    problemKind: 'not-started',
  };
  const waiting = new Map<string, (answer: CallEventAnswer) => void>();
  const recent: ReceivedCallEvent[] = [];
  const remember = (entry: ReceivedCallEvent) => {
    recent.unshift(entry);
    recent.length = Math.min(recent.length, RECENT_CALL_EVENTS);
    if (pages && pages.count() > 0) pages.emit('call-event-outcome', entry);
  };

  return {
    attach(next) {
      pages = next;
    },
    async deliver(event, source, dropped) {
      const receivedAt = now().toISOString();
      const notes = dropped && dropped.length > 0 ? { dropped: dropped.slice(0, 3) } : {};
      if (!pages || pages.count() === 0) {
        remember({
          event,
          source,
          receivedAt,
          outcome: 'not-delivered',
          did: 'No window open.',
          ...notes,
        });
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
          ...notes,
        });
        return { taken: false, reason: 'no-answer' };
      }
      remember({ event, source, receivedAt, outcome: answer.outcome, did: answer.did, ...notes });
      return { taken: true, answer };
    },
    refused(source, reason) {
      remember({
        event: null,
        source,
        receivedAt: now().toISOString(),
        outcome: 'refused',
        did: reason.slice(0, 300),
      });
    },
    answer(eventId, answer) {
      const resolve = waiting.get(eventId);
      if (!resolve) return false;
      resolve(answer);
      return true;
    },
    recent: () => recent.slice(),
    setEndpoint(next) {
      endpoint = next;
    },
    endpoint: () => endpoint,
  };
}
