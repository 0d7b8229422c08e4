/**
 * The languages Calm Line speaks, and which one a page uses: the Settings choice, or — for "System" —
 * the first of the system's languages (the browser's `navigator.languages`; in the desktop app Chromium
 * fills it from the system, as Electron's `app.getLocale()` does) that we have, matched on the language
 * when the region differs (es-MX → es, pt-PT → pt-BR, fr-CA → fr, de-AT → de). English when none match.
 */
import type { LanguageSetting } from '../../../preload/contract/settings-schema';

// The locales and the matching rule are shared with the desktop shell and the CLIs (main/i18n).
export {
  FALLBACK_LOCALE,
  LOCALES,
  matchLocale,
  PSEUDO_LOCALE,
  resolveLocale,
  type AppLocale,
  type CatalogueLocale,
} from '../../../preload/domain/locales';

/**
 * The Settings list, each language named in itself (an agent who cannot read the current language still
 * finds theirs). The pseudo-locale is not offered: tests choose it through the settings.
 */
export const LANGUAGE_CHOICES: readonly {
  value: Exclude<LanguageSetting, 'en-XA'>;
  name?: string;
}[] = [
  { value: 'system' },
  { value: 'en', name: 'English' },
  { value: 'es', name: 'Español' },
  { value: 'pt-BR', name: 'Português (Brasil)' },
  { value: 'fr', name: 'Français' },
  { value: 'de', name: 'Deutsch' },
];
