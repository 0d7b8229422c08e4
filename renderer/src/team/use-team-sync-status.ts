/**
 * The team store's sync status as the host reports it (off, synced, queued N, error with the reason),
 * asked for every few seconds — the sync runs in the host, on its own schedule. A host that cannot be
 * reached leaves the last status shown.
 */
import { useEffect, useState } from 'react';
import type { IntlShape } from 'react-intl';
import { ENGLISH_INTL } from '../i18n/english-intl';
import type { TeamSyncStatus } from '../../../preload/contract/team-store-schema';
import { hostApi } from '../api/host-api';
import { describeHostFailure } from '../api/host-failure-text';

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

/** The status in a few words for the header ('' when the store is off), in the language of `intl`. */
export function describeSyncStatus(
  status: TeamSyncStatus,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  const error = status.problem
    ? describeHostFailure(
        { code: 'internal', message: '', reason: 'team-store', values: { ...status.problem } },
        intl,
      )
    : (status.error ?? intl.formatMessage({ id: 'team.sync.unreachable' }));
  switch (status.state) {
    case 'off':
      return '';
    case 'synced':
      return intl.formatMessage({ id: 'team.sync.synced' });
    case 'queued':
      return intl.formatMessage({ id: 'team.sync.queued' }, { count: status.queued });
    case 'error':
      return status.queued > 0
        ? intl.formatMessage({ id: 'team.sync.error.queued' }, { count: status.queued, error })
        : intl.formatMessage({ id: 'team.sync.error' }, { error });
  }
}
