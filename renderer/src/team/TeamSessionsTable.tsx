import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { TeamSession } from './team-workspace';
import { escalationText, resolutionText } from '../session-log/session-format';
import { agentName } from './team-chart-table';

const PAGE = 100;

/** The merged sessions, newest first, with the agent and the export each came from. */
export function TeamSessionsTable({ sessions }: { readonly sessions: readonly TeamSession[] }) {
  const [shown, setShown] = useState(PAGE);
  const intl = useIntl();
  return (
    <section className="panel" aria-labelledby="team-sessions-title">
      <h3 id="team-sessions-title">
        <FormattedMessage id="team.exports.sessions" />
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
              <FormattedMessage id="team.sessions.source" />
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
          {sessions.slice(0, shown).map(({ session, agent, source, alsoIn }) => (
            <tr key={session.id} data-testid="team-session-row">
              <td>
                {intl.formatDate(session.startedAt, { dateStyle: 'short', timeStyle: 'short' })}
              </td>
              <td>{agentName(agent, intl)}</td>
              <td>
                {source.fileName}
                {alsoIn > 0 && (
                  <span className="muted">
                    {' '}
                    <FormattedMessage id="team.sessions.also-in" values={{ count: alsoIn }} />
                  </span>
                )}
              </td>
              <td>{resolutionText(session.wrapUp.resolution, intl)}</td>
              <td>{escalationText(session.wrapUp.escalation.kind, intl) || '—'}</td>
              <td className="num">{intl.formatNumber(session.call.metrics.overtalkCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown < sessions.length && (
        <div className="actions">
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            <FormattedMessage
              id="team.sessions.more"
              values={{
                count: Math.min(PAGE, sessions.length - shown),
                rest: sessions.length - shown,
              }}
            />
          </button>
        </div>
      )}
    </section>
  );
}
