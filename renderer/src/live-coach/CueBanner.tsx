import { BANNER_COPY, type BannerState } from './cue-copy';
import { CueIcon } from './CueIcon';

/** The large cue: icon + words + colour, announced politely to screen readers. */
export function CueBanner({ state }: { state: BannerState }) {
  const copy = BANNER_COPY[state];
  return (
    <section
      className="cue-banner"
      data-testid="cue-banner"
      data-cue={state}
      style={{ ['--tone' as string]: `var(${copy.tone})` }}
      role="status"
      aria-live="polite"
    >
      <CueIcon icon={copy.icon} />
      <div>
        <h2 className="cue-title">{copy.title}</h2>
        <p className="cue-hint">{copy.hint}</p>
      </div>
    </section>
  );
}
