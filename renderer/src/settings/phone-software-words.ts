/**
 * Settings → Phone software in words: what became of each event received, and of the test mark — in the
 * language of `intl` (English without one). What the page did (`did`) comes as the page said it.
 */
import type { IntlShape } from 'react-intl';
import type {
  CallEventAnswer,
  CallEventSetup,
  ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import { describeHostFailure, type HostFailure } from '../api/host-failure-text';
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
    return intl.formatMessage(
      { id: 'settings.phone.test.not-sent' },
      { error: describeHostFailure(result, intl) },
    );
  return result.value
    ? result.value.did
    : intl.formatMessage({ id: 'settings.phone.test.no-window' });
}

/**
 * Why the phone software cannot reach this host: the setup could not be read (the host's failure), the
 * host has no call events, the endpoint has not started, or its port could not be opened (the system's
 * words quoted as they came). null when it can (or the host said nothing the page knows how to word).
 */
export function setupProblemText(
  setup: Pick<CallEventSetup, 'problem' | 'problemKind' | 'problemDetail'> | null,
  failure: HostFailure | null,
  intl: Words = ENGLISH_INTL,
): string | null {
  const why = (error: string) =>
    intl.formatMessage({ id: 'settings.phone.not-reachable' }, { error });
  if (failure) return why(describeHostFailure(failure, intl));
  switch (setup?.problemKind) {
    case 'unavailable':
      return why(
        describeHostFailure(
          { code: 'internal', message: '', reason: 'call-events-unavailable' },
          intl,
        ),
      );
    case 'not-started':
      return why(intl.formatMessage({ id: 'settings.phone.problem.not-started' }));
    case 'port-refused':
      return why(
        intl.formatMessage(
          { id: 'settings.phone.problem.port-refused' },
          { detail: setup.problemDetail ?? '' },
        ),
      );
    default:
      return setup?.problem ?? null;
  }
}
