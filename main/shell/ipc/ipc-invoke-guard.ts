/**
 * One Electron IPC call from arrival to answer: the sending frame is checked first (only the app's own
 * top frame is answered), then the payload goes through `dispatch`. Written against the few members of
 * IpcMainInvokeEvent it reads, so it runs (and is tested) without Electron.
 */
import { fail, type IpcResult } from '../../../preload/contract/ipc-result';
import { dispatch } from '../../ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { isTrustedSender, type SenderFacts } from '../security/sender-policy';

/** The part of Electron's IpcMainInvokeEvent the guard reads. */
export interface InvokeEventLike {
  /** Null when the frame has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { readonly mainFrame: unknown };
}

export function senderFactsOf(event: InvokeEventLike): SenderFacts {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame === undefined) return { frameUrl: undefined, isTopFrame: false };
    return { frameUrl: frame.url, isTopFrame: frame === event.sender.mainFrame };
  } catch {
    // A frame that went away between the message and now can throw on access.
    return { frameUrl: undefined, isTopFrame: false };
  }
}

export async function answerInvoke(
  handlers: IpcHandlers,
  method: string,
  event: InvokeEventLike,
  payload: unknown,
  log?: (message: string) => void,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(senderFactsOf(event))) {
    log?.(`Refused ${String(method).slice(0, 100)} from an untrusted sender`);
    return fail('forbidden', 'This page may not use Calm Line.');
  }
  return dispatch(handlers, method, payload, {
    onHandlerError: (name, error) => log?.(`${name} failed: ${(error as Error)?.message ?? error}`),
  });
}
