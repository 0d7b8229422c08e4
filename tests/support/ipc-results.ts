/**
 * What a dispatched IPC call answered, for tests that expect one outcome: its value (a failure throws,
 * with its code and message) or its failure (a success throws).
 */
import type { IpcFailure, IpcResult } from '../../preload/contract/ipc-result';

export function valueOf<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

export function failureOf(result: IpcResult<unknown>): IpcFailure {
  if (result.ok) throw new Error('expected a failure');
  return result;
}
