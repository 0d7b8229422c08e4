/** Settings → Phone software in words: what became of each event received, and of the test mark. */
import type {
  CallEventAnswer,
  ReceivedCallEvent,
} from '../../../preload/contract/call-event-contract';
import type { IpcResult } from '../../../preload/contract/ipc-result';

const OUTCOME_LABELS: Record<ReceivedCallEvent['outcome'], string> = {
  applied: 'done',
  ignored: 'nothing to do',
  refused: 'refused',
  failed: 'failed',
  'not-delivered': 'not delivered',
};

/** "failed: No microphone was found." — the end of a row of the last events received. */
export function eventOutcomeText(received: ReceivedCallEvent): string {
  return `${OUTCOME_LABELS[received.outcome]}: ${received.did}`;
}

/** What "Send test mark" says: what the page did, that no window took it, or why it was not sent. */
export function testMarkText(result: IpcResult<CallEventAnswer | null>): string {
  if (!result.ok) return `Not sent: ${result.message}`;
  return result.value ? result.value.did : 'No window took the test mark.';
}
