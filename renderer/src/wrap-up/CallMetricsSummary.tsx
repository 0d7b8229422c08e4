import { FormattedMessage, useIntl } from 'react-intl';
import type { CueKind } from '../../engine/call-types';
import type { CallRecord, Priority } from '../../../preload/contract/session-schema';
import { cueWords, formatClock } from '../live-coach/cue-copy';
import { PRIORITY_KIND_WORD_MESSAGES } from './wrap-up-steps';

interface Props {
  call: CallRecord;
  priorities: readonly Priority[];
  /** Collapsed to one line (the wrap-up keeps it small); the figures stay in the DOM. */
  compact?: boolean;
}

/** The call's figures as the engine measured them: attached to the wrap-up and the session as they are. */
export function CallMetricsSummary({ call, priorities, compact }: Props) {
  const intl = useIntl();
  const m = call.metrics;
  const cueCounts = Object.entries(m.cueCounts) as [CueKind, number][];
  const shown = priorities.filter((p) => p.text.trim() !== '');
  const seconds = (value: number) =>
    intl.formatMessage({ id: 'wrap-up.summary.seconds' }, { seconds: value });
  return (
    <details className="panel call-metrics" data-testid="call-summary" open={!compact}>
      <summary>
        <strong>
          <FormattedMessage
            id="wrap-up.summary.call"
            values={{ clock: formatClock(call.durationSec) }}
          />
        </strong>
        <span className="muted">
          {' '}
          ·{' '}
          <FormattedMessage
            id="wrap-up.summary.talking-over"
            values={{ count: m.overtalkCount }}
          />{' '}
          ·{' '}
          <FormattedMessage
            id="wrap-up.summary.cues"
            values={{ count: cueCounts.reduce((n, [, c]) => n + c, 0) }}
          />
        </span>
      </summary>
      <dl className="stats">
        <div>
          <dt>
            <FormattedMessage id="wrap-up.summary.caller-talked" />
          </dt>
          <dd data-testid="summary-caller-talk">{seconds(m.callerTalkSec)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="wrap-up.summary.agent-talked" />
          </dt>
          <dd data-testid="summary-agent-talk">{seconds(m.agentTalkSec)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="wrap-up.summary.overtalk" />
          </dt>
          <dd data-testid="summary-overtalk">{intl.formatNumber(m.overtalkCount)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="wrap-up.summary.longest-venting" />
          </dt>
          <dd>{seconds(m.longestCallerTurnSec)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="wrap-up.summary.time-to-calm" />
          </dt>
          <dd>
            {m.timeToCalmSec === null
              ? '—'
              : intl.formatMessage(
                  { id: 'wrap-up.summary.whole-seconds' },
                  { seconds: Math.round(m.timeToCalmSec) },
                )}
          </dd>
        </div>
      </dl>
      <p className="muted" style={{ margin: '6px 0 0' }}>
        {cueCounts
          .filter(([, n]) => n > 0)
          .map(([cue, n]) =>
            intl.formatMessage(
              { id: 'wrap-up.summary.cue-count' },
              { cue: cueWords(cue, intl).title, count: n },
            ),
          )
          .join(' · ') || intl.formatMessage({ id: 'wrap-up.summary.no-cues' })}
      </p>
      <ul className="plain" data-testid="summary-priorities">
        {shown.map((p) => {
          const kind = intl.formatMessage({ id: PRIORITY_KIND_WORD_MESSAGES[p.kind] });
          return (
            <li key={p.id}>
              {p.text}{' '}
              <small className="muted">
                {p.confirmed
                  ? intl.formatMessage({ id: 'coach.priorities.confirmed' }, { kind })
                  : kind}
              </small>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
