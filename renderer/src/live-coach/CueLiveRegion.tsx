import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useIntl } from 'react-intl';
import { cueWords, type BannerState } from './cue-copy';
import { CueAnnouncer } from './cue-announcement';

/**
 * The cues' live regions: two visually hidden elements (polite and assertive) that exist from the start,
 * so a screen reader is already watching them when the first cue is written. Each announcement the
 * CueAnnouncer lets through is written into one of them and the other is emptied, so an old cue is never
 * read again. They live at the end of <body>, outside the coach screen, which is hidden while another
 * screen shows: a call in progress is still announced on the log or the wrap-up.
 */
export function CueLiveRegion({ banner, heated }: { banner: BannerState; heated: boolean }) {
  const announcer = useRef(new CueAnnouncer());
  const polite = useRef<HTMLDivElement>(null);
  const assertive = useRef<HTMLDivElement>(null);
  // Read when a cue changes: a change of language alone announces nothing.
  const intl = useIntl();
  const intlRef = useRef(intl);
  intlRef.current = intl;

  useEffect(() => {
    const said = announcer.current.next(
      { banner, heated },
      performance.now() / 1000,
      (state) => cueWords(state, intlRef.current).title,
    );
    if (!said || !polite.current || !assertive.current) return;
    const [target, other] =
      said.politeness === 'assertive'
        ? [assertive.current, polite.current]
        : [polite.current, assertive.current];
    other.textContent = '';
    target.textContent = said.text;
  }, [banner, heated]);

  return createPortal(
    <div
      className="visually-hidden"
      data-testid="cue-live-regions"
      data-cue={banner}
      data-heated={heated}
    >
      <div ref={polite} aria-live="polite" aria-atomic="true" />
      <div ref={assertive} aria-live="assertive" aria-atomic="true" />
    </div>,
    document.body,
  );
}
