/**
 * The recording methods of the IPC contract over the RecordingStore. Payloads arrive validated
 * (dispatch); failures come back as results with a message, never as throws.
 */
import { fail } from '../../preload/contract/ipc-result';
import {
  describeWriteFailure,
  guarded,
  writeFailureReason,
  type Explain,
  type Log,
} from '../../preload/contract/handler-results';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import { RecordingError, type RecordingStore } from './recording-store';

export type RecordingHandlers = GroupHandlers<'recordings'>;

/**
 * A refused chunk (wrong order, too large, unknown call) says why; a failed write says what failed, with
 * its reason (disk full, no permission…) for the page to word.
 */
const recordingFailure: Explain = (error) =>
  error instanceof RecordingError
    ? fail('invalid-payload', error.message)
    : { why: describeWriteFailure(error), reason: writeFailureReason(error) };

const run = <T>(what: string, work: () => T, log?: Log) =>
  guarded(what, work, recordingFailure, log);

export function createRecordingHandlers(
  store: RecordingStore | undefined,
  log?: Log,
): RecordingHandlers {
  if (store === undefined) {
    const refuse = () =>
      fail('internal', 'This host keeps no recordings.', 'recordings-unavailable');
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
