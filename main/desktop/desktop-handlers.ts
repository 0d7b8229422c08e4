/** The contract's desktop methods over a DesktopStateService (both hosts; the browser host's is inert). */
import { succeed } from '../../preload/contract/ipc-result';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import type { DesktopStateService } from './desktop-state-service';

export type DesktopHandlers = GroupHandlers<'desktop'>;

export function createDesktopHandlers(desktop: DesktopStateService): DesktopHandlers {
  return {
    getDesktopState: () => succeed(desktop.get()),
    reportCallStatus: (status) => succeed(desktop.reportCallStatus(status)),
    setStartAtLogin: ({ enabled }) => desktop.setStartAtLogin(enabled),
  };
}
