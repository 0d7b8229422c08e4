import { FormattedDate, FormattedMessage } from 'react-intl';
import type { PracticeRunRecord } from '../../../preload/contract/practice-schema';

/** The agent's rehearsals, newest first: practice only, never counted among their calls. */
export function PracticeHistory({
  runs,
  total,
  onExport,
}: {
  runs: readonly PracticeRunRecord[];
  total: number;
  /** Saves the whole history as a JSON file. */
  onExport(): void;
}) {
  return (
    <section
      aria-labelledby="practice-history-title"
      data-testid="practice-history"
      data-total={total}
    >
      <h3 id="practice-history-title">
        <FormattedMessage id="practice.history.title" />
      </h3>
      <p className="muted">
        <FormattedMessage id="practice.history.apart" />
      </p>
      {total > 0 && (
        <button type="button" onClick={onExport} data-testid="practice-history-export">
          <FormattedMessage id="practice.history.export" />
        </button>
      )}
      {runs.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="practice.history.none" />
        </p>
      ) : (
        <ul className="plain">
          {runs.map((r) => (
            <li key={r.id} data-testid="practice-run" data-kind={r.kind}>
              <FormattedDate value={r.startedAt} dateStyle="medium" timeStyle="short" />{' '}
              <FormattedMessage
                id="practice.history.row"
                values={{
                  title: r.scenarioTitle,
                  turns: r.score.overall.turns,
                  waited: r.score.overall.waited,
                  softly: r.score.overall.answeredSoftly,
                  over: r.score.overall.talkedOver,
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
