/**
 * The follow-ups screen's methods: one page of a section (overdue, due today, upcoming) with what was
 * promised, to whom, by when and through which channel, and marking several done or open again (undo).
 */
import { z } from 'zod';
import { FOLLOW_UP_CHANNEL_VALUES, type Resolution } from './session-schema';

export const FOLLOW_UP_SECTIONS = ['overdue', 'due', 'upcoming'] as const;
export type FollowUpSection = (typeof FOLLOW_UP_SECTIONS)[number];
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNEL_VALUES)[number];

export const FOLLOW_UP_PAGE_MAX = 200;

export const followUpPageRequestSchema = z.strictObject({
  section: z.enum(FOLLOW_UP_SECTIONS),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(FOLLOW_UP_PAGE_MAX).optional(),
  /** Only follow-ups to be made through this channel. */
  channel: z.enum(FOLLOW_UP_CHANNEL_VALUES).optional(),
  /** Words to find, as the log's search (priorities, next steps, case reference, notes…). */
  text: z.string().max(500).optional(),
  /** The day taken as today (local), default the host's today. */
  asOf: z.iso.date().optional(),
});
export type FollowUpPageRequest = z.infer<typeof followUpPageRequestSchema>;

/** One follow-up: what was promised, to whom, by when, through which channel. */
export interface FollowUpRow {
  readonly id: string;
  readonly agent: string;
  /** The call's start. */
  readonly startedAt: string;
  /** By when: the follow-up date. */
  readonly date: string;
  readonly channel: FollowUpChannel;
  /** What was promised: the next steps told to the customer (their "what"), in order. */
  readonly promised: readonly string[];
  /** Who: the case reference, and the caller's number as far as it was kept. */
  readonly caseReference: string;
  readonly caller: string | null;
  readonly resolution: Resolution | null;
}

export interface FollowUpPage {
  readonly section: FollowUpSection;
  readonly rows: FollowUpRow[];
  /** Matches in this section (every page). */
  readonly total: number;
  readonly offset: number;
  /** Matches in every section with the same filters: the section headings and the badge. */
  readonly counts: Readonly<Record<FollowUpSection, number>>;
}

export const followUpsDoneRequestSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(1000),
  /** true: mark done now (kept when already done); false: open again (the undo of "Mark done"). */
  done: z.boolean(),
});
export type FollowUpsDoneRequest = z.infer<typeof followUpsDoneRequestSchema>;
