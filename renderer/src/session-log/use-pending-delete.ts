import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from '../../../preload/contract/session-schema';
import { hostApi } from '../api/host-api';
import type { HostFailure } from '../api/host-failure-text';

/** How long a deleted session can be brought back. */
export const DELETE_UNDO_MS = 10_000;

export interface PendingDelete {
  /** The session waiting to be deleted (hidden from the list), null when none. */
  pending: Session | null;
  /** Why the last delete failed (worded by the page: host-failure-text.ts), null when it did not. */
  error: HostFailure | null;
  start(session: Session): void;
  undo(): void;
}

/**
 * Delete with an undo window: nothing is deleted until the window closes (or another delete starts, or
 * the log closes); Undo within it leaves the session exactly as it was — its timeline and recording too.
 */
export function usePendingDelete(onDeleted: () => void): PendingDelete {
  const [pending, setPending] = useState<Session | null>(null);
  const [error, setError] = useState<HostFailure | null>(null);
  const current = useRef<{ session: Session; timer: ReturnType<typeof setTimeout> } | null>(null);
  const deletedRef = useRef(onDeleted);
  useEffect(() => {
    deletedRef.current = onDeleted;
  }, [onDeleted]);

  const commit = useCallback(() => {
    const now = current.current;
    if (!now) return;
    clearTimeout(now.timer);
    current.current = null;
    void hostApi.deleteSession({ id: now.session.id }).then((r) => {
      setError(r.ok ? null : r);
      setPending((shown) => (shown?.id === now.session.id ? null : shown));
      deletedRef.current();
    });
  }, []);

  const start = useCallback(
    (session: Session) => {
      commit();
      current.current = { session, timer: setTimeout(commit, DELETE_UNDO_MS) };
      setError(null);
      setPending(session);
    },
    [commit],
  );

  const undo = useCallback(() => {
    if (current.current) clearTimeout(current.current.timer);
    current.current = null;
    setPending(null);
  }, []);

  // Leaving the log ends the window: the delete the agent asked for happens.
  useEffect(() => commit, [commit]);

  return { pending, error, start, undo };
}
