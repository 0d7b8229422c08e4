import { describe, expect, it } from 'vitest';
import { matchLocale, resolveLocale } from '../../../renderer/src/i18n/locales';
import { LANGUAGE_SETTINGS } from '../../../preload/contract/settings-schema';
import { LANGUAGE_CHOICES, LOCALES, PSEUDO_LOCALE } from '../../../renderer/src/i18n/locales';

describe('which language a page speaks', () => {
  it('follows the system’s first language we have, matched on the language when the region differs', () => {
    expect(resolveLocale(undefined, ['de-AT', 'en-US'])).toBe('de');
    expect(resolveLocale('system', ['ja-JP', 'es-MX', 'fr'])).toBe('es');
    expect(resolveLocale('system', ['pt-PT'])).toBe('pt-BR');
    expect(resolveLocale('system', ['pt_BR'])).toBe('pt-BR');
    expect(resolveLocale('system', ['fr-CA'])).toBe('fr');
  });

  it('speaks English when the system’s languages are none of ours, or unknown', () => {
    expect(resolveLocale('system', ['ja-JP', 'ru'])).toBe('en');
    expect(resolveLocale(undefined, [])).toBe('en');
    expect(matchLocale('')).toBeNull();
  });

  it('takes the Settings choice over the system, the pseudo-locale included', () => {
    expect(resolveLocale('fr', ['de-DE'])).toBe('fr');
    expect(resolveLocale('pt-BR', ['en-US'])).toBe('pt-BR');
    expect(resolveLocale(PSEUDO_LOCALE, ['de-DE'])).toBe(PSEUDO_LOCALE);
  });

  it('offers in Settings every stored choice but the pseudo-locale, each language named in itself', () => {
    expect(LANGUAGE_CHOICES.map((c) => c.value)).toEqual(
      LANGUAGE_SETTINGS.filter((s) => s !== PSEUDO_LOCALE),
    );
    expect(LANGUAGE_CHOICES.filter((c) => c.name).map((c) => c.value)).toEqual([...LOCALES]);
  });
});
