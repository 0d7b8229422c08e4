import { useEffect, useRef, type MutableRefObject } from 'react';
import type { CoachSession } from './audio/coach-session';
import { onFrame } from './frame-loop';

/**
 * What the coach is comparing with, in the open: the agent's normal voice (calibrated, or learned in this
 * call from confident speech) and the caller's baseline, with a button to learn both again; and whether
 * the agent's mic delivers sound or digital silence (muted, or not delivering) — a state, never a cue. A
 * row of fixed place, so nothing below moves when it changes. Written to text nodes on each frame, like LiveStats.
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
  const mic = useRef<HTMLElement>(null);

  useEffect(() => {
    const last = ['', '', ''];
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
      write(
        0,
        s ? `${lufs(s.agentNormalLufs)}${s.agentNormalCalibrated ? ' (calibrated)' : ''}` : '—',
        (t) => normal.current && (normal.current.textContent = t),
      );
      write(
        1,
        s && inCall ? lufs(s.callerBaselineLufs) : '—',
        (t) => baseline.current && (baseline.current.textContent = t),
      );
      write(2, !s ? '—' : s.agent.muted ? 'muted or silent' : 'sound', (t) => {
        if (!mic.current) return;
        mic.current.textContent = t;
        mic.current.dataset.state =
          t === 'muted or silent' ? 'muted' : t === 'sound' ? 'sound' : 'none';
      });
      return false;
    });
  }, [sessionRef, inCall]);

  return (
    <div className="voice-model">
      <dl className="stats" data-testid="voice-model">
        <div>
          <dt>Your mic</dt>
          {/* A state, never a cue: digital silence from the mic (muted, or not delivering sound). The
            live role is on a span: on the <dd> it would replace the term's definition. */}
          <dd>
            <span ref={mic} role="status" data-testid="mic-state" data-state="none">
              —
            </span>
          </dd>
        </div>
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
