/**
 * Quitting (menu, tray, Cmd+Q) first tells the page, which ends a call in progress and saves its wrap-up
 * draft, then quits after a short grace. The same 'host-closing' event the browser host sends on Ctrl+C.
 */
import { app } from 'electron';
import type { EmitHostEvent } from '../../host/host-events';

const QUIT_GRACE_MS = 800;

export function announceQuitToPages(emit: EmitHostEvent): void {
  let announced = false;
  app.on('before-quit', (event) => {
    if (announced) return;
    announced = true;
    event.preventDefault();
    emit('host-closing', { graceMs: QUIT_GRACE_MS });
    setTimeout(() => app.quit(), QUIT_GRACE_MS);
  });
}
