/**
 * The message catalogues (renderer/src/i18n/messages): every English key in every locale and no other,
 * each message valid ICU MessageFormat with the same arguments, tags and plural/select forms as English
 * (a translation that drops `{count}` or a tag would show the wrong thing), every key used by the
 * renderer, a missing key shown in English and reported, and the pseudo-locale long enough to find text
 * that does not fit.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  ENGLISH,
  pseudoCatalogue,
  withFallback,
  type MessageKey,
} from '../../../renderer/src/i18n/catalogue';
import { LOCALES, PSEUDO_LOCALE } from '../../../renderer/src/i18n/locales';
import { pseudoLocalize } from '../../../renderer/src/i18n/pseudo-locale';
// What a message needs from its caller and gives the renderer (arguments with their types, tags,
// selects) and its plural forms: one reading of ICU for this catalogue and the main process's.
import { icuPluralForms as pluralForms, icuShape as shape } from '../../support/icu-message-shape';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MESSAGES = path.join(ROOT, 'renderer/src/i18n/messages');
const load = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(MESSAGES, `${locale}.json`), 'utf8')) as Record<string, string>;
const TRANSLATED = LOCALES.filter((locale) => locale !== 'en');
const KEYS = Object.keys(ENGLISH) as MessageKey[];

describe('the message catalogues', () => {
  it('has one file per locale and no other', () => {
    expect(readdirSync(MESSAGES).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  it.each(TRANSLATED.map((l) => [l]))('%s has every English key and no key English lacks', (l) => {
    const messages = load(l);
    const missing = KEYS.filter(
      (key) => typeof messages[key] !== 'string' || !messages[key].trim(),
    );
    const unknown = Object.keys(messages).filter((key) => !(key in ENGLISH));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each(LOCALES.map((l) => [l]))(
    '%s: every message is ICU MessageFormat with English’s arguments, tags and selects',
    (l) => {
      const messages = load(l);
      const differing = KEYS.filter((key) => key in messages)
        .map((key) => ({ key, english: shape(ENGLISH[key]), here: shape(messages[key]) }))
        .filter(({ english, here }) => JSON.stringify(english) !== JSON.stringify(here));
      expect(differing).toEqual([]);
    },
  );

  it.each(LOCALES.map((l) => [l]))('%s: each plural has the forms its language needs', (l) => {
    const messages = load(l);
    const needed = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
    const lacking = KEYS.filter((key) => key in messages).flatMap((key) =>
      pluralForms(messages[key])
        .filter(
          (forms) =>
            !forms.includes('other') ||
            // `one` may be written as `=1`; any other category the language has must be there.
            needed.some((c) => c !== 'other' && c !== 'one' && !forms.includes(c)),
        )
        .map((forms) => `${key}: ${forms.join(' ')}`),
    );
    expect(lacking).toEqual([]);
  });

  it.each(LOCALES.map((l) => [l]))('%s: every message formats with its arguments', (l) => {
    const errors: string[] = [];
    const intl = createIntl({
      locale: l,
      messages: load(l),
      onError: (e) => errors.push(e.message),
    });
    for (const key of KEYS) {
      const values = Object.fromEntries(
        shape(ENGLISH[key])
          .filter((part) => part.startsWith('{'))
          .map((part) => [/^\{(\w+)/.exec(part)![1], 2]),
      );
      const tags = Object.fromEntries(
        shape(ENGLISH[key])
          .filter((part) => part.startsWith('<'))
          .map((part) => [part.slice(1, -1), (chunks: string[]) => chunks.join('')]),
      );
      const text = intl.formatMessage({ id: key }, { ...values, ...tags });
      if (text === key) errors.push(`${key} shown as its key`);
    }
    expect(errors).toEqual([]);
  });

  it('uses every key: each is named in the renderer’s source', () => {
    const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'renderer/src'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(path.join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = KEYS.filter(
      (key) => !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`),
    );
    expect(unused).toEqual([]);
  });
});

describe('a key missing from a translation', () => {
  it('shows in English, never as the key, and is reported', () => {
    const { 'coach.cue.wait-for-pause.word': _dropped, ...rest } = load('fr');
    const catalogue = withFallback('fr', rest);
    expect(catalogue.missing).toEqual(['coach.cue.wait-for-pause.word']);
    const intl = createIntl({ locale: 'fr', messages: catalogue.messages });
    expect(intl.formatMessage({ id: 'coach.cue.wait-for-pause.word' })).toBe('Wait');
    expect(intl.formatMessage({ id: 'coach.cue.wait-for-pause.title' })).toBe('Attendez la pause');
  });
});

describe('the pseudo-locale', () => {
  const pseudo = pseudoCatalogue();

  it('keeps every message’s arguments, tags and forms', () => {
    const differing = KEYS.filter(
      (key) => JSON.stringify(shape(pseudo.messages[key])) !== JSON.stringify(shape(ENGLISH[key])),
    );
    expect(differing).toEqual([]);
  });

  it('is accented and about 40 % longer than English, inside ⟦ ⟧', () => {
    const intlEn = createIntl({ locale: 'en', messages: ENGLISH });
    const intlXa = createIntl({ locale: 'en', messages: pseudo.messages });
    const word = (intl: typeof intlEn) => intl.formatMessage({ id: 'coach.cue.your-turn.hint' });
    const en = word(intlEn);
    const xa = word(intlXa);
    expect(xa).toMatch(/^⟦.*⟧$/);
    expect(xa).not.toMatch(/[a-z]{3}/);
    expect(xa.length - 2).toBeGreaterThanOrEqual(Math.round(en.length * 1.35));
    expect(pseudo.locale).toBe(PSEUDO_LOCALE);
  });

  it('leaves ICU syntax whole in plurals, numbers and tags', () => {
    const message = '{count, plural, one {# open} other {# are open}} <b>{n, number, ::.0} LU</b>';
    const out = pseudoLocalize(message);
    const intl = createIntl({ locale: 'en', messages: { x: out } as never });
    const text = intl.formatMessage({ id: 'x' as MessageKey }, {
      count: 3,
      n: 2.25,
      b: (chunks: string[]) => `[${chunks.join('')}]`,
    } as never);
    expect(text).toContain('3 ');
    expect(text).toContain('[2.3 ĻÛ');
    expect(text).not.toContain('{');
  });
});
