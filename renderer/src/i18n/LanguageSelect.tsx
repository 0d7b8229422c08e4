import { FormattedMessage, useIntl } from 'react-intl';
import type { LanguageSetting } from '../../../preload/contract/settings-schema';
import { LANGUAGE_CHOICES, PSEUDO_LOCALE, resolveLocale } from './locales';

interface Props {
  value: LanguageSetting;
  systemLanguages: readonly string[] | undefined;
  onChange(language: LanguageSetting): void;
}

/**
 * Settings → Language: "System (the language it gives)" and each language named in itself. The
 * pseudo-locale, chosen by tests through the settings, shows as itself while it is on.
 */
export function LanguageSelect({ value, systemLanguages, onChange }: Props) {
  const intl = useIntl();
  const system = resolveLocale('system', systemLanguages ?? navigator.languages);
  const systemName = LANGUAGE_CHOICES.find((choice) => choice.value === system)?.name ?? system;
  return (
    <label className="form-grid">
      <span>
        <FormattedMessage id="settings.language.label" />
      </span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as LanguageSetting)}
        data-testid="language"
      >
        {LANGUAGE_CHOICES.map((choice) => (
          <option
            key={choice.value}
            value={choice.value}
            lang={choice.name ? choice.value : undefined}
          >
            {choice.name ??
              intl.formatMessage({ id: 'settings.language.system' }, { language: systemName })}
          </option>
        ))}
        {value === PSEUDO_LOCALE && <option value={PSEUDO_LOCALE}>{PSEUDO_LOCALE}</option>}
      </select>
    </label>
  );
}
