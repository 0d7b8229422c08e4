/** What a host answers the contract with: one handler per method, each resolving to a result. */
import type { IpcMethodName, RequestOf, ResponseOf } from './ipc-contract';
import type { IpcResult } from './ipc-result';

export type IpcHandlers = {
  readonly [M in IpcMethodName]: (
    payload: RequestOf<M>,
  ) => IpcResult<ResponseOf<M>> | Promise<IpcResult<ResponseOf<M>>>;
};
