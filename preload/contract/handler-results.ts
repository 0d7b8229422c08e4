/**
 * How every domain's handlers turn a failure into the result the page gets: `<what did not happen>: <why,
 * in words a person can act on>.` The error itself (paths, stack) goes only to the host's log. Handlers
 * never throw: dispatch would answer "internal" without saying what failed.
 */
import {
  fail,
  succeed,
  type HostFailureReason,
  type IpcFailure,
  type StorageFailureReason,
  type IpcResult,
} from './ipc-result';

export type Log = (message: string) => void;

/** A phrase with the reason it says, in no language (the page words the reason; the phrase is for logs). */
export interface Because {
  readonly why: string;
  readonly reason: HostFailureReason;
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * Why the work failed: a phrase (the failure is "internal"), the same with a reason the page words in
 * the agent's language, or a failure with its own code.
 */
export type Explain = (error: unknown) => string | Because | IpcFailure;

/** Why a write failed, as a reason (the path and stack stay in the host's log). */
export function writeFailureReason(error: unknown): StorageFailureReason {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM') return 'no-write-permission';
  if (code === 'EROFS') return 'read-only';
  if (String((error as Error | undefined)?.message).startsWith('Config schema violation')) {
    return 'storage-check';
  }
  return 'write-failed';
}

const WRITE_WORDS: Record<StorageFailureReason, string> = {
  'disk-full': 'the disk is full',
  'no-write-permission': 'Calm Line may not write in its data folder',
  'read-only': 'the data folder is read-only',
  'storage-check': 'it did not pass the storage check',
  'write-failed': 'the data folder could not be written',
  'read-failed': 'the data folder could not be read',
};

/** Why a write failed, in English words (the path and stack stay in the host's log). */
export function describeWriteFailure(error: unknown): string {
  return WRITE_WORDS[writeFailureReason(error)];
}

/** A write to the data folder (atomic: what was saved before stays as it was). */
export const writeFailure: Explain = (error) => {
  const reason = writeFailureReason(error);
  return { why: `${WRITE_WORDS[reason]}. Nothing saved before was changed`, reason };
};

/** A read from the data folder. */
export const readFailure: Explain = () => ({
  why: WRITE_WORDS['read-failed'],
  reason: 'read-failed',
});

function failure(what: string, error: unknown, explain: Explain, log?: Log): IpcFailure {
  const why = explain(error);
  if (typeof why === 'object' && 'ok' in why) return fail(why.code, `${what}: ${why.message}`);
  log?.(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  return typeof why === 'string'
    ? fail('internal', `${what}: ${why}.`)
    : fail('internal', `${what}: ${why.why}.`, why.reason, why.values);
}

export function guarded<T>(what: string, work: () => T, explain: Explain, log?: Log): IpcResult<T> {
  try {
    return succeed(work());
  } catch (error) {
    return failure(what, error, explain, log);
  }
}

export async function guardedAsync<T>(
  what: string,
  work: () => Promise<T>,
  explain: Explain,
  log?: Log,
): Promise<IpcResult<T>> {
  try {
    return succeed(await work());
  } catch (error) {
    return failure(what, error, explain, log);
  }
}
