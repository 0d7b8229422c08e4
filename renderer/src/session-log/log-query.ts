/** The log's search box and filters → the repository's SessionQuery (empty fields left out). */
import type { EscalationKind, Resolution } from '../../../preload/contract/session-schema';
import type { SessionQuery } from '../../../preload/contract/session-ipc-schema';
import type { FollowUpFilter } from '../../../preload/domain/follow-up-status';

export interface LogFilters {
  text: string;
  from: string;
  to: string;
  resolution: Resolution | 'none' | '';
  escalation: EscalationKind | '';
  followUp: FollowUpFilter | '';
}

export const EMPTY_FILTERS: LogFilters = {
  text: '',
  from: '',
  to: '',
  resolution: '',
  escalation: '',
  followUp: '',
};
export const LOG_PAGE_SIZE = 20;

export function sessionQueryOf(f: LogFilters, offset: number, limit = LOG_PAGE_SIZE): SessionQuery {
  const q: SessionQuery = { offset, limit };
  const text = f.text.trim();
  if (text) q.text = text.slice(0, 500);
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.resolution) q.resolution = f.resolution;
  if (f.escalation) q.escalation = f.escalation;
  if (f.followUp) q.followUp = f.followUp;
  return q;
}

/** How many filters (besides the text) are set: shown on the collapsed filter panel. */
export function activeFilterCount(f: LogFilters): number {
  return [f.from, f.to, f.resolution, f.escalation, f.followUp].filter((v) => v !== '').length;
}
