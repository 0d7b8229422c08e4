/**
 * "The export failed…" in the page's language: with a reason the host named (the disk is full), the
 * reason worded like every host failure (host-failure-text.ts); otherwise the host's own detail, quoted
 * as it came, or "unknown error".
 */
import type { IntlShape } from 'react-intl';
import type { ExportProgress } from '../../../preload/contract/session-export-schema';
import { describeHostFailure } from '../api/host-failure-text';
import { ENGLISH_INTL } from '../i18n/english-intl';

export function exportFailureText(
  progress: Pick<ExportProgress, 'message' | 'reason'> | null | undefined,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  if (progress?.reason) {
    const error = describeHostFailure(
      { code: 'internal', message: progress.message ?? '', reason: progress.reason },
      intl,
    );
    return intl.formatMessage({ id: 'export.progress.failed-because' }, { error });
  }
  const error = progress?.message ?? intl.formatMessage({ id: 'export.progress.unknown-error' });
  return intl.formatMessage({ id: 'export.progress.failed' }, { error });
}
