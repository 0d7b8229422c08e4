import { BANNER_COPY, type BannerState } from './cue-copy';
import { CueIcon } from './CueIcon';

/**
 * The large cue: icon + words + colour. Not a live region itself: screen readers hear each cue once,
 * in words, from CueLiveRegion (which leaves out "Ready", "Listening" and quick repeats).
 */
export function CueBanner({ state }: { state: BannerState }) {
  const copy = BANNER_COPY[state];
  return (
    <section
      className="cue-banner"
      data-testid="cue-banner"
      data-cue={state}
      style={{ ['--tone' as string]: `var(${copy.tone})` }}
      aria-label="Cue"
    >
      <CueIcon icon={copy.icon} />
      <div>
        <h2 className="cue-title">{copy.title}</h2>
        <p className="cue-hint">{copy.hint}</p>
      </div>
    </section>
  );
}
