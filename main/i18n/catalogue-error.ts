/**
 * An error whose sentence is in the catalogue: its `message` is English (logs, tests, anything that
 * reads `.message`), and `in(text)` says it in the program's language. Pure code (argument parsers, file
 * readers) throws these without knowing the language; the program's entry point says them.
 */
import { ENGLISH_TEXT, type MainMessageId, type MainText, type MessageValues } from './main-text';

/** A value that is itself a sentence of the catalogue (a file's reason), said in the same language. */
export interface SaidValue {
  readonly id: MainMessageId;
  readonly values?: MessageValues;
}

export type CatalogueValues = Readonly<Record<string, string | number | SaidValue>>;

export class CatalogueError extends Error {
  constructor(
    readonly id: MainMessageId,
    readonly values: CatalogueValues = {},
    /** A usage line said after the sentence. */
    readonly usage: MainMessageId | null = null,
  ) {
    super('');
    this.message = this.in(ENGLISH_TEXT);
  }

  in(text: MainText): string {
    const values = Object.fromEntries(
      Object.entries(this.values).map(([name, value]) => [
        name,
        typeof value === 'object' ? text.format(value.id, value.values) : value,
      ]),
    );
    const sentence = text.format(this.id, values);
    return this.usage === null ? sentence : `${sentence} ${text.format(this.usage)}`;
  }
}

/** An error's sentence in the language of `text` (a catalogue error), or its message as it came. */
export function describeError(error: unknown, text: MainText): string {
  if (error instanceof CatalogueError) return error.in(text);
  return error instanceof Error ? error.message : String(error);
}
