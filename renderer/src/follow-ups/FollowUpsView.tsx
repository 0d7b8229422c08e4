import { useState } from 'react';
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import {
  escalationText,
  formatDay,
  formatWhen,
  resolutionText,
} from '../session-log/session-format';
import type { FollowUps } from './use-follow-ups';
import './follow-ups.css';

interface Props {
  followUps: FollowUps;
  onOpen(id: string): void;
}

/** Follow-ups overdue and due today; marking one done records when. */
export function FollowUpsView({ followUps, onOpen }: Props) {
  const [message, setMessage] = useState<string | null>(null);

  async function markDone(row: SessionSummary) {
    const error = await followUps.markDone(row.id);
    setMessage(
      error
        ? `Not marked done: ${error}`
        : `Marked done: ${row.caseReference || formatWhen(row.startedAt)}.`,
    );
  }

  const section = (
    title: string,
    rows: SessionSummary[],
    testId: string,
    status: 'overdue' | 'due',
  ) => (
    <section className="panel" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h3 id={`${testId}-title`} className="follow-up-title">
        {title} <span className="muted">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="follow-up-rows">
          {rows.map((row) => (
            <li
              key={row.id}
              data-testid="follow-up-row"
              data-session-id={row.id}
              data-status={status}
            >
              <button type="button" className="follow-up-open" onClick={() => onOpen(row.id)}>
                <strong>{row.caseReference || 'No reference'}</strong>
                <span className="muted">
                  {' '}
                  · call {formatWhen(row.startedAt)} · {resolutionText(row.resolution)}
                  {escalationText(row.escalation) ? ` · ${escalationText(row.escalation)}` : ''}
                </span>
                {row.followUpDate && (
                  <span className="follow-up-date">
                    {status === 'overdue'
                      ? `Overdue since ${formatDay(row.followUpDate)}`
                      : 'Due today'}
                  </span>
                )}
              </button>
              <button type="button" onClick={() => void markDone(row)} data-testid="follow-up-done">
                Mark done
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <main className="follow-ups" data-testid="follow-ups">
      {message && (
        <p className="notice info" role="status">
          {message}
        </p>
      )}
      {followUps.error && (
        <p className="notice" role="alert">
          Follow-ups could not be read: {followUps.error}
        </p>
      )}
      {section('Overdue', followUps.overdue, 'follow-ups-overdue', 'overdue')}
      {section('Due today', followUps.due, 'follow-ups-due', 'due')}
    </main>
  );
}
