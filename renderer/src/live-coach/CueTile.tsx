import type { CSSProperties, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { BANNER_COPY, cueWords, type BannerState } from './cue-copy';
import { CueIcon } from './CueIcon';

/**
 * The cue, readable at a glance from 60 cm: the whole tile in the cue's colour (Okabe–Ito, with the text
 * colour that keeps WCAG AA on it), its icon (a distinct silhouette) and one to three words, big; the
 * hint in smaller type below. Colour is never the only signal: icon, words and text polarity differ too.
 * Not a live region itself: screen readers hear each cue once, in words, from CueLiveRegion.
 */
export function CueTile({ state, children }: { state: BannerState; children?: ReactNode }) {
  const intl = useIntl();
  const copy = BANNER_COPY[state];
  const words = cueWords(state, intl);
  return (
    <section
      className="cue-tile"
      data-testid="cue-banner"
      data-cue={state}
      data-tone={copy.tone.replace('--tone-', '')}
      aria-label={intl.formatMessage({ id: 'coach.cue.region' })}
    >
      <CueIcon icon={copy.icon} />
      <div className="cue-text">
        <h2
          className="cue-word"
          style={{ '--cue-word-chars': longestWord(words.word) } as CSSProperties}
        >
          {words.word}
        </h2>
        <p className="cue-hint">{words.hint}</p>
      </div>
      {children}
    </section>
  );
}

/** Characters in the longest word of a cue's big line: the tile sizes the line so that word fits. */
function longestWord(text: string): number {
  return Math.max(1, ...text.split(/\s+/).map((word) => [...word].length));
}
