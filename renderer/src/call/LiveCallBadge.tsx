import { useEffect, useRef } from 'react';
import type { MutableRefObject } from 'react';
import type { CoachSession } from '../live-coach/audio/coach-session';
import { formatClock } from '../live-coach/cue-copy';
import { onFrame } from '../live-coach/frame-loop';

/** The key that brings the coach back from any screen while a call is live. */
export const BACK_TO_COACH_KEY = 'F2';

/**
 * A live call, on every screen: a red-dot badge with the call's clock in the header; from another screen
 * it is the way back to the coach (a click, or BACK_TO_COACH_KEY anywhere).
 */
export function LiveCallBadge({
  sessionRef,
  onCoach,
  onBack,
}: {
  sessionRef: MutableRefObject<CoachSession | null>;
  /** The coach is on screen already. */
  onCoach: boolean;
  onBack(): void;
}) {
  const clock = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let last = '';
    return onFrame(() => {
      const s = sessionRef.current?.inCall ? sessionRef.current.latest : null;
      const text = s ? formatClock(s.timeSec) : '';
      if (clock.current && text !== last) clock.current.textContent = last = text;
      return false;
    });
  }, [sessionRef]);
  const label = (
    <>
      <span className="live-dot" aria-hidden="true" />
      Live call <span ref={clock} className="live-clock" />
    </>
  );
  return onCoach ? (
    <p className="live-badge" data-testid="live-indicator" role="status">
      {label}
    </p>
  ) : (
    <button
      type="button"
      className="live-badge"
      data-testid="live-indicator"
      onClick={onBack}
      title={`Back to the coach (${BACK_TO_COACH_KEY})`}
    >
      {label} — back to the coach <kbd>{BACK_TO_COACH_KEY}</kbd>
    </button>
  );
}
