/**
 * What an opened recording's analysis warns about, in the words the review shows (one sentence each).
 * Crosstalk: one channel carries a copy of the other (channel-crosstalk.ts) — said with its level and
 * what the analysis did about it, so a lead reading the figures knows why they can be trusted.
 */
import type { IntlShape } from 'react-intl';
import type { RecordingWarning } from '../../engine/call-analysis-report';
import { ENGLISH_INTL } from '../i18n/english-intl';

export function describeRecordingWarning(
  w: RecordingWarning,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  return intl.formatMessage(
    { id: 'review.warning.crosstalk' },
    { from: w.from, into: w.into, down: Math.round(-w.levelDb) },
  );
}
