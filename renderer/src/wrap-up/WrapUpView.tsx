import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Settings } from '../api/host-api';
import { formatClock } from '../live-coach/cue-copy';
import { CallMetricsSummary } from './CallMetricsSummary';
import { WrapUpStepFields } from './WrapUpStepFields';
import { WrapUpSaved } from './WrapUpSaved';
import { afterCallWorkSec } from './wrap-up-draft';
import { keyTargetOf, wrapUpCommand } from './wrap-up-keys';
import { isStepTouched } from './wrap-up-reducer';
import {
  STEP_MESSAGES,
  STEP_NAV_MESSAGES,
  WRAP_UP_STEPS,
  isStepComplete,
  stepIndex,
} from './wrap-up-steps';
import type { UseWrapUp } from './use-wrap-up';
import { autosaveErrorText, endTime, noticeText, problemText } from './wrap-up-words';
import type { MessageKey } from '../i18n/catalogue';
import './wrap-up.css';

interface Props {
  wrapUp: UseWrapUp;
  settings: Settings | null;
  /** Called after a successful save (the app may go back to the coach). */
  onSaved?(): void;
}

const AUTOSAVE_MESSAGES = {
  idle: null,
  pending: 'wrap-up.autosave.saving',
  saving: 'wrap-up.autosave.saving',
  saved: 'wrap-up.autosave.saved',
  error: 'wrap-up.autosave.error',
} as const satisfies Record<string, MessageKey | null>;

/** The key names printed in a message (<kbd>…</kbd>): the keyboard's own words in each language. */
const kbd = (chunks: ReactNode[]) => <kbd>{chunks}</kbd>;

/** The guided wrap-up: one playbook step at a time, keyboard first, autosaved. */
export function WrapUpView({ wrapUp, settings, onSaved }: Props) {
  const { draft } = wrapUp;
  const rootRef = useRef<HTMLElement>(null);
  const chooseRef = useRef<(index: number) => void>(() => undefined);
  const [now, setNow] = useState(() => new Date());
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const intl = useIntl();

  const draftCallId = draft?.callId;
  useEffect(() => {
    if (!draftCallId) return undefined;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [draftCallId]);

  // Focus lands in the step's first field whenever the step changes (and when the wrap-up opens), before
  // the step is painted, so the first key typed after it appears goes into it.
  const step = draft?.step;
  useLayoutEffect(() => {
    if (!step) return;
    const el = rootRef.current?.querySelector<HTMLElement>('.wrap-up-step [data-first-field]');
    el?.focus();
  }, [step, draft?.callId]);

  if (!draft) {
    return (
      <main className="wrap-up" data-testid="wrap-up-empty">
        {wrapUp.lastDiscarded ? (
          <p className="notice info" role="status" data-testid="wrap-up-discarded">
            <FormattedMessage
              id="wrap-up.discarded"
              values={{ time: endTime(wrapUp.lastDiscarded.endedAt, intl) }}
            />
          </p>
        ) : wrapUp.lastSaved ? (
          <WrapUpSaved afterCallWorkSec={wrapUp.lastSaved.afterCallWorkSec} />
        ) : (
          <p className="muted">
            <FormattedMessage id="wrap-up.empty" />
          </p>
        )}
      </main>
    );
  }

  const required = settings?.wrapUp.requiredSteps ?? [];
  const w = draft.wrapUp;
  const index = stepIndex(draft.step);
  const acw = afterCallWorkSec(draft.endedAt, now);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.defaultPrevented) return;
    const command = wrapUpCommand(
      {
        key: e.key,
        code: e.nativeEvent.code,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
      },
      keyTargetOf(e.target as Element),
    );
    if (!command) return;
    e.preventDefault();
    if (command.kind === 'save') void save();
    else if (command.kind === 'choose') chooseRef.current(command.index);
    else wrapUp.dispatch({ type: command.kind });
  }

  function autosaveText(): string {
    const { status, error } = wrapUp.autosave;
    if (error) return autosaveErrorText(error, intl);
    const id = AUTOSAVE_MESSAGES[status];
    return id ? intl.formatMessage({ id }) : '';
  }

  async function save() {
    const saved = await wrapUp.save();
    if (saved) onSaved?.();
  }

  return (
    <main
      className="wrap-up"
      ref={rootRef}
      onKeyDown={onKeyDown}
      onBlur={() => void wrapUp.flush()}
      data-testid="wrap-up"
      data-step={draft.step}
      data-call-id={draft.callId}
    >
      <div className="wrap-up-head">
        <h2>
          <FormattedMessage id="wrap-up.heading" />
        </h2>
        <span
          className="acw"
          data-testid="acw-timer"
          title={intl.formatMessage({ id: 'wrap-up.acw.title' })}
        >
          <FormattedMessage
            id="wrap-up.acw"
            values={{
              clock: formatClock(acw),
              strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
            }}
          />
        </span>
        <span
          className="draft-status"
          role="status"
          data-testid="draft-status"
          data-state={wrapUp.autosave.status}
        >
          {autosaveText()}
        </span>
      </div>
      {wrapUp.restored && (
        <p className="notice info" data-testid="draft-restored">
          <FormattedMessage
            id="wrap-up.restored"
            values={{
              when: intl.formatDate(new Date(draft.endedAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            }}
          />
        </p>
      )}
      {wrapUp.notice && (
        <p className="notice info" role="status" data-testid="wrap-up-notice">
          {noticeText(wrapUp.notice, intl)}
        </p>
      )}
      <ol className="step-nav" aria-label={intl.formatMessage({ id: 'wrap-up.steps.label' })}>
        {WRAP_UP_STEPS.map((s, i) => {
          // Answered once the agent edited the step or confirmed it with Next — a default alone is not.
          const done = isStepTouched(draft, s) && isStepComplete(s, w);
          const req = required.includes(s);
          const state = done ? 'answered' : req ? 'required' : '';
          return (
            <li key={s}>
              <button
                type="button"
                tabIndex={-1}
                aria-current={s === draft.step ? 'step' : undefined}
                data-state={done ? 'done' : req ? 'required' : 'open'}
                data-testid="step-nav-item"
                title={intl.formatMessage({ id: STEP_MESSAGES[s] })}
                onClick={() => wrapUp.dispatch({ type: 'goto', step: s })}
              >
                <span className="step-number">{intl.formatNumber(i + 1)}</span>{' '}
                <FormattedMessage id={STEP_NAV_MESSAGES[s]} />
                {state && (
                  <span className="step-state">
                    {' '}
                    <FormattedMessage
                      id={done ? 'wrap-up.state.answered' : 'wrap-up.state.required'}
                    />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <section className="panel wrap-up-step" aria-labelledby="wrap-up-step-title">
        <h3 id="wrap-up-step-title" data-testid="wrap-up-step-title">
          <span className="muted">
            <FormattedMessage
              id="wrap-up.position"
              values={{ index: index + 1, total: WRAP_UP_STEPS.length }}
            />
          </span>{' '}
          <FormattedMessage id={STEP_MESSAGES[draft.step]} />
          {required.includes(draft.step) ? (
            <span className="required-tag">
              <FormattedMessage id="wrap-up.state.required" />
            </span>
          ) : (
            <span className="muted skip-tag">
              <FormattedMessage id="wrap-up.state.optional" />
            </span>
          )}
        </h3>
        <WrapUpStepFields
          step={draft.step}
          wrapUp={w}
          endedAt={draft.endedAt}
          followUpDays={settings?.wrapUp.followUpDays ?? 30}
          dispatch={wrapUp.dispatch}
          chooseRef={chooseRef}
        />
      </section>
      {wrapUp.problem && (
        <p className="notice" role="alert" data-testid="wrap-up-problem">
          {problemText(wrapUp.problem, intl)}
        </p>
      )}
      <div className="actions wrap-up-actions">
        <button
          type="button"
          onClick={() => wrapUp.dispatch({ type: 'back' })}
          disabled={index === 0}
        >
          <FormattedMessage id="wrap-up.back" values={{ kbd }} />
        </button>
        <button
          type="button"
          onClick={() => wrapUp.dispatch({ type: 'next' })}
          disabled={index === WRAP_UP_STEPS.length - 1}
        >
          <FormattedMessage id="wrap-up.next" values={{ kbd }} />
        </button>
        {confirmDiscard ? (
          <span
            role="group"
            aria-label={intl.formatMessage({ id: 'wrap-up.discard.question' })}
            className="discard-confirm"
          >
            <FormattedMessage id="wrap-up.discard.warning" />{' '}
            <button
              type="button"
              onClick={() => void wrapUp.discard().then(() => setConfirmDiscard(false))}
              disabled={wrapUp.saving}
              data-testid="discard-confirm"
            >
              <FormattedMessage id="wrap-up.discard.confirm" />
            </button>{' '}
            <button type="button" onClick={() => setConfirmDiscard(false)}>
              <FormattedMessage id="wrap-up.discard.keep" />
            </button>
          </span>
        ) : (
          <button
            type="button"
            onClick={() => setConfirmDiscard(true)}
            disabled={wrapUp.saving}
            data-testid="discard-call"
          >
            <FormattedMessage id="wrap-up.discard" />
          </button>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={wrapUp.saving}
          data-testid="save-wrap-up"
        >
          <FormattedMessage id="wrap-up.save" values={{ kbd }} />
        </button>
      </div>
      <p className="key-hints muted" data-testid="key-hints">
        <FormattedMessage
          id={
            draft.step === 'priorities'
              ? 'wrap-up.keys.priorities'
              : draft.step === 'next-steps'
                ? 'wrap-up.keys.next-steps'
                : 'wrap-up.keys.choices'
          }
        />{' '}
        <FormattedMessage id="wrap-up.keys.common" />
      </p>
      <CallMetricsSummary call={draft.call} priorities={w.priorities} />
    </main>
  );
}
