/**
 * The call-event part of the contract: the host hands the page an event from the phone software
 * ('call-event'), the page answers with what it did (`answerCallEvent`), and Settings reads how to wire
 * the phone software on this machine and the last events received (`getCallEventSetup`).
 */
import { z } from 'zod';
import { CALL_EVENT_FIELDS, CALL_EVENT_KINDS, type CallEvent } from '../domain/call-event';

export const CALL_EVENT_OUTCOMES = ['applied', 'ignored', 'refused'] as const;
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
  /** Which door it came through: 'command', 'link', 'settings-test'. */
  readonly source: string;
  readonly receivedAt: string;
}

export interface ReceivedCallEvent {
  readonly event: CallEvent;
  readonly source: string;
  readonly receivedAt: string;
  readonly outcome: CallEventOutcomeName | 'not-delivered';
  readonly did: string;
}

/** What Settings shows under "Phone software". */
export interface CallEventSetup {
  /** The command line to paste into the softphone's hooks (without the event word and options). */
  readonly command: string | null;
  /** Why there is no command line (e.g. the endpoint could not start). */
  readonly problem: string | null;
  readonly dataDir: string;
  readonly recent: readonly ReceivedCallEvent[];
}

export { CALL_EVENT_FIELDS };
