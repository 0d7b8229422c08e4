/**
 * A WAV repaired while it was read (a streamed recording's size of 0 or 0xFFFFFFFF, a last frame or
 * block cut in the middle), in the page's language: the engine gives the repair as data
 * (engine/wav-header.ts), the English sentence stays for the CLIs.
 */
import type { IntlShape } from 'react-intl';
import type { WavRepair } from '../../engine/wav-header';
import { ENGLISH_INTL } from '../i18n/english-intl';

export function describeWavRepair(
  repair: WavRepair,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  switch (repair.repair) {
    case 'streamed-size':
      return intl.formatMessage(
        { id: 'review.recorded.repair.streamed-size' },
        { declared: repair.declared },
      );
    case 'partial-frame':
      return intl.formatMessage(
        { id: 'review.recorded.repair.partial-frame' },
        { bytes: repair.bytes, unit: repair.unit },
      );
  }
}
