import { BANNER_COPY, type BannerState } from '../live-coach/cue-copy';

export const APP_TITLE = 'Calm Line';

/** The tab's or window's title: a live call and its cue, so the taskbar says it too. */
export function windowTitle(live: boolean, banner: BannerState): string {
  return live ? `● Live call · ${BANNER_COPY[banner].word} — ${APP_TITLE}` : APP_TITLE;
}
