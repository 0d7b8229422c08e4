/**
 * The call-event part of the contract: the host hands the page an event from the phone software
 * ('call-event'), the page answers with what it did (`answerCallEvent`), and Settings reads how to wire
 * the phone software on this machine and the last events received (`getCallEventSetup`).
 */
import { z } from 'zod';
import { CALL_EVENT_FIELDS, CALL_EVENT_KINDS, type CallEvent } from '../domain/call-event';

/**
 * applied: something changed; ignored: a repeat, nothing to do; refused: it does not fit the call (an end
 * with no call), or the endpoint refused the request; failed: it fits but could not be carried out (a start
 * whose call could not start: no audio device). The command exits non-zero on failed (main/cli/call.ts).
 */
export const CALL_EVENT_OUTCOMES = ['applied', 'ignored', 'refused', 'failed'] as const;
export type CallEventOutcomeName = (typeof CALL_EVENT_OUTCOMES)[number];

export const callEventAnswerSchema = z.strictObject({
  outcome: z.enum(CALL_EVENT_OUTCOMES),
  /** One sentence: what the event did. */
  did: z.string().max(300),
});
export type CallEventAnswer = z.infer<typeof callEventAnswerSchema>;

export const answerCallEventRequestSchema = z.strictObject({
  eventId: z.uuid(),
  answer: callEventAnswerSchema,
});

/** The test button's mark: sent through the same relay as a real event. */
export const testCallEventRequestSchema = z.strictObject({
  kind: z.enum(CALL_EVENT_KINDS),
});

/** Host → page. */
export interface CallEventNotice {
  readonly eventId: string;
  readonly event: CallEvent;
  /** Which way in it came through: 'command', 'link', 'settings-test'. */
  readonly source: string;
  readonly receivedAt: string;
}

/** One entry of Settings' "last events", also sent to open pages as 'call-event-outcome'. */
export interface ReceivedCallEvent {
  /** null: the endpoint refused the request before there was an event (e.g. an unknown event word). */
  readonly event: CallEvent | null;
  readonly source: string;
  readonly receivedAt: string;
  readonly outcome: CallEventOutcomeName | 'not-delivered';
  readonly did: string;
  /** Optional fields dropped on the way in (a value that failed its check), one line each. */
  readonly dropped?: readonly string[];
}

/** Whether the page should say so in a notice: the event was not carried out, or refused at the endpoint. */
export function isCallEventProblem(entry: ReceivedCallEvent): boolean {
  return entry.outcome === 'failed' || entry.outcome === 'not-delivered' || entry.event === null;
}

/**
 * Why the phone software cannot reach this host: it has no call events (a window without a host behind
 * it), the endpoint has not started yet, or its port could not be opened.
 */
export type CallEventSetupProblem = 'unavailable' | 'not-started' | 'port-refused';

/** What Settings shows under "Phone software". */
export interface CallEventSetup {
  /**
   * The command line to paste into the softphone's hooks (without the event word and options). It names
   * the data folder only when it was moved (CALM_LINE_DATA_DIR / --data-dir); see call-command-line.ts.
   */
  readonly command: string | null;
  /** Whether `command` splits correctly at spaces, as softphones that run it without a shell split it. */
  readonly commandNeedsShell?: boolean;
  /**
   * The ready hook script for this platform (hooks/calm-line-hook.sh or .cmd; the .sh one also reads
   * Twinkle's variables when given no event), or null where none is shipped with this install.
   */
  readonly hookScript?: string | null;
  /** Why there is no command line (e.g. the endpoint could not start), in English for the log. */
  readonly problem: string | null;
  /** The same in no language, worded by the page; `problemDetail`: the system's words, as they came. */
  readonly problemKind?: CallEventSetupProblem;
  readonly problemDetail?: string;
  readonly dataDir: string;
  readonly recent: readonly ReceivedCallEvent[];
}

export { CALL_EVENT_FIELDS };
