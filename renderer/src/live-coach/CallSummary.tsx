import type { CueKind } from '../../engine/call-types';
import { BANNER_COPY, formatClock } from './cue-copy';
import type { FinishedCall } from './finished-call';

/** The just-ended call's figures, as handed to the wrap-up. */
export function CallSummary({ call }: { call: FinishedCall }) {
  const m = call.analysis.metrics;
  const cueCounts = Object.entries(m.cueCounts) as [CueKind, number][];
  return (
    <section className="panel" data-testid="call-summary" aria-labelledby="summary-title">
      <h3 id="summary-title" style={{ margin: '0 0 6px' }}>Last call · {formatClock(call.analysis.durationSec)}</h3>
      <dl className="stats">
        <div><dt>Caller talked</dt><dd data-testid="summary-caller-talk">{m.callerTalkSec.toFixed(1)} s</dd></div>
        <div><dt>You talked</dt><dd data-testid="summary-agent-talk">{m.agentTalkSec.toFixed(1)} s</dd></div>
        <div><dt>Talking over</dt><dd data-testid="summary-overtalk">{m.overtalkCount}</dd></div>
        <div><dt>Longest venting</dt><dd>{m.longestCallerTurnSec.toFixed(1)} s</dd></div>
        <div><dt>Time to calm</dt><dd>{m.timeToCalmSec === null ? '—' : `${m.timeToCalmSec.toFixed(0)} s`}</dd></div>
      </dl>
      <p className="muted" style={{ margin: '6px 0 0' }}>
        {cueCounts.filter(([, n]) => n > 0).map(([cue, n]) => `${BANNER_COPY[cue].title}: ${n}`).join(' · ') || 'No cues.'}
      </p>
      <ul className="plain" data-testid="summary-priorities">
        {call.priorities.map((p) => (
          <li key={p.id}>
            {p.text} <small className="muted">{p.kind}{p.confirmed ? ' · confirmed' : ''}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
