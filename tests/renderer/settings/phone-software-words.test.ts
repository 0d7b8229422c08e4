/**
 * Settings → Phone software in words (renderer/src/settings/phone-software-words.ts): each event received
 * says what became of it, and "Send test mark" says what the page did, that no window took it, or why
 * it was not sent.
 */
import { describe, expect, it } from 'vitest';
import {
  eventOutcomeText,
  setupProblemText,
  testMarkText,
} from '../../../renderer/src/settings/phone-software-words';
import { fail, succeed } from '../../../preload/contract/ipc-result';
import type {
  CallEventSetup,
  ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import type { IpcResult } from '../../../preload/contract/ipc-result';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { createCallEventHandlers } from '../../../main/call-events/call-event-handlers';
import { createCallEventRelay } from '../../../main/call-events/call-event-relay';
import { intlForLocale } from '../../support/intl-for-locale';

const german = intlForLocale('de');
const french = intlForLocale('fr');

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
      'Not sent: the Calm Line host could not be reached.',
    );
  });

  it('says in French that a window without call events cannot send it (the real handlers)', async () => {
    const handlers = createCallEventHandlers(undefined, '/data') as unknown as IpcHandlers;
    const result = (await dispatch(handlers, 'testCallEvent', { kind: 'mark' })) as IpcResult<null>;
    expect(testMarkText(result, french)).toBe(
      'Non envoyé\u00a0: les événements d’appel ne sont pas disponibles dans cette fenêtre.',
    );
  });
});

describe('why the phone software cannot reach Calm Line', () => {
  it('is said in German: no call events here, the endpoint not started, its port refused', async () => {
    const none = createCallEventHandlers(undefined, '/data') as unknown as IpcHandlers;
    const setup = (await dispatch(
      none,
      'getCallEventSetup',
      undefined,
    )) as IpcResult<CallEventSetup>;
    if (!setup.ok) throw new Error('expected the setup');
    expect(setupProblemText(setup.value, null, german)).toBe(
      'Die Telefonsoftware erreicht Calm Line nicht: Anrufereignisse sind in diesem Fenster nicht verfügbar.',
    );
    const relay = createCallEventRelay();
    expect(setupProblemText(relay.endpoint(), null, german)).toBe(
      'Die Telefonsoftware erreicht Calm Line nicht: Der Endpunkt für Anrufereignisse ist noch nicht gestartet.',
    );
    expect(
      setupProblemText(
        {
          problem: 'Calm Line could not open its port for the phone software: listen EACCES',
          problemKind: 'port-refused',
          problemDetail: 'listen EACCES 127.0.0.1',
        },
        null,
        german,
      ),
    ).toBe(
      'Die Telefonsoftware erreicht Calm Line nicht: Calm Line konnte seinen Port für die Telefonsoftware nicht öffnen (listen EACCES 127.0.0.1).',
    );
    expect(setupProblemText(null, null, german)).toBeNull();
  });
});
