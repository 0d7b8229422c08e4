/** What a host answers the contract with: one handler per method, each resolving to a result. */
import type { IpcMethodName, RequestOf, ResponseOf } from '../../preload/contract/ipc-contract';
import type { IpcResult } from '../../preload/contract/ipc-result';

export type IpcHandlers = {
  readonly [M in IpcMethodName]: (
    payload: RequestOf<M>,
  ) => IpcResult<ResponseOf<M>> | Promise<IpcResult<ResponseOf<M>>>;
};
