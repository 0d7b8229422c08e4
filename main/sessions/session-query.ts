/** Filtering, counting and paging the session log over index entries (pure; entries newest first). */
import {
  SESSION_PAGE_DEFAULT,
  type FollowUpList,
  type SessionList,
  type SessionQuery,
  type SessionSummary,
} from '../../preload/contract/session-ipc-schema';
import { localDayStartMs } from '../../preload/domain/calendar-day';
import { followUpStatus, matchesFollowUpFilter } from '../../preload/domain/follow-up-status';
import type { IndexEntry } from './session-index-file';
import { searchTerms } from './session-summary';

export type EntryTest = (entry: IndexEntry) => boolean;

/** Whether a query searches text (the search text must be loaded first). */
export const needsText = (query: SessionQuery): boolean => searchTerms(query.text).length > 0;

/** A predicate for every filter in the query (paging aside). `today` is the local 'YYYY-MM-DD'. */
export function matcherFor(query: SessionQuery, today: string): EntryTest {
  const tests: EntryTest[] = [];
  if (query.from !== undefined) {
    const fromMs = localDayStartMs(query.from);
    tests.push((entry) => entry.startedMs >= fromMs);
  }
  if (query.to !== undefined) {
    const endMs = localDayStartMs(query.to, 1);
    tests.push((entry) => entry.startedMs < endMs);
  }
  if (query.resolution !== undefined) {
    const wanted = query.resolution === 'none' ? null : query.resolution;
    tests.push((entry) => entry.summary.resolution === wanted);
  }
  if (query.escalation !== undefined) {
    const wanted = query.escalation;
    tests.push((entry) => entry.summary.escalation === wanted);
  }
  if (query.agent !== undefined) {
    const wanted = query.agent;
    tests.push((entry) => entry.summary.agent === wanted);
  }
  const followUp = query.followUp;
  if (followUp !== undefined) {
    tests.push(({ summary }) => matchesFollowUpFilter(followUpStatus(summary, today), followUp));
  }
  const terms = searchTerms(query.text);
  if (terms.length > 0) {
    // The repository loads the search text before a text query; an entry without one cannot match.
    tests.push(({ text }) => text !== undefined && terms.every((term) => text.includes(term)));
  }
  if (tests.length === 0) return () => true;
  return (entry) => tests.every((test) => test(entry));
}

export function listEntries(
  entries: readonly IndexEntry[],
  query: SessionQuery,
  today: string,
): SessionList {
  const offset = query.offset ?? 0;
  const end = offset + (query.limit ?? SESSION_PAGE_DEFAULT);
  const matches = matcherFor(query, today);
  const rows: SessionSummary[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!matches(entry)) continue;
    if (total >= offset && total < end) rows.push(entry.summary);
    total++;
  }
  return { rows, total, offset };
}

/** Open follow-ups due on `asOf` (newest call first) and before it (oldest date first). */
export function followUpsOf(entries: readonly IndexEntry[], asOf: string): FollowUpList {
  const due: SessionSummary[] = [];
  const overdue: SessionSummary[] = [];
  for (const { summary } of entries) {
    const status = followUpStatus(summary, asOf);
    if (status === 'due') due.push(summary);
    else if (status === 'overdue') overdue.push(summary);
  }
  // Entries come newest first; a stable sort by date keeps that order within a day.
  overdue.sort((a, b) =>
    (a.followUpDate ?? '') < (b.followUpDate ?? '')
      ? -1
      : a.followUpDate === b.followUpDate
        ? 0
        : 1,
  );
  return { due, overdue };
}
