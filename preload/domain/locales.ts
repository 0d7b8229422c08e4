/**
 * The languages Calm Line speaks and which one to use: a chosen one, or — for "System" — the first of the
 * system's languages we have, matched on the language when the region differs (es-MX → es, pt-PT →
 * pt-BR, fr-CA → fr, de-AT → de); English when none match. One rule for the page (renderer/src/i18n), the
 * desktop shell and the command-line programs (main/i18n).
 */

/** Locales with a catalogue (the page's and the main process's), English first (the fallback). */
export const LOCALES = ['en', 'es', 'pt-BR', 'fr', 'de'] as const;
export type CatalogueLocale = (typeof LOCALES)[number];

/** The pseudo-locale: English, accented and about 40 % longer, built from the English catalogue. */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = CatalogueLocale | typeof PSEUDO_LOCALE;

export const FALLBACK_LOCALE = 'en' satisfies CatalogueLocale;

/** The closest locale we have to one BCP 47 tag (or POSIX name, `pt_BR`), or null. */
export function matchLocale(tag: string): CatalogueLocale | null {
  const lower = tag.trim().toLowerCase();
  if (!lower) return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}

/** The locale for a chosen language (absent or 'system': follow the system's languages, best first). */
export function resolveLocale(
  setting: AppLocale | 'system' | undefined,
  systemLanguages: readonly string[],
): AppLocale {
  if (setting && setting !== 'system') return setting;
  for (const tag of systemLanguages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return FALLBACK_LOCALE;
}
