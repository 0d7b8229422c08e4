import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { namedJsonFiles } from './import-files';
import { TeamTrendCharts } from './TeamTrendCharts';
import { TeamSessionsTable } from './TeamSessionsTable';
import { TeamStoreView } from './TeamStoreView';
import { useTeamWorkspace } from './use-team-workspace';
import { useTeamSyncStatus } from './use-team-sync-status';
import './team.css';
import { countOf, en, formatNumber } from '../../../preload/domain/count-words';

const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Team leads: with a team store configured, every agent's sessions from the store (TeamStoreView); and,
 * for teams without a database, import agents' JSON exports (files or a folder), see where each session
 * came from, and the trends per agent and for the team over the days chosen. Imports are kept until removed.
 */
export function TeamView() {
  const [range, setRange] = useState({ from: '', to: '' });
  const team = useTeamWorkspace({ from: range.from || undefined, to: range.to || undefined });
  const sync = useTeamSyncStatus();
  const storeConfigured = sync !== null && sync.teamId !== null;
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const agents = useMemo(() => team.trends.agents.map((a) => a.agent ?? ''), [team.trends]);

  const onPick = (fromFolder: boolean) => (event: ChangeEvent<HTMLInputElement>) => {
    const { files } = namedJsonFiles(event.target.files, fromFolder);
    event.target.value = '';
    if (files.length > 0) void team.importFiles(files);
  };

  const busy = team.progress !== null;
  return (
    <main className="team-view" data-testid="team-view">
      {storeConfigured && <TeamStoreView status={sync} />}
      <section className="panel" aria-labelledby="team-import-title">
        <h2 id="team-import-title">{storeConfigured ? 'Import export files' : 'Team'}</h2>
        <p className="muted">
          Import the JSON exports your agents send you. Sessions in several exports count once.
          Imports are kept, each with its agent, until you remove them; the files are not changed.
        </p>
        <div className="actions">
          <label className={`file-button${busy ? ' disabled' : ''}`}>
            Import export files…
            <input
              type="file"
              accept=".json,application/json"
              multiple
              onChange={onPick(false)}
              disabled={busy}
              data-testid="team-import-files"
            />
          </label>
          <label className={`file-button${busy ? ' disabled' : ''}`}>
            Import a folder…
            <input
              ref={folderInput}
              type="file"
              onChange={onPick(true)}
              disabled={busy}
              data-testid="team-import-folder"
            />
          </label>
        </div>
        {team.progress && (
          <div className="team-progress" role="status" data-testid="team-import-progress">
            Importing {team.progress.fileName} ({team.progress.fileIndex + 1} of{' '}
            {team.progress.fileCount})
            <progress max={team.progress.total || 1} value={team.progress.validated} />
          </div>
        )}
        {team.messages.length > 0 && (
          <ul className="team-messages">
            {team.messages.map((m) => (
              // The live role sits inside the item: on the <li> itself it would end its list semantics.
              <li key={m.key} className={m.ok ? 'notice info' : 'notice'}>
                <span role={m.ok ? 'status' : 'alert'} data-testid="team-message" data-ok={m.ok}>
                  {m.text}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {team.workspace.sources.length > 0 && (
        <section className="panel" aria-labelledby="team-sources-title">
          <h3 id="team-sources-title">
            Exports{' '}
            <span className="muted">
              — {countOf(team.merged.length, en('session'))} from{' '}
              {countOf(agents.length, en('agent'))}
            </span>
          </h3>
          <table className="team-table" data-testid="team-sources">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Exported by</th>
                <th scope="col">Exported</th>
                <th scope="col">Sessions</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.workspace.sources.map((s) => (
                <tr key={s.id}>
                  <td>{s.fileName}</td>
                  <td>{s.header.agent || '—'}</td>
                  <td>{formatTime(s.header.exportedAt)}</td>
                  <td className="num">{formatNumber(s.sessions.length)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => team.remove(s.id)}
                      aria-label={`Remove ${s.fileName}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {team.merged.length > 0 && (
        <>
          <form
            className="panel team-range"
            aria-label="Days on the charts"
            onSubmit={(e) => e.preventDefault()}
          >
            <label>
              From{' '}
              <input
                type="date"
                value={range.from}
                onChange={(e) => setRange({ ...range, from: e.target.value })}
                data-testid="team-from"
              />
            </label>
            <label>
              To{' '}
              <input
                type="date"
                value={range.to}
                onChange={(e) => setRange({ ...range, to: e.target.value })}
                data-testid="team-to"
              />
            </label>
            <span className="muted" data-testid="team-granularity">
              One point per {team.trends.granularity ?? 'day'}
              {team.trends.days.length > 0
                ? ` (${countOf(team.trends.days.length, en(team.trends.granularity ?? 'day'))})`
                : ''}
            </span>
          </form>
          <TeamTrendCharts trends={team.trends} idPrefix="team" />
          <TeamSessionsTable sessions={team.merged} />
        </>
      )}
    </main>
  );
}
