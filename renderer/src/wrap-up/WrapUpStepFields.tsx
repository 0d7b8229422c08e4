import type { MutableRefObject } from 'react';
import {
  ESCALATION_VALUES,
  FOLLOW_UP_CHANNEL_VALUES,
  GOODWILL_VALUES,
  RESOLUTION_VALUES,
  ROOT_CAUSE_VALUES,
  type WrapUp,
} from '../../../preload/contract/session-schema';
import { ChoiceGroup } from './ChoiceGroup';
import { NextStepsEditor } from './NextStepsEditor';
import { PrioritiesEditor } from './PrioritiesEditor';
import { localDayAfter } from '../../../preload/domain/calendar-day';
import type { WrapUpAction } from './wrap-up-reducer';
import {
  ESCALATION_LABELS,
  FOLLOW_UP_CHANNEL_LABELS,
  GOODWILL_LABELS,
  RESOLUTION_LABELS,
  ROOT_CAUSE_LABELS,
  type WrapUpStep,
} from './wrap-up-steps';
import { countOf, en } from '../../../preload/domain/count-words';

interface Props {
  step: WrapUpStep;
  wrapUp: WrapUp;
  endedAt: string;
  followUpDays: number;
  dispatch(action: WrapUpAction): void;
  /** Set by the step: what Alt+1…9 picks (the step's main choices). */
  chooseRef: MutableRefObject<(index: number) => void>;
}

const OWNERSHIP_TOGGLES = [
  { key: 'ownershipTaken', label: 'I took ownership of the problem' },
  { key: 'apologyGiven', label: 'I apologised' },
] as const;

/** The fields of one wrap-up step. The element marked data-first-field gets focus when the step opens. */
export function WrapUpStepFields({
  step,
  wrapUp: w,
  endedAt,
  followUpDays,
  dispatch,
  chooseRef,
}: Props) {
  chooseRef.current = () => undefined;
  const pickFrom = <T extends string>(values: readonly T[], apply: (v: T) => void) => {
    chooseRef.current = (i) => {
      if (i < values.length) apply(values[i]);
    };
  };

  switch (step) {
    case 'priorities':
      return <PrioritiesEditor priorities={w.priorities} dispatch={dispatch} />;

    case 'catalyst':
      return (
        <label className="field">
          <span>What is really at stake for the customer?</span>
          <input
            value={w.emotionalCatalyst}
            maxLength={5000}
            placeholder="e.g. rent is due on Friday, the refund pays it"
            data-first-field=""
            onChange={(e) =>
              dispatch({ type: 'set', patch: { emotionalCatalyst: e.target.value } })
            }
          />
        </label>
      );

    case 'ownership': {
      const toggle = (key: (typeof OWNERSHIP_TOGGLES)[number]['key']) =>
        dispatch({ type: 'set', patch: { [key]: !w[key] } });
      chooseRef.current = (i) => {
        if (i < OWNERSHIP_TOGGLES.length) toggle(OWNERSHIP_TOGGLES[i].key);
      };
      return (
        <div
          role="group"
          aria-label="Ownership and apology"
          className="toggle-group"
          onKeyDown={(e) => {
            const digit = /^Digit([12])$/.exec(e.nativeEvent.code);
            if (!digit || e.altKey || e.ctrlKey || e.metaKey) return;
            e.preventDefault();
            toggle(OWNERSHIP_TOGGLES[Number(digit[1]) - 1].key);
          }}
        >
          {OWNERSHIP_TOGGLES.map((t, i) => (
            <label key={t.key} className="toggle">
              <input
                type="checkbox"
                checked={w[t.key]}
                data-first-field={i === 0 ? '' : undefined}
                onChange={() => toggle(t.key)}
              />
              <kbd aria-hidden="true">{i + 1}</kbd> {t.label}
            </label>
          ))}
        </div>
      );
    }

    case 'resolution':
      pickFrom(RESOLUTION_VALUES, (v) => dispatch({ type: 'set', patch: { resolution: v } }));
      return (
        <ChoiceGroup
          label="Resolution"
          options={RESOLUTION_VALUES}
          labels={RESOLUTION_LABELS}
          value={w.resolution}
          first
          testId="choice-resolution"
          onChange={(v) => dispatch({ type: 'set', patch: { resolution: v } })}
        />
      );

    case 'next-steps':
      return <NextStepsEditor steps={w.nextSteps} dispatch={dispatch} />;

    case 'escalation':
      pickFrom(ESCALATION_VALUES, (v) => dispatch({ type: 'set-escalation', patch: { kind: v } }));
      return (
        <>
          <ChoiceGroup
            label="Escalation"
            options={ESCALATION_VALUES}
            labels={ESCALATION_LABELS}
            value={w.escalation.kind}
            first
            testId="choice-escalation"
            onChange={(v) => dispatch({ type: 'set-escalation', patch: { kind: v } })}
          />
          <label className="field">
            <span>Reason{w.escalation.kind === 'none' ? ' (if escalated)' : ''}</span>
            <input
              value={w.escalation.reason}
              maxLength={5000}
              onChange={(e) =>
                dispatch({ type: 'set-escalation', patch: { reason: e.target.value } })
              }
            />
          </label>
        </>
      );

    case 'goodwill':
      pickFrom(GOODWILL_VALUES, (v) => dispatch({ type: 'set-goodwill', patch: { kind: v } }));
      return (
        <>
          <ChoiceGroup
            label="Goodwill gesture"
            options={GOODWILL_VALUES}
            labels={GOODWILL_LABELS}
            value={w.goodwill.kind}
            first
            testId="choice-goodwill"
            onChange={(v) => dispatch({ type: 'set-goodwill', patch: { kind: v } })}
          />
          {w.goodwill.kind !== 'none' && (
            <div className="field-row">
              <label className="field">
                <span>Value</span>
                <input
                  type="number"
                  min={0}
                  step="0.01"
                  inputMode="decimal"
                  value={w.goodwill.value ?? ''}
                  onChange={(e) => {
                    const v = e.target.value === '' ? null : Number(e.target.value);
                    dispatch({
                      type: 'set-goodwill',
                      patch: {
                        value: v === null || (Number.isFinite(v) && v >= 0) ? v : w.goodwill.value,
                      },
                    });
                  }}
                />
              </label>
              <label className="field grow">
                <span>Note</span>
                <input
                  value={w.goodwill.note}
                  maxLength={2000}
                  onChange={(e) =>
                    dispatch({ type: 'set-goodwill', patch: { note: e.target.value } })
                  }
                />
              </label>
            </div>
          )}
        </>
      );

    case 'root-cause':
      pickFrom(ROOT_CAUSE_VALUES, (v) =>
        dispatch({ type: 'set-root-cause', patch: { category: v } }),
      );
      return (
        <>
          <ChoiceGroup
            label="Root cause"
            options={ROOT_CAUSE_VALUES}
            labels={ROOT_CAUSE_LABELS}
            value={w.rootCause.category}
            first
            testId="choice-root-cause"
            onChange={(v) => dispatch({ type: 'set-root-cause', patch: { category: v } })}
          />
          <label className="field">
            <span>Note</span>
            <input
              value={w.rootCause.note}
              maxLength={5000}
              onChange={(e) =>
                dispatch({ type: 'set-root-cause', patch: { note: e.target.value } })
              }
            />
          </label>
          <label className="toggle">
            <input
              type="checkbox"
              checked={w.rootCause.mayAffectOthers}
              onChange={() =>
                dispatch({
                  type: 'set-root-cause',
                  patch: { mayAffectOthers: !w.rootCause.mayAffectOthers },
                })
              }
            />
            May affect other customers
          </label>
        </>
      );

    case 'follow-up':
      pickFrom(FOLLOW_UP_CHANNEL_VALUES, (v) =>
        dispatch({ type: 'set-follow-up', patch: { channel: v } }),
      );
      return (
        <>
          <div className="field-row">
            <label className="field">
              <span>Follow up on</span>
              <input
                type="date"
                value={w.followUp.date ?? ''}
                data-first-field=""
                onChange={(e) =>
                  dispatch({ type: 'set-follow-up', patch: { date: e.target.value || null } })
                }
              />
            </label>
            {w.followUp.date === null ? (
              <button
                type="button"
                onClick={() =>
                  dispatch({
                    type: 'set-follow-up',
                    patch: { date: localDayAfter(new Date(endedAt), followUpDays) },
                  })
                }
              >
                In {countOf(followUpDays, en('day'))}
              </button>
            ) : (
              <button
                type="button"
                onClick={() => dispatch({ type: 'set-follow-up', patch: { date: null } })}
              >
                No follow-up
              </button>
            )}
          </div>
          <ChoiceGroup
            label="Follow-up channel (Alt+1…3)"
            options={FOLLOW_UP_CHANNEL_VALUES}
            labels={FOLLOW_UP_CHANNEL_LABELS}
            value={w.followUp.channel}
            testId="choice-follow-up-channel"
            onChange={(v) => dispatch({ type: 'set-follow-up', patch: { channel: v } })}
          />
        </>
      );

    case 'reference':
      return (
        <>
          <label className="field">
            <span>Case or ticket reference</span>
            <input
              value={w.caseReference}
              maxLength={200}
              data-first-field=""
              onChange={(e) => dispatch({ type: 'set', patch: { caseReference: e.target.value } })}
            />
          </label>
          <label className="field">
            <span>Notes (Enter: new line)</span>
            <textarea
              rows={4}
              value={w.notes}
              maxLength={1_000_000}
              onChange={(e) => dispatch({ type: 'set', patch: { notes: e.target.value } })}
            />
          </label>
        </>
      );
  }
}
