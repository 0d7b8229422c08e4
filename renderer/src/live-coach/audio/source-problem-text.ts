/**
 * A problem with the audio sources in the page's language (the notice under the banner, the first-run
 * check): each kind has its sentence in the catalogue; an unexpected capture error quotes the browser's
 * own words. The problem's `message` stays the English sentence, for the console.
 */
import type { IntlShape } from 'react-intl';
import type { MessageKey } from '../../i18n/catalogue';
import { ENGLISH_INTL } from '../../i18n/english-intl';
import type { SourceProblem, SourceProblemKind } from './source-problems';

const SENTENCES: Record<Exclude<SourceProblemKind, 'other'>, MessageKey> = {
  'permission-denied': 'coach.source-problem.permission-denied',
  'no-device': 'coach.source-problem.no-device',
  'device-busy': 'coach.source-problem.device-busy',
  'device-lost': 'coach.source-problem.device-lost',
  'mono-source': 'coach.source-problem.mono-source',
  unsupported: 'coach.source-problem.unsupported',
};

export function describeSourceProblem(
  problem: SourceProblem,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  if (problem.kind === 'other')
    return intl.formatMessage(
      { id: 'coach.source-problem.other' },
      { detail: problem.detail ?? problem.message },
    );
  return intl.formatMessage({ id: SENTENCES[problem.kind] });
}
