import { useEffect, useRef, type MutableRefObject } from 'react';
import type { CoachSession } from './audio/coach-session';
import { onFrame } from './frame-loop';

/**
 * What the coach is comparing with, in the open: the agent's normal voice (calibrated, or learned in this
 * call from confident speech, once their side is known to be theirs) and the caller's baseline, with a
 * button to learn both again. A row of fixed place, so nothing below moves when it changes. Written to
 * text nodes on each frame, like LiveStats.
 */
export function VoiceModel({
  sessionRef,
  inCall,
}: {
  sessionRef: MutableRefObject<CoachSession | null>;
  inCall: boolean;
}) {
  const normal = useRef<HTMLElement>(null);
  const baseline = useRef<HTMLElement>(null);

  useEffect(() => {
    const last = ['', ''];
    const write = (i: number, text: string, apply: (t: string) => void) => {
      if (last[i] !== text) {
        apply(text);
        last[i] = text;
      }
    };
    return onFrame(() => {
      const s = sessionRef.current?.latest ?? null;
      const lufs = (v: number | null | undefined) =>
        v === null || v === undefined ? 'learning…' : `${v.toFixed(1)} LUFS`;
      const agent =
        s && s.agentNormalLufs === null && s.channelOrder !== 'ok' && inCall
          ? 'checking your side…'
          : s
            ? `${lufs(s.agentNormalLufs)}${s.agentNormalCalibrated ? ' (calibrated)' : ''}`
            : '—';
      write(0, agent, (t) => normal.current && (normal.current.textContent = t));
      write(
        1,
        s && inCall ? lufs(s.callerBaselineLufs) : '—',
        (t) => baseline.current && (baseline.current.textContent = t),
      );
      return false;
    });
  }, [sessionRef, inCall]);

  return (
    <div className="voice-model">
      <dl className="stats" data-testid="voice-model">
        <div>
          <dt>Your normal voice</dt>
          <dd ref={normal} data-testid="agent-normal">
            —
          </dd>
        </div>
        <div>
          <dt>Caller’s baseline</dt>
          <dd ref={baseline} data-testid="caller-baseline">
            —
          </dd>
        </div>
      </dl>
      <button
        type="button"
        onClick={() => sessionRef.current?.relearnVoices()}
        disabled={!inCall}
        data-testid="relearn-voices"
      >
        Learn voices again
      </button>
    </div>
  );
}
