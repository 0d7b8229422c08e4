/**
 * Desktop notifications when follow-ups fall due (Electron only; the browser host sends the same
 * `follow-up-due` event to the page). Clicking one brings the Calm Line window forward.
 */
import { Notification } from 'electron';
import type { MainText } from '../../i18n/main-text';
import type { FollowUpChecker } from '../../sessions/follow-up-checker';
import { followUpNotice } from './follow-up-notice';

/** Announces follow-ups as they fall due, in the language `text()` gives at that moment. */
export function showFollowUpNotifications(
  checker: FollowUpChecker,
  today: () => string,
  focus: () => void,
  text: () => MainText,
): () => void {
  return checker.onDue((sessions) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      ...followUpNotice(sessions, today(), text()),
      silent: false,
    });
    notification.on('click', focus);
    notification.show();
  });
}
