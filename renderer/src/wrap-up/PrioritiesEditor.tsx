import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PRIORITY_KIND_VALUES, type Priority } from '../../../preload/contract/session-schema';
import type { WrapUpAction } from './wrap-up-reducer';
import { PRIORITY_KIND_MESSAGES } from './wrap-up-steps';

interface Props {
  priorities: readonly Priority[];
  dispatch(action: WrapUpAction): void;
}

const newId = () => crypto.randomUUID();

/**
 * The restated priorities, most important first. Each row: the text, its type, "customer confirmed".
 * Keys in a row: Alt+1/2/3 type, Alt+C confirmed, Alt+↑/↓ rank, ↑/↓ the row above/below. The empty row
 * at the end adds a priority as soon as something is typed in it.
 */
export function PrioritiesEditor({ priorities, dispatch }: Props) {
  const intl = useIntl();
  /** A key chord's name as the title of what it does ("Alt+C"). */
  const altKey = (key: string) => intl.formatMessage({ id: 'wrap-up.key.alt' }, { key });
  const inputs = useRef(new Map<string, HTMLInputElement>());
  // The id the next typed priority gets: the empty row keeps it, so focus stays in place as it becomes real.
  const [blankId, setBlankId] = useState(newId);
  // A row that moved keeps focus: React may re-insert its input, which blurs it. Focus is put back in the
  // same commit, before the next key is handled (a frame later, it could land after that key had moved on).
  const refocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (refocus.current === null) return;
    inputs.current.get(refocus.current)?.focus();
    refocus.current = null;
  });
  const rows: { p: Priority | null; id: string }[] = [
    ...priorities.map((p) => ({ p, id: p.id })),
    { p: null, id: blankId },
  ];

  const focusRow = (i: number) => {
    const row = rows[Math.min(rows.length - 1, Math.max(0, i))];
    inputs.current.get(row.id)?.focus();
  };

  function onRowKey(e: KeyboardEvent<HTMLInputElement>, i: number, p: Priority | null) {
    const code = e.nativeEvent.code;
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const digit = /^Digit([1-3])$/.exec(code);
      if (p && digit) {
        e.preventDefault();
        e.stopPropagation();
        dispatch({
          type: 'update-priority',
          id: p.id,
          patch: { kind: PRIORITY_KIND_VALUES[Number(digit[1]) - 1] },
        });
      } else if (p && code === 'KeyC') {
        e.preventDefault();
        e.stopPropagation();
        dispatch({ type: 'update-priority', id: p.id, patch: { confirmed: !p.confirmed } });
      } else if (p && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        e.stopPropagation();
        const delta = e.key === 'ArrowUp' ? -1 : 1;
        if (i + delta < 0 || i + delta >= priorities.length) return;
        refocus.current = p.id;
        dispatch({ type: 'move-priority', id: p.id, delta });
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'Enter' && p && p.text.trim() !== '') {
      // Enter adds a priority, as in the coach's pad: this one is kept, the empty row takes the next.
      // (In the empty row Enter goes on to the next step.)
      e.preventDefault();
      e.stopPropagation();
      focusRow(rows.length - 1);
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i - 1);
    }
  }

  function onText(p: Priority | null, id: string, text: string) {
    if (p) dispatch({ type: 'update-priority', id, patch: { text } });
    else if (text !== '') {
      dispatch({
        type: 'add-priority',
        priority: { id, text, kind: 'technical', confirmed: false },
      });
      setBlankId(newId());
    }
  }

  return (
    <ol
      className="priority-list"
      aria-label={intl.formatMessage({ id: 'wrap-up.priorities.label' })}
      data-testid="wrap-up-priorities"
    >
      {rows.map(({ p, id }, i) => (
        <li
          key={id}
          className={p ? 'priority-row' : 'priority-row blank'}
          data-testid={p ? 'priority-row' : 'priority-new'}
        >
          <span className="rank" aria-hidden="true">
            {p ? p.rank : '+'}
          </span>
          <input
            ref={(el) => {
              if (el) inputs.current.set(id, el);
              else inputs.current.delete(id);
            }}
            aria-label={
              p
                ? intl.formatMessage({ id: 'wrap-up.priority.name' }, { rank: p.rank })
                : intl.formatMessage({ id: 'wrap-up.priority.add' })
            }
            placeholder={p ? '' : intl.formatMessage({ id: 'wrap-up.priority.add.placeholder' })}
            value={p?.text ?? ''}
            maxLength={2000}
            data-first-field={i === 0 ? '' : undefined}
            onChange={(e) => onText(p, id, e.target.value)}
            onKeyDown={(e) => onRowKey(e, i, p)}
          />
          {p && (
            <div className="priority-controls">
              <span
                className="kind-pick"
                role="group"
                aria-label={intl.formatMessage({ id: 'wrap-up.priority.kind' }, { rank: p.rank })}
              >
                {PRIORITY_KIND_VALUES.map((k, n) => (
                  <button
                    key={k}
                    type="button"
                    tabIndex={-1}
                    aria-pressed={p.kind === k}
                    title={altKey(String(n + 1))}
                    onClick={() =>
                      dispatch({ type: 'update-priority', id: p.id, patch: { kind: k } })
                    }
                  >
                    <FormattedMessage id={PRIORITY_KIND_MESSAGES[k]} />
                  </button>
                ))}
              </span>
              <label className="confirm" title={altKey('C')}>
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={p.confirmed}
                  onChange={() =>
                    dispatch({
                      type: 'update-priority',
                      id: p.id,
                      patch: { confirmed: !p.confirmed },
                    })
                  }
                />
                <FormattedMessage id="wrap-up.priority.confirmed" />
              </label>
              <span className="row-tools">
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={intl.formatMessage({ id: 'wrap-up.priority.up' }, { rank: p.rank })}
                  title={altKey('↑')}
                  onClick={() => dispatch({ type: 'move-priority', id: p.id, delta: -1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={intl.formatMessage({ id: 'wrap-up.priority.down' }, { rank: p.rank })}
                  title={altKey('↓')}
                  onClick={() => dispatch({ type: 'move-priority', id: p.id, delta: 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={intl.formatMessage(
                    { id: 'wrap-up.priority.remove' },
                    { rank: p.rank },
                  )}
                  onClick={() => dispatch({ type: 'remove-priority', id: p.id })}
                >
                  ✕
                </button>
              </span>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
