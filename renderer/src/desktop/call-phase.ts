import type { CallPhase } from '../../../preload/contract/desktop-contract';

export interface CallStatusFacts {
  readonly inCall: boolean;
  /** A finished call whose wrap-up is not saved yet. */
  readonly wrapUpPending: boolean;
  readonly followUpsDue: number;
}

/** The phase the tray shows: a running call outranks a waiting wrap-up. */
export function callPhaseOf({ inCall, wrapUpPending }: CallStatusFacts): CallPhase {
  if (inCall) return 'in-call';
  return wrapUpPending ? 'wrap-up-pending' : 'idle';
}
