/**
 * Calendar days for spreadsheets: the follow-up status a row shows, and local days. Like the session log,
 * days are the exporting computer's local calendar days (filtering itself is the repository's query).
 */
import type { Session } from '../../preload/contract/session-schema';

export type FollowUpStatus = 'none' | 'done' | 'overdue' | 'due' | 'open';

/** none: no follow-up; done: marked done; overdue: before asOf; due: on asOf; open: later. */
export function followUpStatus(session: Session, asOfDay: string): FollowUpStatus {
  const { date, doneAt } = session.wrapUp.followUp;
  if (doneAt !== null) return 'done';
  if (date === null) return 'none';
  if (date < asOfDay) return 'overdue';
  return date === asOfDay ? 'due' : 'open';
}

/** The local calendar day of `now` (the export day for follow-up status). */
export function localDay(now: Date): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}
