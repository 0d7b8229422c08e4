import { FormattedMessage } from 'react-intl';
import type { PracticeScore, TurnScore } from '../../engine/practice/practice-score';

/** The rehearsal's score in the playbook's words: overall first, then each caller turn. */
export function PracticeScoreView({ score }: { score: PracticeScore }) {
  const o = score.overall;
  return (
    <section aria-labelledby="practice-score-title" data-testid="practice-score">
      <h3 id="practice-score-title" tabIndex={-1}>
        <FormattedMessage id="practice.score.title" />
      </h3>
      <ul className="plain">
        <li data-testid="score-waited" data-value={o.waited}>
          <FormattedMessage
            id="practice.score.waited"
            values={{ count: o.waited, turns: o.turns }}
          />
        </li>
        <li data-testid="score-softly" data-value={o.answeredSoftly}>
          <FormattedMessage
            id="practice.score.softly"
            values={{ count: o.answeredSoftly, turns: o.turns }}
          />
        </li>
        <li data-testid="score-talked-over" data-value={o.talkedOver}>
          <FormattedMessage
            id="practice.score.talked-over"
            values={{ count: o.talkedOver, turns: o.turns }}
          />
        </li>
        {o.medianWaitSec !== null && (
          <li>
            <FormattedMessage id="practice.score.median-wait" values={{ sec: o.medianWaitSec }} />
          </li>
        )}
        <li data-testid="score-priorities">
          <FormattedMessage
            id={
              o.priorities.expected > 0
                ? 'practice.score.priorities'
                : 'practice.score.priorities-unlisted'
            }
            values={{
              restated: o.priorities.restated,
              expected: o.priorities.expected,
              confirmed: o.priorities.confirmed,
            }}
          />
        </li>
        <li>
          {o.timeToCalmSec === null ? (
            <FormattedMessage id="practice.score.calm-none" />
          ) : (
            <FormattedMessage id="practice.score.calm" values={{ sec: o.timeToCalmSec }} />
          )}
        </li>
      </ul>
      <ol className="practice-turns">
        {score.turns.map((t) => (
          <li
            key={t.turn}
            data-testid="score-turn"
            data-waited={t.waited}
            data-softly={String(t.answeredSoftly)}
            data-agent-started={t.talkedOver.agentStarted}
            data-caller-started={t.talkedOver.callerStarted}
            data-caller-start={t.callerStart.toFixed(3)}
            data-caller-end={t.callerEnd.toFixed(3)}
            data-reply-start={t.reply?.start.toFixed(3)}
            data-reply-end={t.reply?.end.toFixed(3)}
            data-over-normal={t.overNormalLu?.toFixed(2)}
          >
            <TurnLine turn={t} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function TurnLine({ turn: t }: { turn: TurnScore }) {
  return (
    <>
      <strong>
        <FormattedMessage id="practice.score.turn" values={{ turn: t.turn + 1 }} />
      </strong>{' '}
      {t.waitSec === null ? (
        <FormattedMessage id="practice.score.turn.unanswered" />
      ) : t.waited ? (
        <FormattedMessage id="practice.score.turn.waited" values={{ sec: t.waitSec }} />
      ) : (
        <FormattedMessage id="practice.score.turn.early" values={{ sec: -t.waitSec }} />
      )}
      {t.answeredSoftly !== null && t.overNormalLu !== null && (
        <>
          {' · '}
          <FormattedMessage
            id={t.answeredSoftly ? 'practice.score.turn.soft' : 'practice.score.turn.loud'}
            values={{ lu: t.overNormalLu }}
          />
        </>
      )}
      {t.talkedOver.agentStarted > 0 && (
        <>
          {' · '}
          <FormattedMessage id="practice.score.turn.over" />
        </>
      )}
    </>
  );
}
