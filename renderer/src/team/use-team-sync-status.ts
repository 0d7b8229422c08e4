/**
 * The team store's sync status as the host reports it (off, synced, queued N, error with the reason),
 * asked for every few seconds — the sync runs in the host, on its own schedule. A host that cannot be
 * reached leaves the last status shown.
 */
import { useEffect, useState } from 'react';
import type { TeamSyncStatus } from '../../../preload/contract/team-store-schema';
import { hostApi } from '../api/host-api';

export { describeSyncStatus } from './team-sync-words';

/** How often the status is asked for (ms): fresh enough to watch a queue drain, cheap for the host. */
export const TEAM_STATUS_POLL_MS = 2_000;

export function useTeamSyncStatus(): TeamSyncStatus | null {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const ask = (): void =>
      void hostApi.getTeamStatus().then((result) => {
        if (live && result.ok) setStatus(result.value);
      });
    ask();
    const timer = setInterval(ask, TEAM_STATUS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return status;
}
