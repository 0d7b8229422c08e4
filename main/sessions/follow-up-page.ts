/**
 * The follow-ups screen over the log's index (pure): which section a follow-up falls in on a given day,
 * each section's order and count, and one page of rows with what was promised (read from the sessions of
 * that page only — or of every open follow-up when a channel filter needs them).
 */
import type {
  FollowUpChannel,
  FollowUpPage,
  FollowUpPageRequest,
  FollowUpRow,
  FollowUpSection,
} from '../../preload/contract/follow-up-ipc-schema';
import type { Session } from '../../preload/contract/session-schema';
import { followUpStatus } from '../../preload/domain/follow-up-status';
import type { IndexEntry } from './session-index-file';

export const FOLLOW_UP_PAGE_DEFAULT = 25;

/** What a row needs beyond the index: read from the session, kept until the session changes. */
export interface FollowUpDetail {
  readonly channel: FollowUpChannel;
  readonly promised: readonly string[];
  readonly caller: string | null;
}

export function followUpDetailOf(session: Session): FollowUpDetail {
  return {
    channel: session.wrapUp.followUp.channel,
    promised: session.wrapUp.nextSteps
      .map((step) => step.what.trim())
      .filter((what) => what !== ''),
    caller: session.call.phone?.from ?? null,
  };
}

/** The section of an open follow-up on `asOf`; undefined when none or done. */
export function sectionOf(entry: IndexEntry, asOf: string): FollowUpSection | undefined {
  const status = followUpStatus(entry.summary, asOf);
  if (status === 'overdue' || status === 'due') return status;
  return status === 'open' ? 'upcoming' : undefined;
}

/** Overdue: oldest date first (the longest waiting); today: newest call first; upcoming: soonest first. */
function order(section: FollowUpSection): (a: IndexEntry, b: IndexEntry) => number {
  if (section === 'due') return (a, b) => b.startedMs - a.startedMs;
  return (a, b) => {
    const da = a.summary.followUpDate ?? '';
    const db = b.summary.followUpDate ?? '';
    return da < db ? -1 : da > db ? 1 : a.startedMs - b.startedMs;
  };
}

/**
 * One page of a section. `entries` are already narrowed by the text search; `details` reads what the
 * index lacks for the entries given (every open one when a channel is asked for, else the page's).
 */
export function followUpPageOf(
  entries: readonly IndexEntry[],
  request: FollowUpPageRequest,
  asOf: string,
  details: (entries: readonly IndexEntry[]) => ReadonlyMap<string, FollowUpDetail>,
): FollowUpPage {
  const bySection: Record<FollowUpSection, IndexEntry[]> = { overdue: [], due: [], upcoming: [] };
  for (const entry of entries) {
    const section = sectionOf(entry, asOf);
    if (section !== undefined) bySection[section].push(entry);
  }
  let known: ReadonlyMap<string, FollowUpDetail> | undefined;
  if (request.channel !== undefined) {
    const wanted = request.channel;
    known = details([...bySection.overdue, ...bySection.due, ...bySection.upcoming]);
    for (const section of Object.keys(bySection) as FollowUpSection[])
      bySection[section] = bySection[section].filter(
        (entry) => known?.get(entry.summary.id)?.channel === wanted,
      );
  }
  const matches = bySection[request.section].sort(order(request.section));
  const offset = request.offset ?? 0;
  const page = matches.slice(offset, offset + (request.limit ?? FOLLOW_UP_PAGE_DEFAULT));
  const pageDetails = known ?? details(page);
  const rows: FollowUpRow[] = [];
  for (const { summary } of page) {
    const detail = pageDetails.get(summary.id);
    if (!detail || summary.followUpDate === null) continue;
    rows.push({
      id: summary.id,
      agent: summary.agent,
      startedAt: summary.startedAt,
      date: summary.followUpDate,
      channel: detail.channel,
      promised: detail.promised,
      caseReference: summary.caseReference,
      caller: detail.caller,
      resolution: summary.resolution,
    });
  }
  return {
    section: request.section,
    rows,
    total: matches.length,
    offset,
    counts: {
      overdue: bySection.overdue.length,
      due: bySection.due.length,
      upcoming: bySection.upcoming.length,
    },
  };
}
