/**
 * Counts in words: "1 cue", "2 cues", "2,002 sessions". The one place numbers shown to people are
 * formatted (Intl.NumberFormat) and a noun is picked for them (Intl.PluralRules), so every screen and
 * file writes "1 cue" and "2,002" the same way and another language only adds its forms (a language
 * with "few" or "many" forms gives them; "other" is always required). English is the default locale.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

export const DEFAULT_LOCALE = 'en-US';

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** A number as people read it: 2002 → "2,002", 1.5 → "1.5" (at most `maxDecimals` decimals). */
export function formatNumber(value: number, locale = DEFAULT_LOCALE, maxDecimals = 1): string {
  const format = cached(
    numberFormats,
    `${locale}|${maxDecimals}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }),
  );
  return format.format(value);
}

/** The noun form for a count: pluralWord(1, {one: 'cue', other: 'cues'}) → "cue". */
export function pluralWord(count: number, forms: PluralForms, locale = DEFAULT_LOCALE): string {
  const rules = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  return forms[rules.select(count)] ?? forms.other;
}

/** A count with its noun: countOf(1, {one: 'cue', other: 'cues'}) → "1 cue"; 2002 → "2,002 cues". */
export function countOf(count: number, forms: PluralForms, locale = DEFAULT_LOCALE): string {
  return `${formatNumber(count, locale)} ${pluralWord(count, forms, locale)}`;
}

/** English forms from a singular with a regular plural ("cue" → cue/cues), or both given. */
export function en(one: string, other = `${one}s`): PluralForms {
  return { one, other };
}
