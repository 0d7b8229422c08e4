import { useCallback, useEffect, useRef, useState } from 'react';
import { hostApi } from '../api/host-api';
import type { HostFailure } from '../api/host-failure-text';
import type { FollowUpSection } from '../../../preload/contract/follow-up-ipc-schema';
import { useHostEvent } from '../api/use-host-event';

export interface FollowUps {
  /** Open follow-ups in each section (no filters). */
  counts: Readonly<Record<FollowUpSection, number>>;
  /** What is due today: the nav badge (overdue ones are counted on the screen, not in the badge). */
  count: number;
  /** Why the counts could not be read (worded by the page, host-failure-text.ts). */
  error: HostFailure | null;
  /** Changes whenever the follow-ups may have changed: the screen reloads its pages. */
  version: number;
  refresh(): void;
  /** Marks done (or, done false, opens again); null when it worked, else why not. */
  /** Resolves to the host's failure (worded by the page, host-failure-text.ts), or null when done. */
  setDone(ids: readonly string[], done: boolean): Promise<HostFailure | null>;
}

/** Reloads at most this often while the app is open (a new day makes follow-ups due). */
const REFRESH_MS = 5 * 60 * 1000;
const NO_COUNTS = { overdue: 0, due: 0, upcoming: 0 } as const;

/**
 * The follow-ups' counts, kept current: at start, when the host announces one fell due, when the window
 * comes back into view, every few minutes, and when `refreshKey` changes.
 */
export function useFollowUps(refreshKey: unknown): FollowUps {
  const [counts, setCounts] = useState<FollowUps['counts']>(NO_COUNTS);
  const [error, setError] = useState<HostFailure | null>(null);
  const [version, setVersion] = useState(0);
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    setVersion((v) => v + 1);
    void hostApi.listFollowUpPage({ section: 'due', limit: 1 }).then((r) => {
      if (mine !== seq.current) return;
      if (r.ok) {
        setCounts(r.value.counts);
        setError(null);
      } else setError(r);
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

  const setDone = useCallback(
    async (ids: readonly string[], done: boolean) => {
      const r = await hostApi.setFollowUpsDone({ ids: [...ids], done });
      refresh();
      return r.ok ? null : r;
    },
    [refresh],
  );

  return { counts, count: counts.due, error, version, refresh, setDone };
}
