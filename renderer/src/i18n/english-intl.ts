/** English outside React (and the default where a caller passes no intl): the fallback catalogue's own intl. */
import { createIntl, type IntlShape } from 'react-intl';
import { ENGLISH } from './catalogue';
import { FALLBACK_LOCALE } from './locales';

export const ENGLISH_INTL: IntlShape = createIntl({ locale: FALLBACK_LOCALE, messages: ENGLISH });
