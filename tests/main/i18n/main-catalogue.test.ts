/**
 * The main process's catalogues (main/i18n/messages: the shell's and the CLIs' words): every English key
 * in every locale and no other, each message valid ICU MessageFormat with English's arguments and the
 * plural forms its language needs, each formats, every key used by the main process's source, and a key
 * a translation lacks said in English, never as the key.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../preload/domain/locales';
import {
  createMainText,
  ENGLISH_MESSAGES,
  TRANSLATIONS,
  withEnglishFallback,
  type MainMessageId,
  type MessageValues,
} from '../../../main/i18n/main-text';
import { icuShape, lackingPluralForms, sampleValues } from '../../support/icu-message-shape';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MESSAGES = path.join(ROOT, 'main/i18n/messages');
const load = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(MESSAGES, `${locale}.json`), 'utf8')) as Record<string, string>;
const KEYS = Object.keys(ENGLISH_MESSAGES) as MainMessageId[];
const TRANSLATED = LOCALES.filter((locale) => locale !== 'en');

describe('the main process’s catalogues', () => {
  it('has one file per locale and no other, each the catalogue main-text.ts loads', () => {
    expect(readdirSync(MESSAGES).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
    for (const locale of LOCALES) expect(TRANSLATIONS[locale]).toEqual(load(locale));
  });

  it.each(TRANSLATED.map((l) => [l]))('%s has every English key and no key English lacks', (l) => {
    const messages = load(l);
    const missing = KEYS.filter(
      (key) => typeof messages[key] !== 'string' || !messages[key].trim(),
    );
    const unknown = Object.keys(messages).filter((key) => !(key in ENGLISH_MESSAGES));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each(LOCALES.map((l) => [l]))(
    '%s: every message is ICU MessageFormat with English’s arguments, and the plural forms it needs',
    (l) => {
      const messages = load(l);
      const differing = KEYS.filter(
        (key) =>
          JSON.stringify(icuShape(messages[key])) !==
          JSON.stringify(icuShape(ENGLISH_MESSAGES[key])),
      );
      const lacking = KEYS.flatMap((key) =>
        lackingPluralForms(messages[key], l).map((forms) => `${key}: ${forms.join(' ')}`),
      );
      expect({ differing, lacking }).toEqual({ differing: [], lacking: [] });
    },
  );

  it.each(LOCALES.map((l) => [l]))('%s: every message formats with its arguments', (l) => {
    const errors: string[] = [];
    const text = createMainText(l, load(l), (error) => errors.push(error.message));
    for (const key of KEYS) {
      const said = text.format(key, sampleValues(ENGLISH_MESSAGES[key]) as MessageValues);
      if (said === key || said.includes('{')) errors.push(`${key}: ${said}`);
    }
    expect(errors).toEqual([]);
  });

  it('uses every key: each is named in the main process’s source', () => {
    const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'main'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => /\.ts$/.test(file))
      .map((file) => readFileSync(path.join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = KEYS.filter((key) => !sources.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

describe('a key missing from a translation', () => {
  it('is said in English, never as the key, and is listed', () => {
    const { 'tray.show': _dropped, ...rest } = load('de');
    expect(withEnglishFallback(rest).missing).toEqual(['tray.show']);
    const text = createMainText('de', rest);
    expect(text.format('tray.show')).toBe('Show Calm Line');
    expect(text.format('tray.quit')).toBe('Calm Line beenden');
  });
});
