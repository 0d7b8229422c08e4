/** The page's notice for a phone-software event that did not go through, in one sentence. */
import type { ReceivedCallEvent } from '../../../preload/contract/call-event-contract';

export function callEventProblemText(problem: ReceivedCallEvent): string {
  const what = problem.event
    ? `The phone software’s “${problem.event.kind}” did not go through`
    : 'A request from the phone software was refused';
  return `${what}: ${problem.did}`;
}
