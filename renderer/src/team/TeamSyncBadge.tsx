import './team-sync.css';
import { describeSyncStatus, useTeamSyncStatus } from './use-team-sync-status';

/** The team store's sync status in the header: nothing when no store is configured. */
export function TeamSyncBadge() {
  const status = useTeamSyncStatus();
  if (status === null || status.state === 'off') return null;
  const text = describeSyncStatus(status);
  const next =
    status.state === 'error' && status.nextTryAt
      ? ` Next try ${new Date(status.nextTryAt).toLocaleTimeString()}.`
      : '';
  return (
    <p
      className={`team-sync-badge ${status.state}`}
      role="status"
      data-testid="team-sync-status"
      data-state={status.state}
      title={`${status.teamId}/${status.agentId} at ${status.store}.${next}`}
    >
      {text}
    </p>
  );
}
