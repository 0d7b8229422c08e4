/**
 * What the tray shows for a desktop state: which icon, the tooltip, and the context menu with the main
 * actions. The call outranks everything (in a call → in-call icon), then a waiting wrap-up, then due
 * follow-ups.
 */
import type { CallStatus } from '../../../preload/contract/desktop-contract';
import { ENGLISH_TEXT, type MainText } from '../../i18n/main-text';
import {
  callActionItems,
  startAtLoginItems,
  windowToggleItems,
  type DesktopView,
  type MenuSpec,
} from '../menu/menu-spec';

export type TrayIconKind = 'idle' | 'in-call' | 'wrap-up-pending' | 'follow-up-due';
export const TRAY_ICON_KINDS: readonly TrayIconKind[] = [
  'idle',
  'in-call',
  'wrap-up-pending',
  'follow-up-due',
];

export function trayIconKind(status: CallStatus): TrayIconKind {
  if (status.call !== 'idle') return status.call;
  return status.followUpsDue > 0 ? 'follow-up-due' : 'idle';
}

/** One line saying where things stand, e.g. "In a call · 2 follow-ups due". */
export function describeCallStatus(status: CallStatus, text: MainText = ENGLISH_TEXT): string {
  const phase = text.format(
    (
      {
        idle: 'tray.status.idle',
        'in-call': 'tray.status.in-call',
        'wrap-up-pending': 'tray.status.wrap-up-pending',
      } as const
    )[status.call],
  );
  return status.followUpsDue > 0
    ? text.format('tray.status.follow-ups', { status: phase, count: status.followUpsDue })
    : phase;
}

export function trayTooltip(status: CallStatus, text: MainText = ENGLISH_TEXT): string {
  return text.format('tray.tooltip', { status: describeCallStatus(status, text) });
}

export function trayMenu(view: DesktopView, text: MainText = ENGLISH_TEXT): MenuSpec[] {
  return [
    {
      kind: 'info',
      label: describeCallStatus({ call: view.call, followUpsDue: view.followUpsDue }, text),
    },
    { kind: 'separator' },
    { kind: 'action', action: 'showWindow', label: text.format('tray.show'), enabled: true },
    ...callActionItems(view, text),
    { kind: 'separator' },
    ...windowToggleItems(view, text),
    ...startAtLoginItems(view, text),
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: text.format('tray.quit'), enabled: true },
  ];
}
