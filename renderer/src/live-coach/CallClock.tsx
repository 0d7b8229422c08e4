import { useEffect, useRef, type MutableRefObject, type RefObject } from 'react';
import { FormattedMessage } from 'react-intl';
import type { CoachSession } from './audio/coach-session';
import { formatClock } from './cue-copy';
import { onFrame } from './frame-loop';

/**
 * A call's clock written into a text node whenever its second changes (no React render per second):
 * `idle` shows while no call runs. The tile's clock and the header's live badge both use it.
 */
export function useCallClockText(
  sessionRef: MutableRefObject<CoachSession | null>,
  idle: string,
): RefObject<HTMLSpanElement | null> {
  const clock = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let last = '';
    return onFrame(() => {
      const s = sessionRef.current?.inCall ? sessionRef.current.latest : null;
      const text = s ? formatClock(s.timeSec) : idle;
      if (clock.current && text !== last) clock.current.textContent = last = text;
      return false;
    });
  }, [sessionRef, idle]);
  return clock;
}

/** The call's clock, on the cue tile. */
export function CallClock({ sessionRef }: { sessionRef: MutableRefObject<CoachSession | null> }) {
  const clock = useCallClockText(sessionRef, '—');
  return (
    <p className="call-clock">
      <span className="visually-hidden">
        <FormattedMessage id="coach.clock.label" />{' '}
      </span>
      <span ref={clock} data-testid="call-time">
        —
      </span>
    </p>
  );
}
