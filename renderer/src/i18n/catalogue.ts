/**
 * The message catalogues: one ICU MessageFormat file per locale in ./messages, English the source and
 * the fallback. English is bundled with the app; the other languages load when chosen (their own small
 * chunks), and the pseudo-locale is built from English. A key missing from a translation shows in English
 * — never as the key — and is named in a console warning; the catalogue test (tests/renderer/i18n)
 * fails on it first.
 */
import en from './messages/en.json' with { type: 'json' };
import { FALLBACK_LOCALE, PSEUDO_LOCALE, type AppLocale, type CatalogueLocale } from './locales';
import { pseudoLocalize } from './pseudo-locale';

export type MessageKey = keyof typeof en;

// react-intl checks ids against the English catalogue: `formatMessage({ id })` and `<FormattedMessage id>`
// accept only keys of messages/en.json.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageKey;
    }
  }
}
export type Messages = Readonly<Record<MessageKey, string>>;
/** A translation: English's keys, any of which may still be missing. */
export type Translation = Readonly<Partial<Record<string, string>>>;

export const ENGLISH: Messages = en;

const TRANSLATIONS: Record<Exclude<CatalogueLocale, 'en'>, () => Promise<Translation>> = {
  es: () => import('./messages/es.json', { with: { type: 'json' } }).then((m) => m.default),
  'pt-BR': () => import('./messages/pt-BR.json', { with: { type: 'json' } }).then((m) => m.default),
  fr: () => import('./messages/fr.json', { with: { type: 'json' } }).then((m) => m.default),
  de: () => import('./messages/de.json', { with: { type: 'json' } }).then((m) => m.default),
};

export interface Catalogue {
  readonly locale: AppLocale;
  readonly messages: Messages;
  /** English keys the translation lacks (shown in English). */
  readonly missing: readonly MessageKey[];
}

/** A translation over English: every key present, the missing ones in English and listed. */
export function withFallback(locale: AppLocale, translation: Translation): Catalogue {
  const missing: MessageKey[] = [];
  const messages = { ...ENGLISH } as Record<MessageKey, string>;
  for (const key of Object.keys(ENGLISH) as MessageKey[]) {
    const text = translation[key];
    if (typeof text === 'string' && text !== '') messages[key] = text;
    else missing.push(key);
  }
  return { locale, messages, missing };
}

export function pseudoCatalogue(): Catalogue {
  const messages = {} as Record<MessageKey, string>;
  for (const key of Object.keys(ENGLISH) as MessageKey[])
    messages[key] = pseudoLocalize(ENGLISH[key]);
  return { locale: PSEUDO_LOCALE, messages, missing: [] };
}

export const ENGLISH_CATALOGUE: Catalogue = {
  locale: FALLBACK_LOCALE,
  messages: ENGLISH,
  missing: [],
};

/** The catalogue of a locale, loading its translation when it is not English. */
export async function loadCatalogue(locale: AppLocale): Promise<Catalogue> {
  if (locale === FALLBACK_LOCALE) return ENGLISH_CATALOGUE;
  if (locale === PSEUDO_LOCALE) return pseudoCatalogue();
  const catalogue = withFallback(locale, await TRANSLATIONS[locale]());
  if (catalogue.missing.length > 0)
    console.warn(
      `[i18n] ${locale} lacks ${catalogue.missing.length} message(s), shown in English: ${catalogue.missing.join(', ')}`,
    );
  return catalogue;
}
