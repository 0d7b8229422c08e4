import { useEffect, useRef, type MutableRefObject } from 'react';
import type { CoachSession } from './audio/coach-session';
import { formatClock } from './cue-copy';
import { onFrame } from './frame-loop';

/** The call's clock, on the cue tile: written to its text node when the second changes. */
export function CallClock({ sessionRef }: { sessionRef: MutableRefObject<CoachSession | null> }) {
  const clock = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let last = '';
    return onFrame(() => {
      const s = sessionRef.current?.inCall ? sessionRef.current.latest : null;
      const text = s ? formatClock(s.timeSec) : '—';
      if (clock.current && text !== last) clock.current.textContent = last = text;
      return false;
    });
  }, [sessionRef]);
  return (
    <p className="call-clock">
      <span className="visually-hidden">Call time </span>
      <span ref={clock} data-testid="call-time">
        —
      </span>
    </p>
  );
}
