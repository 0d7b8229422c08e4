import { useState } from 'react';
import {
  isCallEventProblem,
  type ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import { useHostEvent } from '../api/use-host-event';

/**
 * A notice in the page when an event from the phone software was not carried out (a start whose call
 * could not start), did not reach the coach in time, or was refused at the door — softphones ignore the
 * command's exit code, so without this the agent would never know. Shows the newest such event until
 * dismissed; Settings → Phone software keeps the list.
 */
export function CallEventProblemNotice() {
  const [problem, setProblem] = useState<ReceivedCallEvent | null>(null);
  useHostEvent('call-event-outcome', (entry) => {
    if (isCallEventProblem(entry)) setProblem(entry);
  });
  if (!problem) return null;
  const what = problem.event
    ? `The phone software’s “${problem.event.kind}” did not go through`
    : 'A request from the phone software was refused';
  return (
    <p className="notice" role="alert" data-testid="call-event-problem">
      {what}: {problem.did}{' '}
      <button type="button" onClick={() => setProblem(null)} data-testid="call-event-problem-close">
        Dismiss
      </button>
    </p>
  );
}
