import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../../preload/contract/session-schema';
import type { CallTimeline } from '../../engine/call-types';
import { hostApi } from '../api/host-api';
import { CallReview, type ReviewInput } from '../review/CallReview';
import { recordingUrlOf } from '../recording/recording-url';
import { CallMetricsSummary } from '../wrap-up/CallMetricsSummary';
import { formatClock } from '../live-coach/cue-copy';
import {
  ESCALATION_LABELS,
  FOLLOW_UP_CHANNEL_LABELS,
  GOODWILL_LABELS,
  PRIORITY_KIND_LABELS,
  ROOT_CAUSE_LABELS,
} from '../wrap-up/wrap-up-steps';
import { formatDay, formatWhen, followUpText, resolutionText } from './session-format';
import { SessionWrapUpEditor } from './SessionWrapUpEditor';
import { editText } from './edit-history';

interface Props {
  id: string;
  /** Who corrects a wrap-up here (Settings → your name). */
  editor: string;
  onBack(): void;
  onChanged(): void;
  /** Delete asked and confirmed: the log takes it from here (with its undo window). */
  onDelete(session: Session): void;
}

type Loaded = { session: Session; timeline: CallTimeline | null } | { error: string } | null;

/** One saved call: its wrap-up, its figures and its review. */
export function SessionDetail({ id, editor, onBack, onChanged, onDelete }: Props) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [marking, setMarking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    void Promise.all([hostApi.getSession({ id }), hostApi.getTimeline({ id })]).then(([s, t]) => {
      if (!live) return;
      if (!s.ok) setLoaded({ error: s.message });
      else if (!s.value) setLoaded({ error: 'This session is no longer in the log.' });
      else setLoaded({ session: s.value, timeline: t.ok ? t.value : null });
    });
    return () => {
      live = false;
    };
  }, [id]);

  const session = loaded && 'session' in loaded ? loaded.session : null;
  const timeline = loaded && 'session' in loaded ? loaded.timeline : null;
  const review = useMemo<ReviewInput | null>(
    () =>
      session
        ? {
            durationSec: session.call.durationSec,
            timeline,
            overtalk: session.call.overtalk,
            cues: session.call.cues,
            holds: [
              ...(session.call.phone?.holds ?? []),
              ...(session.call.musicHolds ?? []).map((h) => ({ ...h, source: 'music' as const })),
            ],
            audioUrl: recordingUrlOf(session),
          }
        : null,
    [session, timeline],
  );

  async function markDone() {
    setMarking(true);
    const r = await hostApi.markFollowUpDone({ id });
    setMarking(false);
    if (r.ok && loaded && 'session' in loaded) {
      setLoaded({ ...loaded, session: r.value });
      onChanged();
    }
  }

  return (
    <main className="session-detail" data-testid="session-detail" data-session-id={id}>
      <div className="actions">
        <button type="button" onClick={onBack} data-testid="session-back" autoFocus>
          ← Back to the log
        </button>
      </div>
      {loaded === null && <p className="muted">Loading…</p>}
      {loaded && 'error' in loaded && (
        <p className="notice" role="alert">
          {loaded.error}
        </p>
      )}
      {session && review && (
        <>
          <section className="panel">
            <h2 className="detail-title">
              {formatWhen(session.startedAt)} · {formatClock(session.call.durationSec)}
            </h2>
            <p className="muted detail-sub">
              {session.agent || 'No agent name'} · after-call work{' '}
              {formatClock(session.afterCallWorkSec)}
              {session.wrapUp.caseReference ? ` · ${session.wrapUp.caseReference}` : ''}
            </p>
            {editing ? (
              <SessionWrapUpEditor
                session={session}
                editor={editor}
                onCancel={() => setEditing(false)}
                onSaved={(next) => {
                  setEditing(false);
                  setSaved(
                    next.savedAt === session.savedAt
                      ? 'Nothing changed.'
                      : 'Correction saved; the history below says what changed.',
                  );
                  if (loaded && 'session' in loaded) setLoaded({ ...loaded, session: next });
                  onChanged();
                }}
              />
            ) : (
              <WrapUpSummary session={session} />
            )}
            {saved && !editing && (
              <p className="notice info" role="status" data-testid="edit-saved">
                {saved}
              </p>
            )}
            {!editing && (
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    setSaved(null);
                    setEditing(true);
                  }}
                  data-testid="edit-wrap-up"
                >
                  Correct the wrap-up
                </button>
                {confirmDelete ? (
                  <span role="group" aria-label="Delete this session?">
                    Delete this call from the log?{' '}
                    <button
                      type="button"
                      className="danger"
                      onClick={() => onDelete(session)}
                      data-testid="delete-confirm"
                    >
                      Delete
                    </button>{' '}
                    <button type="button" onClick={() => setConfirmDelete(false)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    onClick={() => setConfirmDelete(true)}
                    data-testid="delete-session"
                  >
                    Delete…
                  </button>
                )}
              </div>
            )}
            {(session.edits?.length ?? 0) > 0 && (
              <details className="edit-history" data-testid="edit-history" open>
                <summary>History of corrections</summary>
                <ul className="plain">
                  {session.edits?.map((edit, i) => (
                    <li key={i} data-testid="edit-history-entry">
                      {editText(edit)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {session.wrapUp.followUp.date !== null && session.wrapUp.followUp.doneAt === null && (
              <div className="actions">
                <button
                  type="button"
                  onClick={() => void markDone()}
                  disabled={marking}
                  data-testid="detail-mark-done"
                >
                  Mark follow-up done
                </button>
              </div>
            )}
          </section>
          <CallReview input={review} />
          <CallMetricsSummary call={session.call} priorities={session.wrapUp.priorities} compact />
        </>
      )}
    </main>
  );
}

function WrapUpSummary({ session }: { session: Session }) {
  const w = session.wrapUp;
  const fu = w.followUp;
  const rows: [string, string][] = [
    ['Resolution', resolutionText(w.resolution)],
    ['What is at stake', w.emotionalCatalyst],
    [
      'Ownership / apology',
      `${w.ownershipTaken ? 'Ownership taken' : 'No ownership noted'} · ${w.apologyGiven ? 'apologised' : 'no apology noted'}`,
    ],
    [
      'Escalation',
      w.escalation.kind === 'none'
        ? 'None'
        : `${ESCALATION_LABELS[w.escalation.kind]}${w.escalation.reason ? ` — ${w.escalation.reason}` : ''}`,
    ],
    [
      'Goodwill',
      w.goodwill.kind === 'none'
        ? 'None'
        : `${GOODWILL_LABELS[w.goodwill.kind]}${w.goodwill.value !== null ? ` ${w.goodwill.value}` : ''}${w.goodwill.note ? ` — ${w.goodwill.note}` : ''}`,
    ],
    [
      'Root cause',
      w.rootCause.category === null
        ? '—'
        : `${ROOT_CAUSE_LABELS[w.rootCause.category]}${w.rootCause.note ? ` — ${w.rootCause.note}` : ''}${w.rootCause.mayAffectOthers ? ' (may affect other customers)' : ''}`,
    ],
    [
      'Follow-up',
      fu.date === null
        ? 'None'
        : `${followUpText({ followUpDate: fu.date, followUpDone: fu.doneAt !== null })} by ${FOLLOW_UP_CHANNEL_LABELS[fu.channel].toLowerCase()}`,
    ],
  ];
  return (
    <div className="wrap-up-summary" data-testid="session-wrap-up">
      {w.priorities.length > 0 && (
        <ol className="summary-priorities">
          {w.priorities.map((p) => (
            <li key={p.id}>
              {p.text}{' '}
              <small className="muted">
                {PRIORITY_KIND_LABELS[p.kind].toLowerCase()}
                {p.confirmed ? ' · confirmed' : ''}
              </small>
            </li>
          ))}
        </ol>
      )}
      <dl className="summary-fields">
        {rows
          .filter(([, v]) => v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {w.nextSteps.length > 0 && (
        <>
          <h4>Next steps</h4>
          <ul className="plain">
            {w.nextSteps.map((s, i) => (
              <li key={i}>
                {s.what}
                {s.who ? ` — ${s.who}` : ''}
                {s.byWhen ? ` by ${formatDay(s.byWhen)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {w.notes && <p className="summary-notes">{w.notes}</p>}
    </div>
  );
}
