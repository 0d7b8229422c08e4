import type { IntlShape } from 'react-intl';
import { cueWords, type BannerState } from '../live-coach/cue-copy';
import { ENGLISH_INTL } from '../i18n/english-intl';

export const APP_TITLE = 'Calm Line';

/** The tab's or window's title: a live call and its cue, so the taskbar says it too. */
export function windowTitle(
  live: boolean,
  banner: BannerState,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  return live
    ? intl.formatMessage(
        { id: 'call.window-title' },
        { cue: cueWords(banner, intl).word, app: APP_TITLE },
      )
    : APP_TITLE;
}
