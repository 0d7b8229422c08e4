import type { MutableRefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  ESCALATION_MESSAGES,
  FOLLOW_UP_CHANNEL_MESSAGES,
  GOODWILL_MESSAGES,
  RESOLUTION_MESSAGES,
  ROOT_CAUSE_MESSAGES,
  type WrapUpStep,
} from './wrap-up-steps';

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
  { key: 'ownershipTaken', message: 'wrap-up.field.ownership-taken' },
  { key: 'apologyGiven', message: 'wrap-up.field.apology-given' },
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
  const intl = useIntl();
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
          <span>
            <FormattedMessage id="wrap-up.field.catalyst" />
          </span>
          <input
            value={w.emotionalCatalyst}
            maxLength={5000}
            placeholder={intl.formatMessage({ id: 'wrap-up.field.catalyst.placeholder' })}
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
          aria-label={intl.formatMessage({ id: 'wrap-up.step.ownership' })}
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
              <kbd aria-hidden="true">{i + 1}</kbd> <FormattedMessage id={t.message} />
            </label>
          ))}
        </div>
      );
    }

    case 'resolution':
      pickFrom(RESOLUTION_VALUES, (v) => dispatch({ type: 'set', patch: { resolution: v } }));
      return (
        <ChoiceGroup
          labelKey="wrap-up.step.resolution"
          options={RESOLUTION_VALUES}
          labels={RESOLUTION_MESSAGES}
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
            labelKey="wrap-up.step.escalation"
            options={ESCALATION_VALUES}
            labels={ESCALATION_MESSAGES}
            value={w.escalation.kind}
            first
            testId="choice-escalation"
            onChange={(v) => dispatch({ type: 'set-escalation', patch: { kind: v } })}
          />
          <label className="field">
            <span>
              <FormattedMessage
                id={
                  w.escalation.kind === 'none'
                    ? 'wrap-up.field.reason-if-escalated'
                    : 'wrap-up.field.reason'
                }
              />
            </span>
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
            labelKey="wrap-up.step.goodwill"
            options={GOODWILL_VALUES}
            labels={GOODWILL_MESSAGES}
            value={w.goodwill.kind}
            first
            testId="choice-goodwill"
            onChange={(v) => dispatch({ type: 'set-goodwill', patch: { kind: v } })}
          />
          {w.goodwill.kind !== 'none' && (
            <div className="field-row">
              <label className="field">
                <span>
                  <FormattedMessage id="wrap-up.field.value" />
                </span>
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
                <span>
                  <FormattedMessage id="wrap-up.field.note" />
                </span>
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
            labelKey="wrap-up.step.root-cause"
            options={ROOT_CAUSE_VALUES}
            labels={ROOT_CAUSE_MESSAGES}
            value={w.rootCause.category}
            first
            testId="choice-root-cause"
            onChange={(v) => dispatch({ type: 'set-root-cause', patch: { category: v } })}
          />
          <label className="field">
            <span>
              <FormattedMessage id="wrap-up.field.note" />
            </span>
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
            <FormattedMessage id="wrap-up.field.may-affect-others" />
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
              <span>
                <FormattedMessage id="wrap-up.field.follow-up-on" />
              </span>
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
                <FormattedMessage id="wrap-up.field.follow-up-in" values={{ days: followUpDays }} />
              </button>
            ) : (
              <button
                type="button"
                onClick={() => dispatch({ type: 'set-follow-up', patch: { date: null } })}
              >
                <FormattedMessage id="wrap-up.field.no-follow-up" />
              </button>
            )}
          </div>
          <ChoiceGroup
            labelKey="wrap-up.field.follow-up-channel"
            options={FOLLOW_UP_CHANNEL_VALUES}
            labels={FOLLOW_UP_CHANNEL_MESSAGES}
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
            <span>
              <FormattedMessage id="wrap-up.field.case-reference" />
            </span>
            <input
              value={w.caseReference}
              maxLength={200}
              data-first-field=""
              onChange={(e) => dispatch({ type: 'set', patch: { caseReference: e.target.value } })}
            />
          </label>
          <label className="field">
            <span>
              <FormattedMessage id="wrap-up.field.notes" />
            </span>
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
