/**
 * Node's `parseArgs` refusals (English, and long) as the CLIs' own sentences, so they are said in the
 * program's language like every other argument problem.
 */
import type { MainMessageId, MessageValues } from '../i18n/main-text';

export interface ArgsProblem {
  readonly id: MainMessageId;
  readonly values: MessageValues;
}

/** The sentence for an error `parseArgs` threw (its code says which; its first quoted part names what). */
export function parseArgsProblem(error: unknown): ArgsProblem {
  const { code, message = '' } = (error ?? {}) as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { id: 'cli.unknown-option', values: { option } };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { id: 'cli.unexpected-argument', values: { argument: quoted } };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // A flag given a value, or a value missing (at the end, or followed by another flag).
      return /does not take an argument/.test(message)
        ? { id: 'cli.option-takes-no-value', values: { option } }
        : { id: 'cli.option-needs-value', values: { option } };
    default:
      throw error;
  }
}
