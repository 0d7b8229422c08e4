/** Words and short dates for the log's rows and the session view. */
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import { ESCALATION_LABELS, RESOLUTION_LABELS } from '../wrap-up/wrap-up-steps';
import { localDay } from '../../../preload/domain/calendar-day';
import { followUpStatus, type FollowUpState } from '../../../preload/domain/follow-up-status';

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

export function resolutionText(r: SessionSummary['resolution']): string {
  return r === null ? 'No resolution' : RESOLUTION_LABELS[r];
}

export function escalationText(e: SessionSummary['escalation']): string {
  return e === 'none' ? '' : ESCALATION_LABELS[e];
}

export function followUpText(s: FollowUpState, today = localDay(new Date())): string {
  const status = followUpStatus(s, today);
  if (status === 'none' || s.followUpDate === null) return 'No follow-up';
  const when = formatDay(s.followUpDate);
  return {
    done: `Follow-up done (${when})`,
    overdue: `Follow-up overdue since ${when}`,
    due: 'Follow-up due today',
    open: `Follow-up ${when}`,
  }[status];
}
