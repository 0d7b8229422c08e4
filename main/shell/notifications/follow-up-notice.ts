/** What a follow-up announcement says (its Electron half: follow-up-notification.ts). */
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import { followUpStatus } from '../../../preload/domain/follow-up-status';
import { ENGLISH_TEXT, type MainText } from '../../i18n/main-text';

/** Title and body for an announcement, in the app's language (pure: tested without Electron). */
export function followUpNotice(
  sessions: readonly SessionSummary[],
  today: string,
  text: MainText = ENGLISH_TEXT,
): { title: string; body: string } {
  const overdue = sessions.filter((s) => followUpStatus(s, today) === 'overdue').length;
  const due = sessions.length - overdue;
  const counts = text.list([
    ...(due > 0 ? [text.format('notification.follow-up.due-today', { count: due })] : []),
    ...(overdue > 0 ? [text.format('notification.follow-up.overdue', { count: overdue })] : []),
  ]);
  const references = sessions
    .map((s) => s.caseReference)
    .filter((reference) => reference !== '')
    .slice(0, 3);
  const title = text.format('notification.follow-up.title', { count: sessions.length });
  const body =
    references.length > 0
      ? text.format('notification.follow-up.body-with-cases', {
          counts,
          cases: text.list(references),
        })
      : counts;
  return { title, body };
}
