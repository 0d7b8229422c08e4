/** The page's notice for a phone-software event that did not go through, in one sentence. */
import type { IntlShape } from 'react-intl';
import type { ReceivedCallEvent } from '../../../preload/contract/call-event-contract';
import { ENGLISH_INTL } from '../i18n/english-intl';

/** In the language of `intl` (English without one); the event's word (start, end…) is the command's own. */
export function callEventProblemText(
  problem: ReceivedCallEvent,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  return problem.event
    ? intl.formatMessage(
        { id: 'phone-events.problem.event' },
        { event: problem.event.kind, did: problem.did },
      )
    : intl.formatMessage({ id: 'phone-events.problem.refused' }, { did: problem.did });
}
