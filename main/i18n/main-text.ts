/**
 * The main process's words: the desktop shell's (tray, menus, notifications, dialogs) and the command-line
 * programs' messages for people, one ICU MessageFormat catalogue per locale in ./messages (en.json is the
 * source and the type of every id), formatted by FormatJS — `@formatjs/intl`, what react-intl runs on in
 * the page. A key a translation lacks is said in English, never as its key; the catalogue test
 * (tests/main/i18n) fails on it first. Machine-readable output (JSON, CSV, exit codes, log lines) never
 * goes through here.
 */
import { createIntl, createIntlCache } from '@formatjs/intl';
import type { CatalogueLocale } from '../../preload/domain/locales';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import ptBR from './messages/pt-BR.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import de from './messages/de.json' with { type: 'json' };

export type MainMessageId = keyof typeof en;
export type MessageValues = Readonly<Record<string, string | number>>;
/** A translation: English's keys, any of which may be missing. */
export type MainTranslation = Readonly<Partial<Record<string, string>>>;

export const ENGLISH_MESSAGES: Readonly<Record<MainMessageId, string>> = en;

export const TRANSLATIONS: Readonly<Record<CatalogueLocale, MainTranslation>> = {
  en,
  es,
  'pt-BR': ptBR,
  fr,
  de,
};

export interface MainText {
  readonly locale: CatalogueLocale;
  format(id: MainMessageId, values?: MessageValues): string;
  /** Items as the language lists them (Intl.ListFormat's unit style: "a, b, c"; French "a, b et c"). */
  list(items: readonly string[]): string;
}

/** A translation over English: every key present, the missing ones in English and listed. */
export function withEnglishFallback(translation: MainTranslation): {
  messages: Record<MainMessageId, string>;
  missing: MainMessageId[];
} {
  const messages = { ...ENGLISH_MESSAGES };
  const missing: MainMessageId[] = [];
  for (const id of Object.keys(ENGLISH_MESSAGES) as MainMessageId[]) {
    const text = translation[id];
    if (typeof text === 'string' && text !== '') messages[id] = text;
    else missing.push(id);
  }
  return { messages, missing };
}

const cache = createIntlCache();

/** The words in one locale from these messages (the locale's catalogue by default). */
export function createMainText(
  locale: CatalogueLocale,
  translation: MainTranslation = TRANSLATIONS[locale],
  onError: (error: Error) => void = () => {},
): MainText {
  // The page declares react-intl's message ids (FormatjsIntl.Message) as its own; these are this
  // catalogue's, typed by MainMessageId instead.
  const messages = withEnglishFallback(translation).messages as never;
  const intl = createIntl({ locale, defaultLocale: 'en', messages, onError }, cache);
  const formatMessage = intl.formatMessage as (
    descriptor: { id: string },
    values?: MessageValues,
  ) => string;
  return {
    locale,
    format: (id, values) => formatMessage({ id }, values),
    list: (items) => intl.formatList(items, { type: 'unit' }),
  };
}

const made = new Map<CatalogueLocale, MainText>();

/** The words in a locale (made once per locale). */
export function mainText(locale: CatalogueLocale): MainText {
  let text = made.get(locale);
  if (text === undefined) {
    text = createMainText(locale);
    made.set(locale, text);
  }
  return text;
}

export const ENGLISH_TEXT = mainText('en');
