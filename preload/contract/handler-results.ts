/**
 * How every domain's handlers turn a failure into the result the page gets: `<what did not happen>: <why,
 * in words a person can act on>.` The error itself (paths, stack) goes only to the host's log. Handlers
 * never throw: dispatch would answer "internal" without saying what failed.
 */
import { fail, succeed, type IpcFailure, type IpcResult } from './ipc-result';

export type Log = (message: string) => void;

/** Why the work failed: a phrase (the failure is "internal"), or a failure with its own code. */
export type Explain = (error: unknown) => string | IpcFailure;

/** Why a write failed, in words (the path and stack stay in the host's log). */
export function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'Calm Line may not write in its data folder';
  if (code === 'EROFS') return 'the data folder is read-only';
  if (String((error as Error | undefined)?.message).startsWith('Config schema violation')) {
    return 'it did not pass the storage check';
  }
  return 'the data folder could not be written';
}

/** A write to the data folder (atomic: what was saved before stays as it was). */
export const writeFailure: Explain = (error) =>
  `${describeWriteFailure(error)}. Nothing saved before was changed`;

/** A read from the data folder. */
export const readFailure: Explain = () => 'the data folder could not be read';

function failure(what: string, error: unknown, explain: Explain, log?: Log): IpcFailure {
  const why = explain(error);
  if (typeof why !== 'string') return fail(why.code, `${what}: ${why.message}`);
  log?.(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  return fail('internal', `${what}: ${why}.`);
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
