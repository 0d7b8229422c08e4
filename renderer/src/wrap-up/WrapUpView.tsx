import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Settings } from '../api/host-api';
import { formatClock } from '../live-coach/cue-copy';
import { CallMetricsSummary } from './CallMetricsSummary';
import { WrapUpStepFields } from './WrapUpStepFields';
import { WrapUpSaved } from './WrapUpSaved';
import { afterCallWorkSec } from './wrap-up-draft';
import { keyTargetOf, wrapUpCommand } from './wrap-up-keys';
import { isStepTouched } from './wrap-up-reducer';
import {
  STEP_NAV_NAMES,
  STEP_TITLES,
  WRAP_UP_STEPS,
  isStepComplete,
  stepIndex,
} from './wrap-up-steps';
import type { UseWrapUp } from './use-wrap-up';
import './wrap-up.css';

interface Props {
  wrapUp: UseWrapUp;
  settings: Settings | null;
  /** Called after a successful save (the app may go back to the coach). */
  onSaved?(): void;
}

const AUTOSAVE_TEXT = {
  idle: '',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Draft saved',
  error: 'Draft not saved',
} as const;

/** The guided wrap-up: one playbook step at a time, keyboard first, autosaved. */
export function WrapUpView({ wrapUp, settings, onSaved }: Props) {
  const { draft } = wrapUp;
  const rootRef = useRef<HTMLElement>(null);
  const chooseRef = useRef<(index: number) => void>(() => undefined);
  const [now, setNow] = useState(() => new Date());
  const [confirmDiscard, setConfirmDiscard] = useState(false);

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
            Discarded the call that ended at{' '}
            {new Date(wrapUp.lastDiscarded.endedAt).toLocaleTimeString()}: nothing was kept.
          </p>
        ) : wrapUp.lastSaved ? (
          <WrapUpSaved afterCallWorkSec={wrapUp.lastSaved.afterCallWorkSec} />
        ) : (
          <p className="muted">No wrap-up is open. One opens when a call ends.</p>
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
        <h2>Wrap-up</h2>
        <span
          className="acw"
          data-testid="acw-timer"
          title="After-call work: time since the call ended"
        >
          After-call work <strong>{formatClock(acw)}</strong>
        </span>
        <span
          className="draft-status"
          role="status"
          data-testid="draft-status"
          data-state={wrapUp.autosave.status}
        >
          {AUTOSAVE_TEXT[wrapUp.autosave.status]}
          {wrapUp.autosave.error ? `: ${wrapUp.autosave.error}` : ''}
        </span>
      </div>
      {wrapUp.restored && (
        <p className="notice info" data-testid="draft-restored">
          Restored the wrap-up you were working on (call ended{' '}
          {new Date(draft.endedAt).toLocaleString()}).
        </p>
      )}
      {wrapUp.notice && (
        <p className="notice info" role="status" data-testid="wrap-up-notice">
          {wrapUp.notice}
        </p>
      )}
      <ol className="step-nav" aria-label="Wrap-up steps">
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
                title={STEP_TITLES[s]}
                onClick={() => wrapUp.dispatch({ type: 'goto', step: s })}
              >
                <span className="step-number">{i + 1}</span> {STEP_NAV_NAMES[s]}
                {state && <span className="step-state"> {done ? '✓ answered' : 'required'}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <section className="panel wrap-up-step" aria-labelledby="wrap-up-step-title">
        <h3 id="wrap-up-step-title" data-testid="wrap-up-step-title">
          <span className="muted">
            {index + 1}/{WRAP_UP_STEPS.length}
          </span>{' '}
          {STEP_TITLES[draft.step]}
          {required.includes(draft.step) ? (
            <span className="required-tag">required</span>
          ) : (
            <span className="muted skip-tag">optional</span>
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
          {wrapUp.problem}
        </p>
      )}
      <div className="actions wrap-up-actions">
        <button
          type="button"
          onClick={() => wrapUp.dispatch({ type: 'back' })}
          disabled={index === 0}
        >
          ← Back <kbd>Shift+Enter</kbd>
        </button>
        <button
          type="button"
          onClick={() => wrapUp.dispatch({ type: 'next' })}
          disabled={index === WRAP_UP_STEPS.length - 1}
        >
          Next <kbd>Enter</kbd> →
        </button>
        {confirmDiscard ? (
          <span role="group" aria-label="Discard this call?" className="discard-confirm">
            Discard this call? Nothing is kept.{' '}
            <button
              type="button"
              onClick={() => void wrapUp.discard().then(() => setConfirmDiscard(false))}
              disabled={wrapUp.saving}
              data-testid="discard-confirm"
            >
              Discard
            </button>{' '}
            <button type="button" onClick={() => setConfirmDiscard(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button
            type="button"
            onClick={() => setConfirmDiscard(true)}
            disabled={wrapUp.saving}
            data-testid="discard-call"
          >
            Discard this call…
          </button>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={wrapUp.saving}
          data-testid="save-wrap-up"
        >
          Save wrap-up <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
      <p className="key-hints muted" data-testid="key-hints">
        {draft.step === 'priorities'
          ? 'Enter adds the next priority (in the empty row: next step) · Alt+1 technical · Alt+2 administrative · Alt+3 emotional · Alt+C confirmed · Alt+↑/↓ rank · ↑/↓ rows. '
          : draft.step === 'next-steps'
            ? 'Tab: what → who → by when → next row · Alt+Backspace removes a row. '
            : 'Number keys pick a choice (Alt+number from a text box). '}
        Enter next · Shift+Enter or Alt+← back · Ctrl+Enter save.
      </p>
      <CallMetricsSummary call={draft.call} priorities={w.priorities} />
    </main>
  );
}
