/**
 * Desktop notifications when follow-ups fall due (Electron only; the browser host sends the same
 * `follow-up-due` event to the page). Clicking one brings the Calm Line window forward.
 */
import { Notification } from 'electron';
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import { followUpStatus } from '../../../preload/domain/follow-up-status';
import type { FollowUpChecker } from '../../sessions/follow-up-checker';

/** Title and body for an announcement (pure, so it reads the same in every language build). */
export function followUpNotice(
  sessions: readonly SessionSummary[],
  today: string,
): { title: string; body: string } {
  const overdue = sessions.filter((s) => followUpStatus(s, today) === 'overdue').length;
  const due = sessions.length - overdue;
  const parts = [due > 0 ? `${due} due today` : '', overdue > 0 ? `${overdue} overdue` : ''].filter(
    Boolean,
  );
  const references = sessions
    .map((s) => s.caseReference)
    .filter((reference) => reference !== '')
    .slice(0, 3);
  const title =
    sessions.length === 1 ? 'A follow-up is due' : `${sessions.length} follow-ups are due`;
  const body = `${parts.join(', ')}${references.length > 0 ? ` — ${references.join(', ')}` : ''}`;
  return { title, body };
}

export function showFollowUpNotifications(
  checker: FollowUpChecker,
  today: () => string,
  focus: () => void,
): () => void {
  return checker.onDue((sessions) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ ...followUpNotice(sessions, today()), silent: false });
    notification.on('click', focus);
    notification.show();
  });
}
