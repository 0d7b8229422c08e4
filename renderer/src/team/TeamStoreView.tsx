import { useMemo, useState } from 'react';
import { ESCALATION_VALUES, RESOLUTION_VALUES } from '../../../preload/contract/session-schema';
import type { TeamSyncStatus } from '../../../preload/contract/team-store-schema';
import { localDay, localDayAfter } from '../../../preload/domain/calendar-day';
import { TeamTrendCharts } from './TeamTrendCharts';
import { computeTeamTrendsFromFigures } from './team-series';
import { TEAM_PAGE_SIZE, useTeamStore, type TeamStoreFilter } from './use-team-store';
import { formatNumber } from '../../../preload/domain/count-words';
import { escalationText, resolutionText } from '../session-log/session-format';

const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

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
        <h2 id="team-store-title">Team store</h2>
        <p className="muted">
          Sessions your agents&apos; apps sync to {status.store}. You see the teams you lead.
        </p>
        <form className="team-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter">
          <label>
            Team{' '}
            <select
              value={filter.team ?? ''}
              onChange={(e) => change({ team: e.target.value || undefined })}
              data-testid="team-store-team"
            >
              <option value="">All my teams</option>
              {(store.figures?.teams ?? []).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            From{' '}
            <input
              type="date"
              value={filter.from ?? ''}
              onChange={(e) => change({ from: e.target.value || undefined })}
              data-testid="team-store-from"
            />
          </label>
          <label>
            To{' '}
            <input
              type="date"
              value={filter.to ?? ''}
              onChange={(e) => change({ to: e.target.value || undefined })}
              data-testid="team-store-to"
            />
          </label>
          <label>
            Agent{' '}
            <input
              type="search"
              value={filter.agent ?? ''}
              onChange={(e) => change({ agent: e.target.value || undefined })}
              placeholder="Agent id or exact name"
              data-testid="team-store-agent"
            />
          </label>
          <label>
            Resolution{' '}
            <select
              value={filter.resolution ?? ''}
              onChange={(e) =>
                change({
                  resolution: (e.target.value || undefined) as TeamStoreFilter['resolution'],
                })
              }
            >
              <option value="">Any</option>
              {[...RESOLUTION_VALUES, 'none' as const].map((r) => (
                <option key={r} value={r}>
                  {r === 'none' ? 'No resolution' : resolutionText(r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Escalation{' '}
            <select
              value={filter.escalation ?? ''}
              onChange={(e) =>
                change({
                  escalation: (e.target.value || undefined) as TeamStoreFilter['escalation'],
                })
              }
            >
              <option value="">Any</option>
              {ESCALATION_VALUES.map((r) => (
                <option key={r} value={r}>
                  {escalationText(r) || 'None'}
                </option>
              ))}
            </select>
          </label>
        </form>
        {store.error && (
          <p className="notice" role="alert" data-testid="team-store-error">
            {store.error}
          </p>
        )}
      </section>

      {trends && agents.length > 0 && <TeamTrendCharts trends={trends} idPrefix="team-store" />}

      <section className="panel" aria-labelledby="team-store-sessions-title">
        <h3 id="team-store-sessions-title">
          Sessions{' '}
          <span className="muted" data-testid="team-store-total" aria-live="polite">
            — {store.loading && !page ? 'loading…' : `${formatNumber(total)} matching`}
          </span>
        </h3>
        <table className="team-table" data-testid="team-sessions">
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">Agent</th>
              <th scope="col">Team</th>
              <th scope="col">Resolution</th>
              <th scope="col">Escalation</th>
              <th scope="col">Talking over</th>
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((row) => (
              <tr key={row.id} data-testid="team-session-row">
                <td>{formatTime(row.startedAt)}</td>
                <td>
                  {row.agent}
                  {row.agent !== row.agentId && <span className="muted"> ({row.agentId})</span>}
                </td>
                <td>{row.teamId}</td>
                <td>{resolutionText(row.resolution)}</td>
                <td>{escalationText(row.escalation) || '—'}</td>
                <td className="num">{row.overtalkCount}</td>
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
              Newer
            </button>
            <span className="muted">
              {formatNumber(offset + 1)}–{formatNumber(Math.min(total, offset + TEAM_PAGE_SIZE))} of{' '}
              {formatNumber(total)}
            </span>
            <button
              type="button"
              disabled={offset + TEAM_PAGE_SIZE >= total}
              onClick={() => setOffset(offset + TEAM_PAGE_SIZE)}
            >
              Older
            </button>
          </div>
        )}
      </section>
    </>
  );
}
