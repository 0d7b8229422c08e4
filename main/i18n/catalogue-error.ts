/**
 * An error whose sentence is in the catalogue: its `message` is English (logs, tests, anything that
 * reads `.message`), and `in(text)` says it in the program's language. Pure code (argument parsers, file
 * readers) throws these without knowing the language; the program's entry point says them.
 */
import { ENGLISH_TEXT, type MainMessageId, type MainText, type MessageValues } from './main-text';

export class CatalogueError extends Error {
  constructor(
    readonly id: MainMessageId,
    readonly values: MessageValues = {},
    /** A usage line said after the sentence. */
    readonly usage: MainMessageId | null = null,
  ) {
    super('');
    this.message = this.in(ENGLISH_TEXT);
  }

  in(text: MainText): string {
    const sentence = text.format(this.id, this.values);
    return this.usage === null ? sentence : `${sentence} ${text.format(this.usage)}`;
  }
}

/** An error's sentence in the language of `text` (a catalogue error), or its message as it came. */
export function describeError(error: unknown, text: MainText): string {
  if (error instanceof CatalogueError) return error.in(text);
  return error instanceof Error ? error.message : String(error);
}
