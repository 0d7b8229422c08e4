/**
 * Why an export file was refused, as a message of the catalogue and its values: the import runs in a
 * worker (no catalogue there), and the page says it in the agent's language. Each message names the file.
 * The technical detail (the JSON parser's or the schema's words) is passed through as it is. No runtime
 * import here but types: the worker bundles this file.
 */
import type { IntlShape } from 'react-intl';
import type { MessageKey } from '../i18n/catalogue';

export interface ImportProblem {
  readonly id: MessageKey;
  /** `file` and the message's other arguments. */
  readonly values: Readonly<Record<string, string | number>>;
}

export function importProblem(
  id: MessageKey,
  file: string,
  values: Readonly<Record<string, string | number>> = {},
): ImportProblem {
  return { id, values: { ...values, file } };
}

/** "broken.json is not valid JSON: …", in the language of `intl`. */
export function importProblemText(
  problem: ImportProblem,
  intl: Pick<IntlShape, 'formatMessage'>,
): string {
  return intl.formatMessage({ id: problem.id }, problem.values);
}
