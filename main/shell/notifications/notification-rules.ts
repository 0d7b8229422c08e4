/**
 * When the desktop shell shows a notification of its own (follow-ups due are announced by
 * main/shell/notifications/follow-up-notification.ts). Never during a call: nothing may pull the agent's eyes off the
 * caller. When a call ends and the window is not in front, a reminder that the wrap-up is waiting.
 * Global shortcuts another program holds are said once per conflict.
 */
import type { CallStatus, HotkeyRegistration } from '../../../preload/contract/desktop-contract';
import { ENGLISH_TEXT, type MainText } from '../../i18n/main-text';
import { describeTakenHotkeys } from '../shortcuts/hotkey-registration';
import type { DesktopAction } from '../menu/menu-spec';

export interface DesktopNotification {
  readonly title: string;
  readonly body: string;
  /** What clicking it does. */
  readonly action: DesktopAction;
}

export function wrapUpReminder(
  previous: CallStatus,
  next: CallStatus,
  windowFocused: boolean,
  text: MainText = ENGLISH_TEXT,
): DesktopNotification[] {
  if (previous.call !== 'in-call' || next.call !== 'wrap-up-pending' || windowFocused) return [];
  return [
    {
      title: text.format('notification.wrap-up.title'),
      body: text.format('notification.wrap-up.body'),
      action: 'openWrapUp',
    },
  ];
}

export interface HotkeyConflictDecision {
  /** The conflict now said, in English (pass it back next time, so the same one is not repeated). */
  readonly told: string;
  readonly notifications: readonly DesktopNotification[];
}

export function hotkeyConflictNotice(
  alreadyTold: string,
  registrations: readonly HotkeyRegistration[],
  inCall: boolean,
  text: MainText = ENGLISH_TEXT,
): HotkeyConflictDecision {
  const sentence = describeTakenHotkeys(registrations);
  if (sentence === '' || sentence === alreadyTold || inCall) {
    return { told: inCall ? alreadyTold : sentence, notifications: [] };
  }
  return {
    told: sentence,
    notifications: [
      {
        title: text.format('notification.shortcut-taken.title'),
        body: describeTakenHotkeys(registrations, text),
        action: 'showWindow',
      },
    ],
  };
}
