import type { ReactNode } from 'react';
import { BANNER_COPY, type BannerState } from './cue-copy';
import { CueIcon } from './CueIcon';

/**
 * The cue, readable at a glance from 60 cm: the whole tile in the cue's colour (Okabe–Ito, with the text
 * colour that keeps WCAG AA on it), its icon (a distinct silhouette) and one to three words, big; the
 * hint in smaller type below. Colour is never the only signal: icon, words and text polarity differ too.
 * Not a live region itself: screen readers hear each cue once, in words, from CueLiveRegion.
 */
export function CueTile({ state, children }: { state: BannerState; children?: ReactNode }) {
  const copy = BANNER_COPY[state];
  return (
    <section
      className="cue-tile"
      data-testid="cue-banner"
      data-cue={state}
      data-tone={copy.tone.replace('--tone-', '')}
      aria-label="Cue"
    >
      <CueIcon icon={copy.icon} />
      <div className="cue-text">
        <h2 className="cue-word">{copy.word}</h2>
        <p className="cue-hint">{copy.hint}</p>
      </div>
      {children}
    </section>
  );
}
