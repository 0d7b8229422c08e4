/**
 * The page's words in one of its languages, outside React: react-intl over that locale's catalogue
 * (renderer/src/i18n/messages), English where a key is missing — as the app builds it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntl, type IntlShape } from 'react-intl';
import { withFallback, type Translation } from '../../renderer/src/i18n/catalogue';
import type { CatalogueLocale } from '../../renderer/src/i18n/locales';

const MESSAGES = path.resolve(import.meta.dirname, '../../renderer/src/i18n/messages');

export function intlForLocale(locale: CatalogueLocale): IntlShape {
  const translation = JSON.parse(
    readFileSync(path.join(MESSAGES, `${locale}.json`), 'utf8'),
  ) as Translation;
  return createIntl({ locale, messages: withFallback(locale, translation).messages });
}
