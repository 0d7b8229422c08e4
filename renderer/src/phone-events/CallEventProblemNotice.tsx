import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  isCallEventProblem,
  type ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import { useHostEvent } from '../api/use-host-event';
import { callEventProblemText } from './call-event-problem-text';

/**
 * A notice in the page when an event from the phone software was not carried out (a start whose call
 * could not start), did not reach the coach in time, or was refused at the endpoint — softphones ignore the
 * command's exit code, so without this the agent would never know. Shows the newest such event until
 * dismissed; Settings → Phone software keeps the list.
 */
export function CallEventProblemNotice() {
  const [problem, setProblem] = useState<ReceivedCallEvent | null>(null);
  const intl = useIntl();
  useHostEvent('call-event-outcome', (entry) => {
    if (isCallEventProblem(entry)) setProblem(entry);
  });
  if (!problem) return null;
  return (
    <p className="notice" role="alert" data-testid="call-event-problem">
      {callEventProblemText(problem, intl)}{' '}
      <button type="button" onClick={() => setProblem(null)} data-testid="call-event-problem-close">
        <FormattedMessage id="phone-events.dismiss" />
      </button>
    </p>
  );
}
