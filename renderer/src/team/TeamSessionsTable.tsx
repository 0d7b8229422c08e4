import { useState } from 'react';
import type { TeamSession } from './team-workspace';
import { countOf, en } from '../../../preload/domain/count-words';
import { escalationText, resolutionText } from '../session-log/session-format';

const PAGE = 100;

/** The merged sessions, newest first, with the agent and the export each came from. */
export function TeamSessionsTable({ sessions }: { readonly sessions: readonly TeamSession[] }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <section className="panel" aria-labelledby="team-sessions-title">
      <h3 id="team-sessions-title">Sessions</h3>
      <table className="team-table" data-testid="team-sessions">
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col">Agent</th>
            <th scope="col">From export</th>
            <th scope="col">Resolution</th>
            <th scope="col">Escalation</th>
            <th scope="col">Talking over</th>
          </tr>
        </thead>
        <tbody>
          {sessions.slice(0, shown).map(({ session, agent, source, alsoIn }) => (
            <tr key={session.id} data-testid="team-session-row">
              <td>
                {new Date(session.startedAt).toLocaleString(undefined, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                })}
              </td>
              <td>{agent}</td>
              <td>
                {source.fileName}
                {alsoIn > 0 && (
                  <span className="muted"> (also in {countOf(alsoIn, en('other'))})</span>
                )}
              </td>
              <td>{resolutionText(session.wrapUp.resolution)}</td>
              <td>{escalationText(session.wrapUp.escalation.kind) || '—'}</td>
              <td className="num">{session.call.metrics.overtalkCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown < sessions.length && (
        <div className="actions">
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, sessions.length - shown)} more of {sessions.length - shown}
          </button>
        </div>
      )}
    </section>
  );
}
