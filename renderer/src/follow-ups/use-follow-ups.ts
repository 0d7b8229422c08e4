import { useCallback, useEffect, useRef, useState } from 'react';
import { hostApi } from '../api/host-api';
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import { useHostEvent } from '../api/use-host-event';

export interface FollowUps {
  due: SessionSummary[];
  overdue: SessionSummary[];
  /** Due today plus overdue: the nav badge. */
  count: number;
  error: string | null;
  refresh(): void;
  markDone(id: string): Promise<string | null>;
}

/** Reloads at most this often while the app is open (a new day makes follow-ups due). */
const REFRESH_MS = 5 * 60 * 1000;

/**
 * Follow-ups due today and overdue (not done), kept current: at start, when the host announces one fell
 * due, when the window comes back into view, every few minutes, and when `refreshKey` changes.
 */
export function useFollowUps(refreshKey: unknown): FollowUps {
  const [due, setDue] = useState<SessionSummary[]>([]);
  const [overdue, setOverdue] = useState<SessionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    void hostApi.listFollowUps({}).then((r) => {
      if (mine !== seq.current) return;
      if (r.ok) {
        setDue(r.value.due);
        setOverdue(r.value.overdue);
        setError(null);
      } else setError(r.message);
    });
  }, []);

  useEffect(refresh, [refresh, refreshKey]);
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);
  useHostEvent('follow-up-due', refresh);

  const markDone = useCallback(
    async (id: string) => {
      const r = await hostApi.markFollowUpDone({ id });
      refresh();
      return r.ok ? null : r.message;
    },
    [refresh],
  );

  return { due, overdue, count: due.length + overdue.length, error, refresh, markDone };
}
