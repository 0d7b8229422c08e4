/**
 * The page's notice for phone-software events (renderer/src/phone-events/): which events make one, and
 * what it says — softphones ignore the command's exit code, so this is how the agent learns of it.
 */
import { describe, expect, it } from 'vitest';
import { callEventProblemText } from '../../../renderer/src/phone-events/call-event-problem-text';
import {
  isCallEventProblem,
  type ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';

const received = (entry: Partial<ReceivedCallEvent>): ReceivedCallEvent => ({
  event: { kind: 'start' },
  source: 'command',
  receivedAt: '2026-12-06T10:00:00.000Z',
  outcome: 'applied',
  did: 'Started the call.',
  ...entry,
});

describe('the phone-event notice', () => {
  it('names the event that did not go through and why', () => {
    const failed = received({ outcome: 'failed', did: 'No microphone was found.' });
    expect(isCallEventProblem(failed)).toBe(true);
    expect(callEventProblemText(failed)).toBe(
      'The phone software’s “start” did not go through: No microphone was found.',
    );
  });

  it('says a request was refused when it never became an event', () => {
    const refused = received({
      event: null,
      outcome: 'refused',
      did: 'unknown event word "pickup"',
    });
    expect(isCallEventProblem(refused)).toBe(true);
    expect(callEventProblemText(refused)).toBe(
      'A request from the phone software was refused: unknown event word "pickup"',
    );
  });

  it('is not shown for events that were carried out or had nothing to do', () => {
    expect(isCallEventProblem(received({ outcome: 'applied' }))).toBe(false);
    expect(isCallEventProblem(received({ outcome: 'ignored' }))).toBe(false);
    expect(isCallEventProblem(received({ outcome: 'not-delivered' }))).toBe(true);
  });
});
