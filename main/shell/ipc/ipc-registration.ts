/**
 * Electron transport for the contract: one `ipcMain.handle` per method on its own channel, answering
 * only the app's own top frame (anything else gets a `forbidden` result), and host events sent to the
 * windows that show the app.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { IPC_METHOD_NAMES, ipcChannel } from '../../../preload/contract/ipc-contract';
import { answerInvoke } from './ipc-invoke-guard';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import type { EmitHostEvent } from '../../host/host-events';
import { isAppUrl } from '../security/app-origin';

export function registerIpcHandlers(
  handlers: IpcHandlers,
  log?: (message: string) => void,
): () => void {
  for (const method of IPC_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, payload: unknown) =>
      answerInvoke(handlers, method, event, payload, log),
    );
  }
  return () => {
    for (const method of IPC_METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
  };
}

/** Sends each host event to every window whose top frame shows the app. */
export const emitToAppWindows: EmitHostEvent = (event, payload) => {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (!contents.isDestroyed() && isAppUrl(contents.mainFrame.url))
      contents.send(ipcChannel(event), payload);
  }
};
