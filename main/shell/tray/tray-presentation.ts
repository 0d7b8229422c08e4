/**
 * What the tray shows for a desktop state: which icon, the tooltip, and the context menu with the main
 * actions. The call outranks everything (in a call → in-call icon), then a waiting wrap-up, then due
 * follow-ups.
 */
import type { CallStatus } from '../../../preload/contract/desktop-contract';
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

function followUpText(count: number): string {
  return count === 1 ? '1 follow-up due' : `${count} follow-ups due`;
}

/** One line saying where things stand, e.g. "In a call · 2 follow-ups due". */
export function describeCallStatus(status: CallStatus): string {
  const phase = { idle: 'No call', 'in-call': 'In a call', 'wrap-up-pending': 'Wrap-up waiting' }[
    status.call
  ];
  return status.followUpsDue > 0 ? `${phase} · ${followUpText(status.followUpsDue)}` : phase;
}

export function trayTooltip(status: CallStatus): string {
  return `Calm Line — ${describeCallStatus(status)}`;
}

export function trayMenu(view: DesktopView): MenuSpec[] {
  return [
    {
      kind: 'info',
      label: describeCallStatus({ call: view.call, followUpsDue: view.followUpsDue }),
    },
    { kind: 'separator' },
    { kind: 'action', action: 'showWindow', label: 'Show Calm Line', enabled: true },
    ...callActionItems(view),
    { kind: 'separator' },
    ...windowToggleItems(view),
    ...startAtLoginItems(view),
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: 'Quit Calm Line', enabled: true },
  ];
}
