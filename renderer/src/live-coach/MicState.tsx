import { useEffect, useRef, type MutableRefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CoachSession } from './audio/coach-session';
import { onFrame } from './frame-loop';

/**
 * Whether the agent's mic delivers sound or digital silence (muted, or not delivering) — a state, never a
 * cue — under the meters, where a docked window shows it too. Written to its text node on each frame.
 */
export function MicState({ sessionRef }: { sessionRef: MutableRefObject<CoachSession | null> }) {
  const mic = useRef<HTMLSpanElement>(null);
  const intl = useIntl();
  useEffect(() => {
    const words = {
      none: '—',
      muted: intl.formatMessage({ id: 'coach.mic.muted' }),
      sound: intl.formatMessage({ id: 'coach.mic.sound' }),
    };
    let last = '';
    return onFrame(() => {
      const s = sessionRef.current?.latest ?? null;
      const state = !s ? 'none' : s.agent.muted ? 'muted' : 'sound';
      const text = words[state];
      if (mic.current && text !== last) {
        mic.current.textContent = last = text;
        mic.current.dataset.state = state;
      }
      return false;
    });
  }, [sessionRef, intl]);
  return (
    <p className="mic-state">
      {/* The live role is on the span: the words around it stay put. */}
      <FormattedMessage
        id="coach.mic"
        values={{
          state: (
            <span ref={mic} role="status" data-testid="mic-state" data-state="none">
              —
            </span>
          ),
        }}
      />
    </p>
  );
}
