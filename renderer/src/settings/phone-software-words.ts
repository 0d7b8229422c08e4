/**
 * Settings → Phone software in words: what became of each event received, and of the test mark — in the
 * language of `intl` (English without one). What the page did (`did`) comes as the page said it.
 */
import type { IntlShape } from 'react-intl';
import type {
  CallEventAnswer,
  ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import type { IpcResult } from '../../../preload/contract/ipc-result';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';

type Words = Pick<IntlShape, 'formatMessage'>;

const OUTCOME_MESSAGES: Readonly<Record<ReceivedCallEvent['outcome'], MessageKey>> = {
  applied: 'settings.phone.outcome.applied',
  ignored: 'settings.phone.outcome.ignored',
  refused: 'settings.phone.outcome.refused',
  failed: 'settings.phone.outcome.failed',
  'not-delivered': 'settings.phone.outcome.not-delivered',
};

/** "failed: No microphone was found." — the end of a row of the last events received. */
export function eventOutcomeText(received: ReceivedCallEvent, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: OUTCOME_MESSAGES[received.outcome] }, { did: received.did });
}

/** What "Send test mark" says: what the page did, that no window took it, or why it was not sent. */
export function testMarkText(
  result: IpcResult<CallEventAnswer | null>,
  intl: Words = ENGLISH_INTL,
): string {
  if (!result.ok)
    return intl.formatMessage({ id: 'settings.phone.test.not-sent' }, { error: result.message });
  return result.value
    ? result.value.did
    : intl.formatMessage({ id: 'settings.phone.test.no-window' });
}
