/** What a host answers the contract with: one handler per method, each resolving to a result. */
import type {
  IpcMethodGroup,
  IpcMethodName,
  MethodsOf,
  RequestOf,
  ResponseOf,
} from './ipc-contract';
import type { IpcResult } from './ipc-result';

export type IpcHandlers = {
  readonly [M in IpcMethodName]: (
    payload: RequestOf<M>,
  ) => IpcResult<ResponseOf<M>> | Promise<IpcResult<ResponseOf<M>>>;
};

/** The handlers of one group of the contract (`IPC_METHOD_GROUPS`): what a domain's handlers return. */
export type GroupHandlers<G extends IpcMethodGroup> = Pick<IpcHandlers, MethodsOf<G>>;
