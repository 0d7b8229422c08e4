import { useIntl } from 'react-intl';
import './team-sync.css';
import { describeSyncStatus, useTeamSyncStatus } from './use-team-sync-status';

/** The team store's sync status in the header: nothing when no store is configured. */
export function TeamSyncBadge() {
  const status = useTeamSyncStatus();
  const intl = useIntl();
  if (status === null || status.state === 'off') return null;
  const text = describeSyncStatus(status, intl);
  const where = {
    team: status.teamId ?? '—',
    agent: status.agentId ?? '—',
    store: status.store ?? '—',
  };
  const title =
    status.state === 'error' && status.nextTryAt
      ? intl.formatMessage(
          { id: 'team.sync.where.next' },
          { ...where, time: intl.formatTime(status.nextTryAt, { timeStyle: 'medium' }) },
        )
      : intl.formatMessage({ id: 'team.sync.where' }, where);
  return (
    <p
      className={`team-sync-badge ${status.state}`}
      role="status"
      data-testid="team-sync-status"
      data-state={status.state}
      title={title}
    >
      {text}
    </p>
  );
}
