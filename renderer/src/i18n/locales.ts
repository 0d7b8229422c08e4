/**
 * The languages Calm Line speaks, and which one a page uses: the Settings choice, or — for "System" —
 * the first of the system's languages (the browser's `navigator.languages`; in the desktop app Chromium
 * fills it from the system, as Electron's `app.getLocale()` does) that we have, matched on the language
 * when the region differs (es-MX → es, pt-PT → pt-BR, fr-CA → fr, de-AT → de). English when none match.
 */
import type { LanguageSetting } from '../../../preload/contract/settings-schema';

/** Locales with a catalogue in ./messages, English first (the fallback). */
export const LOCALES = ['en', 'es', 'pt-BR', 'fr', 'de'] as const;
export type CatalogueLocale = (typeof LOCALES)[number];

/** The pseudo-locale: English, accented and about 40 % longer, built from the English catalogue. */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = CatalogueLocale | typeof PSEUDO_LOCALE;

export const FALLBACK_LOCALE = 'en' satisfies CatalogueLocale;

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

/** The closest locale we have to one BCP 47 tag, or null. */
export function matchLocale(tag: string): CatalogueLocale | null {
  const lower = tag.trim().toLowerCase();
  if (!lower) return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}

/** The locale to show for a Settings choice (absent: "System") and the system's languages, best first. */
export function resolveLocale(
  setting: LanguageSetting | undefined,
  systemLanguages: readonly string[],
): AppLocale {
  if (setting === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  if (setting && setting !== 'system') return setting;
  for (const tag of systemLanguages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return FALLBACK_LOCALE;
}
