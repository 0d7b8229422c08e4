/**
 * The words a page in a given language shows, read from the catalogue files as the app reads them (its
 * catalogue over English; the pseudo-locale built from English), so the language specs never write a
 * translation down themselves; and a data folder that opens in a language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntl } from 'react-intl';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { openSettingsStore } from '../../../main/settings/settings-store.js';
import type { LanguageSetting } from '../../../preload/contract/settings-schema.js';
import type { Session } from '../../../preload/contract/session-schema.js';
import { ENGLISH, pseudoCatalogue, type Messages } from '../../../renderer/src/i18n/catalogue.js';
import { PSEUDO_LOCALE, type AppLocale } from '../../../renderer/src/i18n/locales.js';
import { seededDataDir } from './a11y-states.js';
import { REPO_ROOT } from './paths.js';

/** A locale's messages as the app shows them: its catalogue over English (the pseudo-locale built). */
export function messagesOf(locale: AppLocale): Messages {
  if (locale === PSEUDO_LOCALE) return pseudoCatalogue().messages;
  const file = path.join(REPO_ROOT, 'renderer/src/i18n/messages', `${locale}.json`);
  return { ...ENGLISH, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<Messages>) };
}

/** A message as the page shows it: formatted, spaces collapsed as Playwright compares text. */
export function say(
  messages: Messages,
  id: keyof Messages,
  values: Record<string, string | number> = {},
): string {
  const intl = createIntl({ locale: 'en', messages });
  return intl.formatMessage({ id }, values).replace(/\s+/g, ' ').trim();
}

/** A fresh data folder (holding `sessions`, if any) whose settings open the app in `language`. */
export function dataDirIn(language: LanguageSetting, sessions: Session[] = []): string {
  const dir = seededDataDir(`lang-${language}-`, sessions);
  const settings = createSettingsService(openSettingsStore(dir));
  settings.update({ profile: { setupDone: true }, ui: { language } });
  return dir;
}

/**
 * English sentences a page in `locale` must not show: the English text of each whole message (no
 * arguments or tags, two words or more) that this locale words differently. Found on a screen, it is a
 * word that never went through the catalogue, or a catalogue that did not load.
 */
export function englishThatDiffers(locale: AppLocale): string[] {
  const messages = messagesOf(locale);
  return (Object.keys(ENGLISH) as (keyof Messages)[])
    .filter((id) => {
      const english = ENGLISH[id];
      return !/[{<]/.test(english) && /\S\s+\S/.test(english.trim()) && messages[id] !== english;
    })
    .map((id) => ENGLISH[id].replace(/\s+/g, ' ').trim());
}
