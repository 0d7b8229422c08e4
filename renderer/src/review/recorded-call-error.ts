/**
 * Why "Open a recorded call…" stopped, from the worker to the page: the engine's problem when the file is
 * the cause (worded by the page in its language, call-audio-problem-text.ts), with the error's own message
 * (English, for the console) — and the page's sentence for it.
 */
import type { IntlShape } from 'react-intl';
import { problemOf, type CallAudioProblem } from '../../engine/call-audio/call-audio-problem';
import { describeCallAudioProblem } from './call-audio-problem-text';

export interface RecordedCallError {
  /** Why the file cannot be read; null for a fault that is not the file's. */
  readonly problem: CallAudioProblem | null;
  /** The error's own words (English); null when the worker stopped without any. */
  readonly message: string | null;
}

/** What the worker posts when the analysis fails. */
export function recordedCallErrorOf(error: unknown): RecordedCallError {
  return {
    problem: problemOf(error),
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The sentence the review shows after the file's name. */
export function describeRecordedCallError(
  error: RecordedCallError,
  intl: Pick<IntlShape, 'formatMessage'>,
): string {
  if (error.problem) return describeCallAudioProblem(error.problem, intl);
  return error.message ?? intl.formatMessage({ id: 'review.recorded.stopped' });
}
