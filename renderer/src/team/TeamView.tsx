import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { namedJsonFiles } from './import-files';
import { TeamTrendCharts } from './TeamTrendCharts';
import { TeamSessionsTable } from './TeamSessionsTable';
import { TeamStoreView } from './TeamStoreView';
import { useTeamWorkspace, type ImportMessage } from './use-team-workspace';
import { importProblemText } from './import-problem';
import { useTeamSyncStatus } from './use-team-sync-status';
import './team.css';

/** One file's import in words: "ana.json: 60 new sessions.", or why it was refused. */
function importMessageText(m: ImportMessage, intl: IntlShape): string {
  if (!m.ok)
    return intl.formatMessage(
      { id: 'team.import.refused' },
      { problem: importProblemText(m.problem, intl) },
    );
  return intl.formatMessage(
    { id: m.duplicates > 0 ? 'team.import.added.duplicates' : 'team.import.added' },
    { file: m.fileName, added: m.added, duplicates: m.duplicates },
  );
}

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
  const intl = useIntl();
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
        <h2 id="team-import-title">
          <FormattedMessage id={storeConfigured ? 'team.import.title' : 'team.title'} />
        </h2>
        <p className="muted">
          <FormattedMessage id="team.import.help" />
        </p>
        <div className="actions">
          <label className={`file-button${busy ? ' disabled' : ''}`}>
            <FormattedMessage id="team.import.files" />
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
            <FormattedMessage id="team.import.folder" />
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
            <FormattedMessage
              id="team.import.progress"
              values={{
                file: team.progress.fileName,
                index: team.progress.fileIndex + 1,
                count: team.progress.fileCount,
              }}
            />
            <progress max={team.progress.total || 1} value={team.progress.validated} />
          </div>
        )}
        {team.messages.length > 0 && (
          <ul className="team-messages">
            {team.messages.map((m) => (
              // The live role sits inside the item: on the <li> itself it would end its list semantics.
              <li key={m.key} className={m.ok ? 'notice info' : 'notice'}>
                <span role={m.ok ? 'status' : 'alert'} data-testid="team-message" data-ok={m.ok}>
                  {importMessageText(m, intl)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {team.workspace.sources.length > 0 && (
        <section className="panel" aria-labelledby="team-sources-title">
          <h3 id="team-sources-title">
            <FormattedMessage id="team.exports" />{' '}
            <span className="muted">
              <FormattedMessage
                id="team.exports.count"
                values={{ sessions: team.merged.length, agents: agents.length }}
              />
            </span>
          </h3>
          <table className="team-table" data-testid="team-sources">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="team.exports.file" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.exports.by" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.exports.at" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.exports.sessions" />
                </th>
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage id="team.remove" />
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.workspace.sources.map((s) => (
                <tr key={s.id}>
                  <td>{s.fileName}</td>
                  <td>{s.header.agent || '—'}</td>
                  <td>
                    {intl.formatDate(s.header.exportedAt, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </td>
                  <td className="num">{intl.formatNumber(s.sessions.length)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => team.remove(s.id)}
                      aria-label={intl.formatMessage(
                        { id: 'team.exports.remove' },
                        { file: s.fileName },
                      )}
                    >
                      <FormattedMessage id="team.remove" />
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
            aria-label={intl.formatMessage({ id: 'team.range' })}
            onSubmit={(e) => e.preventDefault()}
          >
            <label>
              <FormattedMessage id="log.from" />{' '}
              <input
                type="date"
                value={range.from}
                onChange={(e) => setRange({ ...range, from: e.target.value })}
                data-testid="team-from"
              />
            </label>
            <label>
              <FormattedMessage id="log.to" />{' '}
              <input
                type="date"
                value={range.to}
                onChange={(e) => setRange({ ...range, to: e.target.value })}
                data-testid="team-to"
              />
            </label>
            <span className="muted" data-testid="team-granularity">
              <FormattedMessage
                id={team.trends.days.length > 0 ? 'team.granularity.count' : 'team.granularity'}
                values={{
                  unit: team.trends.granularity ?? 'day',
                  count: team.trends.days.length,
                }}
              />
            </span>
          </form>
          <TeamTrendCharts trends={team.trends} idPrefix="team" />
          <TeamSessionsTable sessions={team.merged} />
        </>
      )}
    </main>
  );
}
