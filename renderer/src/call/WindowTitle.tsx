import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import type { BannerState } from '../live-coach/cue-copy';
import { windowTitle } from './window-title';

/** Keeps the document's title (the window's, the taskbar's) saying the live call and its cue, in the page's language. */
export function WindowTitle({ live, banner }: { live: boolean; banner: BannerState }) {
  const intl = useIntl();
  useEffect(() => {
    document.title = windowTitle(live, banner, intl);
  }, [live, banner, intl]);
  return null;
}
