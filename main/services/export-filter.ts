/**
 * The export filter as a predicate over sessions, and the follow-up status a spreadsheet row shows.
 * Days are the call's calendar day at the agent's recorded offset (the first 10 characters of the ISO
 * `startedAt`), so "2026-01-05" means the same calls wherever the export runs.
 */
import type { Session } from '../../preload/session-schema';
import type { ExportFilter } from '../../preload/session-export-schema';

export type FollowUpStatus = 'none' | 'done' | 'overdue' | 'due' | 'open';

/** none: no follow-up; done: marked done; overdue: before asOf; due: on asOf; open: later. */
export function followUpStatus(session: Session, asOfDay: string): FollowUpStatus {
  const { date, doneAt } = session.wrapUp.followUp;
  if (doneAt !== null) return 'done';
  if (date === null) return 'none';
  if (date < asOfDay) return 'overdue';
  return date === asOfDay ? 'due' : 'open';
}

export function sessionDay(session: Session): string {
  return session.startedAt.slice(0, 10);
}

export function matchesExportFilter(session: Session, filter: ExportFilter, asOfDay: string): boolean {
  const day = sessionDay(session);
  if (filter.from !== undefined && day < filter.from) return false;
  if (filter.to !== undefined && day > filter.to) return false;
  if (filter.agent !== undefined && session.agent !== filter.agent) return false;
  if (filter.resolution !== undefined && (session.wrapUp.resolution ?? 'none') !== filter.resolution) return false;
  if (filter.escalation !== undefined && session.wrapUp.escalation.kind !== filter.escalation) return false;
  if (filter.followUp !== undefined) {
    const status = followUpStatus(session, asOfDay);
    const open = status === 'overdue' || status === 'due' || status === 'open';
    if (filter.followUp === 'open' ? !open : status !== filter.followUp) return false;
  }
  return true;
}

/** The local calendar day of `now` (the export day for follow-up status). */
export function localDay(now: Date): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}
