import { useEffect, useRef, type MutableRefObject } from 'react';
import type { CoachSession } from './audio/coach-session';
import { onFrame } from './frame-loop';

/**
 * Whether the agent's mic delivers sound or digital silence (muted, or not delivering) — a state, never a
 * cue — under the meters, where a docked window shows it too. Written to its text node on each frame.
 */
export function MicState({ sessionRef }: { sessionRef: MutableRefObject<CoachSession | null> }) {
  const mic = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let last = '';
    return onFrame(() => {
      const s = sessionRef.current?.latest ?? null;
      const text = !s ? '—' : s.agent.muted ? 'muted or silent' : 'sound';
      if (mic.current && text !== last) {
        mic.current.textContent = last = text;
        mic.current.dataset.state =
          text === 'muted or silent' ? 'muted' : text === 'sound' ? 'sound' : 'none';
      }
      return false;
    });
  }, [sessionRef]);
  return (
    <p className="mic-state">
      Your mic: {/* The live role is on the span: the words around it stay put. */}
      <span ref={mic} role="status" data-testid="mic-state" data-state="none">
        —
      </span>
    </p>
  );
}
