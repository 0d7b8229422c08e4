import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { NextStep } from '../../../preload/contract/session-schema';
import type { WrapUpAction } from './wrap-up-reducer';

interface Props {
  steps: readonly NextStep[];
  dispatch(action: WrapUpAction): void;
}

const BLANK: NextStep = { what: '', who: '', byWhen: null };

/**
 * What the agent told the customer will happen: what, who, by when. Tab walks what → who → by when →
 * the next row; the empty row at the end becomes a step as soon as something is typed in it. Alt+Backspace
 * removes the row.
 */
export function NextStepsEditor({ steps, dispatch }: Props) {
  const intl = useIntl();
  const whatInputs = useRef<(HTMLInputElement | null)[]>([]);
  const rows = [...steps, BLANK];
  // After a removal focus goes to the row above, in the same commit (before the next key is handled).
  const refocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (refocus.current === null) return;
    whatInputs.current[refocus.current]?.focus();
    refocus.current = null;
  });

  function set(i: number, patch: Partial<NextStep>) {
    if (i < steps.length) dispatch({ type: 'update-next-step', index: i, patch });
    else dispatch({ type: 'add-next-step', step: { ...BLANK, ...patch } });
  }

  function onKey(e: KeyboardEvent<HTMLElement>, i: number) {
    if (e.altKey && e.key === 'Backspace' && i < steps.length) {
      e.preventDefault();
      e.stopPropagation();
      refocus.current = Math.max(0, i - 1);
      dispatch({ type: 'remove-next-step', index: i });
    }
  }

  return (
    <ol className="next-steps" data-testid="wrap-up-next-steps">
      {rows.map((s, i) => (
        <li
          key={i}
          className={i < steps.length ? 'next-step' : 'next-step blank'}
          onKeyDown={(e) => onKey(e, i)}
        >
          <input
            ref={(el) => {
              whatInputs.current[i] = el;
            }}
            aria-label={intl.formatMessage({ id: 'wrap-up.next-step.what' }, { number: i + 1 })}
            placeholder={intl.formatMessage({
              id:
                i < steps.length
                  ? 'wrap-up.next-step.what.placeholder'
                  : 'wrap-up.next-step.add.placeholder',
            })}
            value={s.what}
            maxLength={2000}
            data-first-field={i === 0 ? '' : undefined}
            onChange={(e) => set(i, { what: e.target.value })}
          />
          <input
            aria-label={intl.formatMessage({ id: 'wrap-up.next-step.who' }, { number: i + 1 })}
            placeholder={intl.formatMessage({ id: 'wrap-up.next-step.who.placeholder' })}
            value={s.who}
            maxLength={200}
            onChange={(e) => set(i, { who: e.target.value })}
          />
          <input
            type="date"
            aria-label={intl.formatMessage({ id: 'wrap-up.next-step.by-when' }, { number: i + 1 })}
            value={s.byWhen ?? ''}
            onChange={(e) => set(i, { byWhen: e.target.value || null })}
          />
        </li>
      ))}
    </ol>
  );
}
