import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ESCALATION_VALUES, RESOLUTION_VALUES } from '../../../preload/contract/session-schema';
import type { TeamSyncStatus } from '../../../preload/contract/team-store-schema';
import { localDay, localDayAfter } from '../../../preload/domain/calendar-day';
import { TeamTrendCharts } from './TeamTrendCharts';
import { TeamPracticeTable } from './TeamPracticeTable';
import { describeHostFailure } from '../api/host-failure-text';
import { computeTeamTrendsFromFigures } from './team-series';
import { TEAM_PAGE_SIZE, useTeamStore, type TeamStoreFilter } from './use-team-store';
import { escalationName, escalationText, resolutionText } from '../session-log/session-format';

/**
 * The team view when a team store is configured: every agent's sessions the lead may read (row-level
 * security in the database decides), filtered and paged in the store, with the same trend charts.
 */
export function TeamStoreView({ status }: { readonly status: TeamSyncStatus }) {
  const today = new Date();
  const [filter, setFilter] = useState<TeamStoreFilter>({
    from: localDayAfter(today, -29),
    to: localDay(today),
  });
  const [offset, setOffset] = useState(0);
  const store = useTeamStore(filter, offset);
  const intl = useIntl();
  const trends = useMemo(
    () =>
      store.figures ? computeTeamTrendsFromFigures(store.figures, localDay(new Date())) : null,
    [store.figures],
  );
  const agents = useMemo(() => trends?.agents.map((a) => a.agent ?? '') ?? [], [trends]);

  const change = (patch: Partial<TeamStoreFilter>): void => {
    setOffset(0);
    setFilter((f) => {
      const next: Record<string, unknown> = { ...f, ...patch };
      for (const k of Object.keys(next))
        if (next[k] === '' || next[k] === undefined) delete next[k];
      return next as TeamStoreFilter;
    });
  };
  const page = store.page;
  const total = page?.total ?? 0;

  return (
    <>
      <section className="panel" aria-labelledby="team-store-title" data-testid="team-store">
        <h2 id="team-store-title">
          <FormattedMessage id="team.store.title" />
        </h2>
        <p className="muted">
          <FormattedMessage id="team.store.help" values={{ store: status.store ?? '—' }} />
        </p>
        <form
          className="team-filters"
          onSubmit={(e) => e.preventDefault()}
          aria-label={intl.formatMessage({ id: 'team.store.filter' })}
        >
          <label>
            <FormattedMessage id="team.store.team" />{' '}
            <select
              value={filter.team ?? ''}
              onChange={(e) => change({ team: e.target.value || undefined })}
              data-testid="team-store-team"
            >
              <option value="">{intl.formatMessage({ id: 'team.store.all-teams' })}</option>
              {(store.figures?.teams ?? []).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            <FormattedMessage id="log.from" />{' '}
            <input
              type="date"
              value={filter.from ?? ''}
              onChange={(e) => change({ from: e.target.value || undefined })}
              data-testid="team-store-from"
            />
          </label>
          <label>
            <FormattedMessage id="log.to" />{' '}
            <input
              type="date"
              value={filter.to ?? ''}
              onChange={(e) => change({ to: e.target.value || undefined })}
              data-testid="team-store-to"
            />
          </label>
          <label>
            <FormattedMessage id="team.sessions.agent" />{' '}
            <input
              type="search"
              value={filter.agent ?? ''}
              onChange={(e) => change({ agent: e.target.value || undefined })}
              placeholder={intl.formatMessage({ id: 'team.store.agent.placeholder' })}
              data-testid="team-store-agent"
            />
          </label>
          <label>
            <FormattedMessage id="log.resolution" />{' '}
            <select
              value={filter.resolution ?? ''}
              onChange={(e) =>
                change({
                  resolution: (e.target.value || undefined) as TeamStoreFilter['resolution'],
                })
              }
            >
              <option value="">{intl.formatMessage({ id: 'log.any' })}</option>
              {[...RESOLUTION_VALUES, 'none' as const].map((r) => (
                <option key={r} value={r}>
                  {resolutionText(r === 'none' ? null : r, intl)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <FormattedMessage id="log.escalation" />{' '}
            <select
              value={filter.escalation ?? ''}
              onChange={(e) =>
                change({
                  escalation: (e.target.value || undefined) as TeamStoreFilter['escalation'],
                })
              }
            >
              <option value="">{intl.formatMessage({ id: 'log.any' })}</option>
              {ESCALATION_VALUES.map((r) => (
                <option key={r} value={r}>
                  {escalationName(r, intl)}
                </option>
              ))}
            </select>
          </label>
        </form>
        {store.error && (
          <p className="notice" role="alert" data-testid="team-store-error">
            <FormattedMessage
              id="team.store.not-read"
              values={{ error: describeHostFailure(store.error, intl) }}
            />
          </p>
        )}
      </section>

      {trends && agents.length > 0 && <TeamTrendCharts trends={trends} idPrefix="team-store" />}

      <section className="panel" aria-labelledby="team-store-sessions-title">
        <h3 id="team-store-sessions-title">
          <FormattedMessage id="team.exports.sessions" />{' '}
          <span className="muted" data-testid="team-store-total" aria-live="polite">
            {store.loading && !page ? (
              <FormattedMessage id="team.store.loading" />
            ) : (
              <FormattedMessage id="team.store.matching" values={{ count: total }} />
            )}
          </span>
        </h3>
        <table className="team-table" data-testid="team-sessions">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="team.sessions.call" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.sessions.agent" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.store.team" />
              </th>
              <th scope="col">
                <FormattedMessage id="log.resolution" />
              </th>
              <th scope="col">
                <FormattedMessage id="log.escalation" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.sessions.overtalk" />
              </th>
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((row) => (
              <tr key={row.id} data-testid="team-session-row">
                <td>
                  {intl.formatDate(row.startedAt, { dateStyle: 'short', timeStyle: 'short' })}
                </td>
                <td>
                  {row.agent}
                  {row.agent !== row.agentId && <span className="muted"> ({row.agentId})</span>}
                </td>
                <td>{row.teamId}</td>
                <td>{resolutionText(row.resolution, intl)}</td>
                <td>{escalationText(row.escalation, intl) || '—'}</td>
                <td className="num">{intl.formatNumber(row.overtalkCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {total > TEAM_PAGE_SIZE && (
          <div className="actions">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - TEAM_PAGE_SIZE))}
            >
              <FormattedMessage id="team.store.newer" />
            </button>
            <span className="muted">
              <FormattedMessage
                id="team.store.range"
                values={{
                  first: offset + 1,
                  last: Math.min(total, offset + TEAM_PAGE_SIZE),
                  total,
                }}
              />
            </span>
            <button
              type="button"
              disabled={offset + TEAM_PAGE_SIZE >= total}
              onClick={() => setOffset(offset + TEAM_PAGE_SIZE)}
            >
              <FormattedMessage id="team.store.older" />
            </button>
          </div>
        )}
      </section>

      {store.figures && <TeamPracticeTable practice={store.figures.practice} />}
    </>
  );
}
