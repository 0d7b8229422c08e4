/**
 * The team store's sync status in the header's words (off, synced, queued N, error with the reason), in
 * the language of `intl`: the store's problem and the sessions it refused come as data beside the host's
 * English line (preload/contract/team-store-problem.ts).
 */
import type { IntlShape } from 'react-intl';
import { ENGLISH_INTL } from '../i18n/english-intl';
import type { TeamSyncStatus } from '../../../preload/contract/team-store-schema';
import type { SessionRefusal } from '../../../preload/contract/team-store-problem';
import { describeHostFailure } from '../api/host-failure-text';

/** The status in a few words for the header ('' when the store is off), in the language of `intl`. */
export function describeSyncStatus(
  status: TeamSyncStatus,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  const error = status.refusal
    ? intl.formatMessage(
        { id: 'team.sync.refused' },
        { count: status.refused, reason: describeSessionRefusal(status.refusal, intl) },
      )
    : status.problem
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

/** Why the store refused a session: another agent's in the team, or the store's own problem. */
function describeSessionRefusal(
  refusal: SessionRefusal,
  intl: Pick<IntlShape, 'formatMessage'>,
): string {
  if (refusal.refusal === 'otherAgent')
    return intl.formatMessage(
      { id: 'team.sync.refused.other-agent' },
      { session: refusal.session, team: refusal.team },
    );
  const { refusal: _store, ...problem } = refusal;
  return describeHostFailure(
    { code: 'internal', message: '', reason: 'team-store', values: { ...problem } },
    intl,
  );
}
