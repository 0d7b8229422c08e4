/**
 * Which IPC senders main answers: only the top frame of a page served from app://calm-line. Subframes,
 * other origins, destroyed frames (no URL) and anything navigated away are refused.
 */
import { isAppUrl } from './app-origin';

export interface SenderFacts {
  /** URL of the frame that sent the message; undefined/null when the frame is gone. */
  readonly frameUrl: string | undefined | null;
  /** Whether that frame is its window's main (top) frame. */
  readonly isTopFrame: boolean;
}

export function isTrustedSender({ frameUrl, isTopFrame }: SenderFacts): boolean {
  return isTopFrame && isAppUrl(frameUrl);
}
