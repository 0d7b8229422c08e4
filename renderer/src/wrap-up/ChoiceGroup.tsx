import { useRef, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  label: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
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
  label,
  options,
  labels,
  value,
  onChange,
  first,
  testId,
}: Props<T>) {
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
      aria-label={label}
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
          <kbd aria-hidden="true">{i + 1}</kbd> {labels[option]}
        </button>
      ))}
    </div>
  );
}
