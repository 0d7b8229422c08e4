/**
 * A session: one call's metrics and its wrap-up, as stored, exported and imported. zod schemas are the
 * single source of truth; the types are inferred from them. The loudness timeline is NOT part of a
 * session record: it is stored in its own file (see `CallTimeline` in the engine) and referenced by id.
 *
 * Version history (each earlier version has a tested migration in main/sessions/session-migrations.ts):
 *   1 — the live coach's hand-off: call metrics and priorities, no wrap-up.
 *   2 — adds the guided wrap-up, the agent, and after-call work time. Later optional additions (no new
 *       version: a stored session without them is still valid): `call.phone` (call events, issue 16),
 *       `edits` (corrections of a saved wrap-up, issue 27), `call.musicHolds` (music on hold recognised
 *       from the sound, issue 25).
 */
import { z } from 'zod';
import { CALL_EVENT_KINDS } from '../domain/call-event';

export const SESSION_SCHEMA_VERSION = 2;

const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD (follow-up dates, next-step deadlines). */
const isoDate = z.iso.date();
const text = (max: number) => z.string().max(max);
const seconds = z
  .number()
  .finite()
  .min(0)
  .max(7 * 24 * 3600);
const lufs = z.number().finite().min(-200).max(20).nullable();

export const CUE_KIND_VALUES = [
  'wait-for-pause',
  'your-turn',
  'talking-over',
  'too-loud',
  'caller-heated',
] as const;
export const PRIORITY_KIND_VALUES = ['technical', 'administrative', 'emotional'] as const;
export const RESOLUTION_VALUES = ['resolved', 'partly', 'pending', 'escalated'] as const;
export const ESCALATION_VALUES = [
  'none',
  'manager-requested',
  'handed-off',
  'abusive-conduct',
] as const;
export const GOODWILL_VALUES = ['none', 'discount', 'refund', 'credit', 'gift', 'other'] as const;
export const FOLLOW_UP_CHANNEL_VALUES = ['call', 'email', 'letter'] as const;
export const ROOT_CAUSE_VALUES = [
  'billing',
  'technical-fault',
  'delivery',
  'process',
  'communication',
  'policy',
  'other',
] as const;

export const prioritySchema = z.strictObject({
  id: text(64).min(1),
  text: text(2000),
  kind: z.enum(PRIORITY_KIND_VALUES),
  /** The customer confirmed the agent's restatement. */
  confirmed: z.boolean(),
  /** 1 = most important. */
  rank: z.number().int().min(1).max(1000),
});

export const cueCountsSchema = z.strictObject(
  Object.fromEntries(CUE_KIND_VALUES.map((c) => [c, z.number().int().min(0)])) as Record<
    (typeof CUE_KIND_VALUES)[number],
    z.ZodNumber
  >,
);

export const callMetricsSchema = z.strictObject({
  callerTalkSec: seconds,
  agentTalkSec: seconds,
  talkRatio: z.number().min(0).max(1).nullable(),
  overtalkCount: z.number().int().min(0),
  overtalkSec: seconds,
  longestCallerTurnSec: seconds,
  medianResponseGapSec: seconds.nullable(),
  timeToCalmSec: seconds.nullable(),
  cueCounts: cueCountsSchema,
});

const partyLoudness = z.strictObject({
  integratedLufs: lufs,
  maxMomentaryLufs: lufs,
  maxShortTermLufs: lufs,
  peakDbfs: lufs,
});

const interval = { start: seconds, end: seconds };

export const CALL_EVENT_RESULT_VALUES = ['applied', 'ignored', 'refused'] as const;
/** The phone software's side of a call: its ids, its holds, and every event it sent and what that did. */
export const phoneCallSchema = z.strictObject({
  /** The phone system's call id. */
  callId: text(128).nullable(),
  /** The case / ticket reference. */
  caseRef: text(64).nullable(),
  /** The caller's number as the privacy setting allows: null (not kept), its last 4 digits, or all of it. */
  from: text(40).nullable(),
  holds: z.array(z.strictObject(interval)).max(1000),
  events: z
    .array(
      z.strictObject({
        /** Call time (s) when it arrived. */
        at: seconds,
        kind: z.enum(CALL_EVENT_KINDS),
        outcome: z.enum(CALL_EVENT_RESULT_VALUES),
        did: text(300),
      }),
    )
    .max(1000),
});
export type PhoneCallRecord = z.infer<typeof phoneCallSchema>;
/** What the engine measured about the call (a CallAnalysis without the timeline and speech segments). */
export const callRecordSchema = z.strictObject({
  durationSec: seconds,
  sampleRate: z.number().int().min(8000).max(192000),
  metrics: callMetricsSchema,
  loudness: z.strictObject({ caller: partyLoudness, agent: partyLoudness }),
  overtalk: z
    .array(z.strictObject({ ...interval, startedBy: z.enum(['caller', 'agent']) }))
    .max(100_000),
  cues: z.array(z.strictObject({ ...interval, cue: z.enum(CUE_KIND_VALUES) })).max(100_000),
  /** Moments the agent marked during the call (s). */
  marks: z.array(seconds).max(10_000),
  agentNormalLufs: lufs,
  /** Present when the phone software sent events for this call. */
  phone: phoneCallSchema.optional(),
  /** Music on hold the engine recognised on the caller's line where no hold event came (hold-music.ts). */
  musicHolds: z.array(z.strictObject(interval)).max(1000).optional(),
});

export const nextStepSchema = z.strictObject({
  what: text(2000),
  who: text(200),
  byWhen: isoDate.nullable(),
});

export const wrapUpSchema = z.strictObject({
  priorities: z.array(prioritySchema).max(200),
  /** What is really at stake for the customer. */
  emotionalCatalyst: text(5000),
  ownershipTaken: z.boolean(),
  apologyGiven: z.boolean(),
  resolution: z.enum(RESOLUTION_VALUES).nullable(),
  nextSteps: z.array(nextStepSchema).max(100),
  escalation: z.strictObject({ kind: z.enum(ESCALATION_VALUES), reason: text(5000) }),
  goodwill: z.strictObject({
    kind: z.enum(GOODWILL_VALUES),
    value: z.number().finite().min(0).max(1e9).nullable(),
    note: text(2000),
  }),
  rootCause: z.strictObject({
    category: z.enum(ROOT_CAUSE_VALUES).nullable(),
    note: text(5000),
    mayAffectOthers: z.boolean(),
  }),
  followUp: z.strictObject({
    date: isoDate.nullable(),
    channel: z.enum(FOLLOW_UP_CHANNEL_VALUES),
    /** When the follow-up was marked done; null while open. */
    doneAt: isoDateTime.nullable(),
  }),
  caseReference: text(200),
  /** Free notes: up to 1 MB of text (emoji, right-to-left text and all). */
  notes: text(1_000_000),
});

/** One correction of a saved wrap-up: who, when, and each field's words before and after. */
export const wrapUpEditSchema = z.strictObject({
  at: isoDateTime,
  by: text(200),
  changes: z
    .array(z.strictObject({ field: text(100), before: text(2000), after: text(2000) }))
    .max(100),
});
export type WrapUpEdit = z.infer<typeof wrapUpEditSchema>;

export const sessionSchema = z.strictObject({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: z.uuid(),
  /** Who took the call (set from settings; team views group by it). */
  agent: text(200),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  call: callRecordSchema,
  wrapUp: wrapUpSchema,
  /** Seconds from the end of the call until the wrap-up was saved. */
  afterCallWorkSec: seconds,
  savedAt: isoDateTime,
  /** Timeline stored beside the session (one point per 100 ms per party); false when none was kept. */
  hasTimeline: z.boolean(),
  /** Relative path of the opted-in recording under the data folder, null when no audio was kept. */
  recording: text(500).nullable(),
  /** Corrections after the first save, oldest first (absent: never edited). `savedAt` is the last one's. */
  edits: z.array(wrapUpEditSchema).max(1000).optional(),
});

export type Priority = z.infer<typeof prioritySchema>;
export type CallRecord = z.infer<typeof callRecordSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type WrapUp = z.infer<typeof wrapUpSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Resolution = (typeof RESOLUTION_VALUES)[number];
export type EscalationKind = (typeof ESCALATION_VALUES)[number];

/** An empty wrap-up, as the guided wrap-up starts (priorities come from the call's scratchpad). */
export function emptyWrapUp(): WrapUp {
  return {
    priorities: [],
    emotionalCatalyst: '',
    ownershipTaken: false,
    apologyGiven: false,
    resolution: null,
    nextSteps: [],
    escalation: { kind: 'none', reason: '' },
    goodwill: { kind: 'none', value: null, note: '' },
    rootCause: { category: null, note: '', mayAffectOthers: false },
    followUp: { date: null, channel: 'call', doneAt: null },
    caseReference: '',
    notes: '',
  };
}
