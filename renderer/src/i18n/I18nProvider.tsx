import { useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { LanguageSetting } from '../../../preload/contract/settings-schema';
import { ENGLISH_CATALOGUE, loadCatalogue, type Catalogue } from './catalogue';
import { FALLBACK_LOCALE, PSEUDO_LOCALE, resolveLocale } from './locales';

interface Props {
  /** The Settings choice (absent: "System", and while the settings load). */
  language: LanguageSetting | undefined;
  /** The host's list of the system's languages (Electron), else the browser's. */
  systemLanguages: readonly string[] | undefined;
  children: ReactNode;
}

/**
 * The app's language: resolved from the Settings choice and the system's languages, its catalogue loaded
 * (English meanwhile, and the earlier language while another loads — never a key), and the page's `lang`
 * set to it, so screen readers pronounce it right. A change of language in Settings re-renders every
 * screen in place: no reload, a call in progress goes on.
 */
export function I18nProvider({ language, systemLanguages, children }: Props) {
  const locale = resolveLocale(language, systemLanguages ?? navigator.languages);
  const [catalogue, setCatalogue] = useState<Catalogue>(ENGLISH_CATALOGUE);

  useEffect(() => {
    let live = true;
    void loadCatalogue(locale).then((loaded) => {
      if (live) setCatalogue(loaded);
    });
    return () => {
      live = false;
    };
  }, [locale]);

  useEffect(() => {
    document.documentElement.lang = catalogue.locale;
  }, [catalogue.locale]);

  return (
    <IntlProvider
      // The pseudo-locale's numbers and dates are English ones.
      locale={catalogue.locale === PSEUDO_LOCALE ? FALLBACK_LOCALE : catalogue.locale}
      defaultLocale={FALLBACK_LOCALE}
      messages={catalogue.messages}
    >
      {children}
    </IntlProvider>
  );
}
