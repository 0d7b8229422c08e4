/**
 * Settings → Phone software in words (renderer/src/settings/phone-software-words.ts): each event received
 * says what became of it, and "Send test mark" says what the page did, that no window took it, or why
 * it was not sent.
 */
import { describe, expect, it } from 'vitest';
import {
  eventOutcomeText,
  testMarkText,
} from '../../../renderer/src/settings/phone-software-words';
import { fail, succeed } from '../../../preload/contract/ipc-result';
import type { ReceivedCallEvent } from '../../../preload/contract/call-event-contract';

const received = (outcome: ReceivedCallEvent['outcome'], did: string): ReceivedCallEvent => ({
  event: { kind: 'end' },
  source: 'command',
  receivedAt: '2026-12-06T10:00:00.000Z',
  outcome,
  did,
});

describe('the last events received', () => {
  it.each([
    ['applied', 'Ended the call.', 'done: Ended the call.'],
    [
      'ignored',
      'No call in progress: nothing ended.',
      'nothing to do: No call in progress: nothing ended.',
    ],
    ['failed', 'No microphone was found.', 'failed: No microphone was found.'],
    ['not-delivered', 'No window is open.', 'not delivered: No window is open.'],
  ] as const)('say in words what became of an event that was %s', (outcome, did, text) => {
    expect(eventOutcomeText(received(outcome, did))).toBe(text);
  });
});

describe('the test mark', () => {
  it('says what the page did with it', () => {
    expect(testMarkText(succeed({ outcome: 'applied', did: 'Marked 0:42.' }))).toBe('Marked 0:42.');
  });

  it('says when no window took it', () => {
    expect(testMarkText(succeed(null))).toBe('No window took the test mark.');
  });

  it('says why it was not sent', () => {
    expect(testMarkText(fail('host-unavailable', 'Could not reach the Calm Line host.'))).toBe(
      'Not sent: Could not reach the Calm Line host.',
    );
  });
});
