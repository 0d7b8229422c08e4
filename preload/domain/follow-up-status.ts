/**
 * Where a call's follow-up stands on a given day — the one rule the log's text, the log's and the
 * export's follow-up filters, the follow-up reminders and the spreadsheet's column all apply.
 *   none: no follow-up date; done: marked done; overdue: dated before today; due: today; open: later.
 */
/** The log's and the export's follow-up filters. */
export const FOLLOW_UP_FILTER_VALUES = ['due', 'overdue', 'open', 'done'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTER_VALUES)[number];

export type FollowUpStatus = 'none' | 'done' | 'overdue' | 'due' | 'open';

/** A follow-up as a session summary carries it. */
export interface FollowUpState {
  readonly followUpDate: string | null;
  readonly followUpDone: boolean;
}

/** A follow-up as a session's wrap-up stores it. */
export function followUpStateOf(followUp: {
  readonly date: string | null;
  readonly doneAt: string | null;
}): FollowUpState {
  return { followUpDate: followUp.date, followUpDone: followUp.doneAt !== null };
}

export function followUpStatus(followUp: FollowUpState, today: string): FollowUpStatus {
  if (followUp.followUpDate === null) return 'none';
  if (followUp.followUpDone) return 'done';
  if (followUp.followUpDate < today) return 'overdue';
  return followUp.followUpDate === today ? 'due' : 'open';
}

/** The log's and the export's follow-up filters; 'open' there means every follow-up not yet done. */
export function matchesFollowUpFilter(status: FollowUpStatus, filter: FollowUpFilter): boolean {
  if (filter === 'open') return status === 'overdue' || status === 'due' || status === 'open';
  return status === filter;
}
