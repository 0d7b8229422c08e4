import { FormattedMessage, useIntl } from 'react-intl';
import type { ScenarioSummary } from '../../../preload/contract/practice-schema';
import { orderScenarios } from './scenario-order';

interface Props {
  scenarios: readonly ScenarioSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  onExport(id: string): void;
  onDelete(id: string): void;
}

/**
 * The scenarios as one radio group (arrow keys move the choice), each with Export; the agent's own with
 * Delete too. Those shipped with the app say so, in which language, and whose voice they are (their
 * licence asks for it); those in the page's language come first (scenario-order.ts).
 */
export function ScenarioList({ scenarios, selectedId, onSelect, onExport, onDelete }: Props) {
  const intl = useIntl();
  if (scenarios.length === 0)
    return (
      <p className="muted" data-testid="practice-no-scenarios">
        <FormattedMessage id="practice.scenarios.none" />
      </p>
    );
  return (
    <fieldset className="practice-scenarios">
      <legend>
        <FormattedMessage id="practice.scenarios" />
      </legend>
      <ul className="plain" data-testid="practice-scenarios">
        {orderScenarios(scenarios, intl.locale).map((s) => (
          <li
            key={s.id}
            data-testid="practice-scenario"
            data-id={s.id}
            data-shipped={String(s.shipped)}
          >
            <label
              style={{ display: 'flex', gap: 6, alignItems: 'baseline', flex: 1, minWidth: 0 }}
            >
              <input
                type="radio"
                name="practice-scenario"
                checked={s.id === selectedId}
                onChange={() => onSelect(s.id)}
              />
              <span style={{ overflowWrap: 'anywhere' }}>
                {s.title}{' '}
                <small className="muted">
                  <FormattedMessage
                    id="practice.scenario.summary"
                    values={{ turns: s.turns, seconds: Math.round(s.durationSec) }}
                  />
                </small>
                {s.shipped && (
                  <small className="muted" style={{ display: 'block' }}>
                    <FormattedMessage id="practice.scenario.shipped" />
                    {s.language && (
                      <>
                        {' · '}
                        <span data-testid="practice-scenario-language">
                          {languageName(s.language, intl.locale)}
                        </span>
                      </>
                    )}
                    {s.source.credit && (
                      <>
                        {' · '}
                        <span data-testid="practice-scenario-credit">{s.source.credit}</span>
                      </>
                    )}
                  </small>
                )}
              </span>
            </label>
            <button
              type="button"
              onClick={() => onExport(s.id)}
              aria-label={intl.formatMessage({ id: 'practice.export.named' }, { title: s.title })}
            >
              <FormattedMessage id="practice.export" />
            </button>
            {!s.shipped && (
              <button
                type="button"
                onClick={() => onDelete(s.id)}
                aria-label={intl.formatMessage({ id: 'practice.delete.named' }, { title: s.title })}
              >
                <FormattedMessage id="practice.delete" />
              </button>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A language's name in the page's language ("français" in a French page, "French" in an English one). */
function languageName(tag: string, pageLocale: string): string {
  try {
    return new Intl.DisplayNames([pageLocale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
