import type { CueKind } from '../../engine/call-types';
import type { CallRecord, Priority } from '../../../preload/contract/session-schema';
import { BANNER_COPY, formatClock } from '../live-coach/cue-copy';
import { PRIORITY_KIND_LABELS } from './wrap-up-steps';
import { countOf, en, formatNumber } from '../../../preload/domain/count-words';

interface Props {
  call: CallRecord;
  priorities: readonly Priority[];
  /** Collapsed to one line (the wrap-up keeps it small); the figures stay in the DOM. */
  compact?: boolean;
}

/** The call's figures as the engine measured them: attached to the wrap-up and the session as they are. */
export function CallMetricsSummary({ call, priorities, compact }: Props) {
  const m = call.metrics;
  const cueCounts = Object.entries(m.cueCounts) as [CueKind, number][];
  const shown = priorities.filter((p) => p.text.trim() !== '');
  return (
    <details className="panel call-metrics" data-testid="call-summary" open={!compact}>
      <summary>
        <strong>Call · {formatClock(call.durationSec)}</strong>
        <span className="muted">
          {' '}
          · talking over {formatNumber(m.overtalkCount)} ·{' '}
          {countOf(
            cueCounts.reduce((n, [, c]) => n + c, 0),
            en('cue'),
          )}
        </span>
      </summary>
      <dl className="stats">
        <div>
          <dt>Caller talked</dt>
          <dd data-testid="summary-caller-talk">{m.callerTalkSec.toFixed(1)} s</dd>
        </div>
        <div>
          <dt>You talked</dt>
          <dd data-testid="summary-agent-talk">{m.agentTalkSec.toFixed(1)} s</dd>
        </div>
        <div>
          <dt>Talking over</dt>
          <dd data-testid="summary-overtalk">{m.overtalkCount}</dd>
        </div>
        <div>
          <dt>Longest venting</dt>
          <dd>{m.longestCallerTurnSec.toFixed(1)} s</dd>
        </div>
        <div>
          <dt>Time to calm</dt>
          <dd>{m.timeToCalmSec === null ? '—' : `${m.timeToCalmSec.toFixed(0)} s`}</dd>
        </div>
      </dl>
      <p className="muted" style={{ margin: '6px 0 0' }}>
        {cueCounts
          .filter(([, n]) => n > 0)
          .map(([cue, n]) => `${BANNER_COPY[cue].title}: ${n}`)
          .join(' · ') || 'No cues.'}
      </p>
      <ul className="plain" data-testid="summary-priorities">
        {shown.map((p) => (
          <li key={p.id}>
            {p.text}{' '}
            <small className="muted">
              {PRIORITY_KIND_LABELS[p.kind].toLowerCase()}
              {p.confirmed ? ' · confirmed' : ''}
            </small>
          </li>
        ))}
      </ul>
    </details>
  );
}
