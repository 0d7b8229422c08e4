/**
 * Request schemas and response shapes of the session methods (wrap-up drafts, session log, timelines,
 * follow-ups). `ipc-contract.ts` lists the methods; the shapes live here so the contract stays short.
 */
import { z } from 'zod';
import {
  callRecordSchema,
  ESCALATION_VALUES,
  RESOLUTION_VALUES,
  wrapUpSchema,
  type EscalationKind,
  type Resolution,
} from './session-schema';
import { WRAP_UP_STEPS } from './settings-schema';
import { FOLLOW_UP_FILTER_VALUES } from '../domain/follow-up-status';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDay = z.iso.date();

/** Everything needed to restore an open wrap-up exactly after a crash (autosaved on every change). */
export const wrapUpDraftSchema = z.strictObject({
  /** Becomes Session.id. */
  callId: z.uuid(),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  call: callRecordSchema,
  wrapUp: wrapUpSchema,
  /** The step the agent was on. */
  step: z.enum(WRAP_UP_STEPS),
  /** Steps the agent edited or confirmed (left with Next): only these show as answered. Absent in drafts
   * written before it existed (then none is). */
  touched: z.array(z.enum(WRAP_UP_STEPS)).max(WRAP_UP_STEPS.length).optional(),
  updatedAt: isoDateTime,
  agent: z.string().max(200),
});
export type WrapUpDraft = z.infer<typeof wrapUpDraftSchema>;

/** Eight hours at one point per 100 ms. */
export const MAX_TIMELINE_POINTS = 8 * 3600 * 10 + 1;
const level = z.number().finite().min(-200).max(40).nullable();
const series = z.array(level).max(MAX_TIMELINE_POINTS);
const partySeries = z.strictObject({ momentary: series, shortTerm: series });
/** A call's loudness timeline (CallTimeline from the engine), stored beside its session. */
export const callTimelineSchema = z.strictObject({
  stepSec: z.number().finite().positive().max(60),
  caller: partySeries,
  agent: partySeries,
});
/** Same shape as the engine's CallTimeline (handlers return one where the other is expected). */
export type CallTimelineRecord = z.infer<typeof callTimelineSchema>;

export const SESSION_PAGE_DEFAULT = 50;
export const SESSION_PAGE_MAX = 500;

export const sessionQuerySchema = z.strictObject({
  /** Words to find (all of them, any order; case and accents ignored) in priorities, catalyst, next steps,
   * root cause note, case reference and notes. */
  text: z.string().max(500).optional(),
  /** First and last calendar day (local time of the host), inclusive. */
  from: isoDay.optional(),
  to: isoDay.optional(),
  resolution: z.enum([...RESOLUTION_VALUES, 'none']).optional(),
  escalation: z.enum(ESCALATION_VALUES).optional(),
  /** due: date is today; overdue: before today; open: has a date, not done; done: marked done. */
  followUp: z.enum(FOLLOW_UP_FILTER_VALUES).optional(),
  agent: z.string().max(200).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(SESSION_PAGE_MAX).optional(),
});
export type SessionQuery = z.infer<typeof sessionQuerySchema>;

export const sessionIdRequestSchema = z.strictObject({ id: z.uuid() });
export const followUpsRequestSchema = z.strictObject({ asOf: isoDay.optional() });

/** One row of the session log. */
export interface SessionSummary {
  readonly id: string;
  readonly agent: string;
  readonly startedAt: string;
  readonly durationSec: number;
  readonly resolution: Resolution | null;
  readonly escalation: EscalationKind;
  readonly followUpDate: string | null;
  readonly followUpDone: boolean;
  readonly caseReference: string;
  readonly priorityCount: number;
  readonly confirmedPriorityCount: number;
  readonly overtalkCount: number;
  readonly tooLoudCount: number;
  readonly heatedCount: number;
  readonly hasTimeline: boolean;
}

export interface SessionList {
  readonly rows: SessionSummary[];
  /** Matches in all pages. */
  readonly total: number;
  readonly offset: number;
}

export interface FollowUpList {
  /** Follow-up date is the day asked about (today by default), not done. */
  readonly due: SessionSummary[];
  /** Follow-up date before that day, not done; oldest first. */
  readonly overdue: SessionSummary[];
}
