/** The call-event methods of the contract, over the host's relay (call-event-relay.ts). */
import { fail, succeed } from '../../preload/contract/ipc-result';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import type { CallEventRelay } from './call-event-relay';

export type CallEventHandlers = GroupHandlers<'callEvents'>;

const NOT_HERE = 'Call events are not available in this host.';

export function createCallEventHandlers(
  relay: CallEventRelay | undefined,
  dataDir: string,
): CallEventHandlers {
  if (!relay)
    return {
      answerCallEvent: () => succeed({ taken: false }),
      getCallEventSetup: () =>
        succeed({
          command: null,
          problem: NOT_HERE,
          problemKind: 'unavailable',
          dataDir,
          recent: [],
        }),
      testCallEvent: () => fail('internal', NOT_HERE, 'call-events-unavailable'),
    };
  return {
    answerCallEvent: ({ eventId, answer }) => succeed({ taken: relay.answer(eventId, answer) }),
    getCallEventSetup: () => succeed({ ...relay.endpoint(), dataDir, recent: relay.recent() }),
    testCallEvent: async ({ kind }) => {
      const delivery = await relay.deliver({ kind }, 'settings-test');
      return succeed(delivery.taken ? delivery.answer : null);
    },
  };
}
