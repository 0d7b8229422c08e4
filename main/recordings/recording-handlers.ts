/**
 * The recording methods of the IPC contract over the RecordingStore. Payloads arrive validated
 * (dispatch); failures come back as results with a message, never as throws.
 */
import { fail, succeed, type IpcResult } from '../../preload/contract/ipc-result';
import type { IpcHandlers } from '../ipc/handlers';
import { RecordingError, type RecordingStore } from './recording-store';
import { describeWriteFailure } from '../sessions/session-handlers';

export type RecordingHandlers = Pick<
  IpcHandlers,
  'appendRecording' | 'finishRecording' | 'discardRecording'
>;

function run<T>(what: string, body: () => T, log?: (message: string) => void): IpcResult<T> {
  try {
    return succeed(body());
  } catch (error) {
    if (error instanceof RecordingError)
      return fail('invalid-payload', `${what}: ${error.message}`);
    log?.(`${what}: ${(error as Error)?.message ?? error}`);
    return fail('internal', `${what}: ${describeWriteFailure(error)}.`);
  }
}

export function createRecordingHandlers(
  store: RecordingStore | undefined,
  log?: (message: string) => void,
): RecordingHandlers {
  if (store === undefined) {
    const refuse = () => fail('internal', 'This host keeps no recordings.');
    return { appendRecording: refuse, finishRecording: refuse, discardRecording: refuse };
  }
  return {
    appendRecording: ({ callId, seq, pcm16Base64 }) =>
      run(
        'The call audio was not stored',
        () => ({ bytes: store.append(callId, seq, Buffer.from(pcm16Base64, 'base64')) }),
        log,
      ),
    finishRecording: ({ callId, sampleRate }) =>
      run(
        'The call audio was not completed',
        () => ({ path: store.finish(callId, sampleRate).path }),
        log,
      ),
    discardRecording: ({ callId }) =>
      run('The call audio was not discarded', () => (store.discard(callId), null), log),
  };
}
