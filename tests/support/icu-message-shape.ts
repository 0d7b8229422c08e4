/**
 * What an ICU message needs from its caller, for the catalogue tests (the page's and the main process's):
 * its arguments with their types, tags and select keys (`icuShape`), and the plural forms it writes
 * (`icuPluralForms`). A translation must have English's shape, and the plural forms its language needs.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Arguments with their types, tags, and select keys, sorted. */
export function icuShape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`{${el.value}}`);
      else if (el.type === TYPE.number) found.add(`{${el.value}, number}`);
      else if (el.type === TYPE.date || el.type === TYPE.time) found.add(`{${el.value}, date}`);
      else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      } else if (el.type === TYPE.plural) {
        found.add(`{${el.value}, ${el.pluralType === 'ordinal' ? 'selectordinal' : 'plural'}}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) {
        // Select keys are the caller's values: the same set in every language.
        found.add(`{${el.value}, select, ${Object.keys(el.options).sort().join(' ')}}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** Plural forms used, with the `other` every locale needs. */
export function icuPluralForms(message: string): string[][] {
  const forms: string[][] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural) {
        forms.push(Object.keys(el.options));
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
      else if (el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return forms;
}

/** Plural forms a message lacks for a locale: `other`, or any category but `one` (`=1` may stand in). */
export function lackingPluralForms(message: string, locale: string): string[][] {
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return icuPluralForms(message).filter(
    (forms) =>
      !forms.includes('other') ||
      needed.some((c) => c !== 'other' && c !== 'one' && !forms.includes(c)),
  );
}

/** Sample values for every argument of a message (2 for each) and a tag function for every tag. */
export function sampleValues(message: string): Record<string, unknown> {
  const shape = icuShape(message);
  return {
    ...Object.fromEntries(
      shape.filter((part) => part.startsWith('{')).map((part) => [/^\{(\w+)/.exec(part)![1], 2]),
    ),
    ...Object.fromEntries(
      shape
        .filter((part) => part.startsWith('<'))
        .map((part) => [part.slice(1, -1), (chunks: string[]) => chunks.join('')]),
    ),
  };
}
