/**
 * Desktop notifications from the main process (the page itself is refused the notifications
 * permission). Whether to notify is decided in main/shell/notifications/notification-rules.ts; this only shows one
 * and reports the click. Shown notifications are held until closed so their click handler survives.
 */
import { Notification } from 'electron';
import type { DesktopAction } from '../menu/menu-spec';
import type { DesktopNotification } from './notification-rules';

const shown = new Set<Notification>();

export function showDesktopNotification(
  spec: DesktopNotification,
  onClick: (action: DesktopAction) => void,
): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: spec.title, body: spec.body, silent: true });
  shown.add(notification);
  notification.on('click', () => onClick(spec.action));
  notification.on('close', () => shown.delete(notification));
  notification.show();
}
