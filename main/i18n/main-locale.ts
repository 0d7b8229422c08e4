/**
 * Which language the main process speaks. The desktop shell: the Settings choice (`ui.language`), else
 * the system's languages (Electron's `app.getPreferredSystemLanguages()` and `app.getLocale()`, passed in
 * by the shell) — the page's rule (preload/domain/locales.ts). The command-line programs: the
 * environment, as POSIX programs do (LC_ALL, then LC_MESSAGES, then LANG; C or POSIX is English) — a
 * terminal's or a scheduled job's language, which the person running it set.
 */
import type { LanguageSetting } from '../../preload/contract/settings-schema';
import {
  FALLBACK_LOCALE,
  PSEUDO_LOCALE,
  resolveLocale,
  type CatalogueLocale,
} from '../../preload/domain/locales';
import { mainText, type MainText } from './main-text';

/** The shell's locale; the pseudo-locale (a page-layout test's choice) leaves the shell in English. */
export function shellLocale(
  setting: LanguageSetting | undefined,
  systemLanguages: readonly string[],
): CatalogueLocale {
  const locale = resolveLocale(setting, systemLanguages);
  return locale === PSEUDO_LOCALE ? FALLBACK_LOCALE : locale;
}

/** The environment's language as a locale name (`fr_FR.UTF-8@euro` → `fr_FR`); none for C and POSIX. */
export function environmentLanguages(env: NodeJS.ProcessEnv): string[] {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim());
  const name = value?.trim().split(/[.@]/)[0] ?? '';
  return name === '' || name === 'C' || name === 'POSIX' ? [] : [name];
}

/** A command-line program's words, in its environment's language. */
export function cliText(env: NodeJS.ProcessEnv = process.env): MainText {
  return mainText(shellLocale(undefined, environmentLanguages(env)));
}

/** The shell's words, in the language the settings say at the moment of asking. */
export function shellText(
  language: () => LanguageSetting | undefined,
  systemLanguages: readonly string[],
): () => MainText {
  return () => mainText(shellLocale(language(), systemLanguages));
}
