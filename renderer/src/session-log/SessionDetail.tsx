import { useEffect, useMemo, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Session } from '../../../preload/contract/session-schema';
import type { CallTimeline } from '../../engine/call-types';
import { hostApi } from '../api/host-api';
import { describeHostFailure, type HostFailure } from '../api/host-failure-text';
import { CallReview, type ReviewInput } from '../review/CallReview';
import { recordingUrlOf } from '../recording/recording-url';
import { CallMetricsSummary } from '../wrap-up/CallMetricsSummary';
import { formatClock } from '../live-coach/cue-copy';
import { VALUE_WORDS, formatDay, formatWhen, followUpText, resolutionText } from './session-format';
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

type Loaded =
  | { session: Session; timeline: CallTimeline | null }
  | { error: HostFailure }
  | { gone: true }
  | null;

/** One saved call: its wrap-up, its figures and its review. */
export function SessionDetail({ id, editor, onBack, onChanged, onDelete }: Props) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [marking, setMarking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const intl = useIntl();

  useEffect(() => {
    let live = true;
    setLoaded(null);
    void Promise.all([hostApi.getSession({ id }), hostApi.getTimeline({ id })]).then(([s, t]) => {
      if (!live) return;
      if (!s.ok) setLoaded({ error: s });
      else if (!s.value) setLoaded({ gone: true });
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
          <FormattedMessage id="log.detail.back" />
        </button>
      </div>
      {loaded === null && (
        <p className="muted">
          <FormattedMessage id="log.loading" />
        </p>
      )}
      {loaded && 'error' in loaded && (
        <p className="notice" role="alert">
          <FormattedMessage
            id="log.detail.not-read"
            values={{ error: describeHostFailure(loaded.error, intl) }}
          />
        </p>
      )}
      {loaded && 'gone' in loaded && (
        <p className="notice" role="alert">
          <FormattedMessage id="log.detail.gone" />
        </p>
      )}
      {session && review && (
        <>
          <section className="panel">
            <h2 className="detail-title">
              {formatWhen(session.startedAt, intl)} · {formatClock(session.call.durationSec)}
            </h2>
            <p className="muted detail-sub">
              <FormattedMessage
                id="log.detail.sub"
                values={{
                  agent: session.agent || intl.formatMessage({ id: 'log.detail.no-agent' }),
                  time: formatClock(session.afterCallWorkSec),
                }}
              />
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
                    intl.formatMessage({
                      id:
                        next.savedAt === session.savedAt
                          ? 'log.detail.nothing-changed'
                          : 'log.detail.correction-saved',
                    }),
                  );
                  if (loaded && 'session' in loaded) setLoaded({ ...loaded, session: next });
                  onChanged();
                }}
              />
            ) : (
              <WrapUpSummary session={session} intl={intl} />
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
                  <FormattedMessage id="log.detail.correct" />
                </button>
                {confirmDelete ? (
                  <span
                    role="group"
                    aria-label={intl.formatMessage({ id: 'log.detail.delete-group' })}
                  >
                    <FormattedMessage id="log.detail.delete-ask" />{' '}
                    <button
                      type="button"
                      className="danger"
                      onClick={() => onDelete(session)}
                      data-testid="delete-confirm"
                    >
                      <FormattedMessage id="log.detail.delete" />
                    </button>{' '}
                    <button type="button" onClick={() => setConfirmDelete(false)}>
                      <FormattedMessage id="log.detail.keep" />
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    onClick={() => setConfirmDelete(true)}
                    data-testid="delete-session"
                  >
                    <FormattedMessage id="log.detail.delete-start" />
                  </button>
                )}
              </div>
            )}
            {(session.edits?.length ?? 0) > 0 && (
              <details className="edit-history" data-testid="edit-history" open>
                <summary>
                  <FormattedMessage id="log.detail.history" />
                </summary>
                <ul className="plain">
                  {session.edits?.map((edit, i) => (
                    <li key={i} data-testid="edit-history-entry">
                      {editText(edit, intl)}
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
                  <FormattedMessage id="log.detail.mark-done" />
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

function WrapUpSummary({ session, intl }: { session: Session; intl: IntlShape }) {
  const w = session.wrapUp;
  const fu = w.followUp;
  const say = intl.formatMessage;
  const withNote = (what: string, note: string) =>
    note ? say({ id: 'log.summary.with-note' }, { what, note }) : what;
  const goodwill =
    w.goodwill.value !== null
      ? say(
          { id: 'log.summary.goodwill.value' },
          { kind: say({ id: VALUE_WORDS.goodwill[w.goodwill.kind] }), value: w.goodwill.value },
        )
      : say({ id: VALUE_WORDS.goodwill[w.goodwill.kind] });
  const cause =
    w.rootCause.category === null
      ? null
      : withNote(say({ id: VALUE_WORDS.rootCause[w.rootCause.category] }), w.rootCause.note);
  const rows: [string, string][] = [
    [say({ id: 'log.resolution' }), resolutionText(w.resolution, intl)],
    [say({ id: 'log.summary.catalyst' }), w.emotionalCatalyst],
    [
      say({ id: 'log.summary.ownership' }),
      say(
        { id: 'log.summary.ownership.value' },
        { ownership: w.ownershipTaken ? 'yes' : 'no', apology: w.apologyGiven ? 'yes' : 'no' },
      ),
    ],
    [
      say({ id: 'log.escalation' }),
      withNote(say({ id: VALUE_WORDS.escalation[w.escalation.kind] }), w.escalation.reason),
    ],
    [
      say({ id: 'log.summary.goodwill' }),
      w.goodwill.kind === 'none'
        ? say({ id: VALUE_WORDS.goodwill.none })
        : withNote(goodwill, w.goodwill.note),
    ],
    [
      say({ id: 'log.summary.root-cause' }),
      cause === null
        ? '—'
        : w.rootCause.mayAffectOthers
          ? say({ id: 'log.summary.root-cause.others' }, { cause })
          : cause,
    ],
    [
      say({ id: 'log.follow-up' }),
      fu.date === null
        ? say({ id: 'log.follow-up.none' })
        : say(
            { id: 'log.summary.follow-up' },
            {
              status: followUpText(
                { followUpDate: fu.date, followUpDone: fu.doneAt !== null },
                undefined,
                intl,
              ),
              channel: fu.channel,
            },
          ),
    ],
  ];
  return (
    <div className="wrap-up-summary" data-testid="session-wrap-up">
      {w.priorities.length > 0 && (
        <ol className="summary-priorities">
          {w.priorities.map((p) => {
            const kind = say({ id: VALUE_WORDS.priorityKind[p.kind] });
            return (
              <li key={p.id}>
                {p.text}{' '}
                <small className="muted">
                  {p.confirmed ? say({ id: 'coach.priorities.confirmed' }, { kind }) : kind}
                </small>
              </li>
            );
          })}
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
          <h4>
            <FormattedMessage id="log.summary.next-steps" />
          </h4>
          <ul className="plain">
            {w.nextSteps.map((s, i) => (
              <li key={i}>
                {s.byWhen
                  ? say(
                      { id: s.who ? 'log.summary.step.who-by' : 'log.summary.step.by' },
                      { what: s.what, who: s.who, date: formatDay(s.byWhen, intl) },
                    )
                  : s.who
                    ? say({ id: 'log.summary.step.who' }, { what: s.what, who: s.who })
                    : s.what}
              </li>
            ))}
          </ul>
        </>
      )}
      {w.notes && <p className="summary-notes">{w.notes}</p>}
    </div>
  );
}
