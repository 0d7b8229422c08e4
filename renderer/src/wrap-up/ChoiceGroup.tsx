import { useRef, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageKey } from '../i18n/catalogue';

interface Props<T extends string> {
  /** The group's name in the catalogue. */
  labelKey: MessageKey;
  options: readonly T[];
  /** Each option's words in the catalogue. */
  labels: Readonly<Record<T, MessageKey>>;
  value: T | null;
  onChange(value: T): void;
  /** The step's first field: focus lands here when the step opens. */
  first?: boolean;
  testId?: string;
}

/**
 * A radio group as numbered buttons: the number keys pick (1 = the first), arrows move, the numbers are
 * printed on the buttons. One tab stop (the checked option, else the first).
 */
export function ChoiceGroup<T extends string>({
  labelKey,
  options,
  labels,
  value,
  onChange,
  first,
  testId,
}: Props<T>) {
  const intl = useIntl();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const checkedIndex = value === null ? -1 : options.indexOf(value);

  function pick(i: number) {
    if (i < 0 || i >= options.length) return;
    onChange(options[i]);
    refs.current[i]?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const digit =
      /^Digit([1-9])$/.exec(e.nativeEvent.code) ?? /^Numpad([1-9])$/.exec(e.nativeEvent.code);
    const current = Math.max(
      0,
      refs.current.findIndex((b) => b === document.activeElement),
    );
    if (digit) {
      e.preventDefault();
      pick(Number(digit[1]) - 1);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault();
      pick((current + 1) % options.length);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      pick((current - 1 + options.length) % options.length);
    } else if (e.key === ' ') {
      e.preventDefault();
      pick(current);
    }
  }

  return (
    <div
      role="radiogroup"
      aria-label={intl.formatMessage({ id: labelKey })}
      className="choice-group"
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {options.map((option, i) => (
        <button
          key={option}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={i === checkedIndex}
          tabIndex={i === (checkedIndex < 0 ? 0 : checkedIndex) ? 0 : -1}
          data-first-field={first && i === (checkedIndex < 0 ? 0 : checkedIndex) ? '' : undefined}
          data-value={option}
          onClick={() => pick(i)}
        >
          <kbd aria-hidden="true">{i + 1}</kbd> <FormattedMessage id={labels[option]} />
        </button>
      ))}
    </div>
  );
}
