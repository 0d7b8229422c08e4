import { useEffect, useRef, type MutableRefObject } from 'react';
import type { CoachSession } from './audio/coach-session';
import { onFrame } from './frame-loop';

/**
 * What the coach is comparing with, in the open: the agent's normal voice (calibrated, or learned in this
 * call from confident speech) and the caller's baseline, with a button to learn both again; and the
 * agent's mic when it delivers digital silence (muted, or not delivering sound) — a state, never a cue.
 * Written to text nodes on each frame, like LiveStats.
 */
export function VoiceModel({ sessionRef, inCall }: { sessionRef: MutableRefObject<CoachSession | null>; inCall: boolean }) {
  const normal = useRef<HTMLElement>(null);
  const baseline = useRef<HTMLElement>(null);
  const muted = useRef<HTMLParagraphElement>(null);

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
      const lufs = (v: number | null | undefined) => (v === null || v === undefined ? 'learning…' : `${v.toFixed(1)} LUFS`);
      write(0, s ? `${lufs(s.agentNormalLufs)}${s.agentNormalCalibrated ? ' (calibrated)' : ''}` : '—', (t) => normal.current && (normal.current.textContent = t));
      write(1, s && inCall ? lufs(s.callerBaselineLufs) : '—', (t) => baseline.current && (baseline.current.textContent = t));
      write(2, s?.agent.muted ? 'muted' : '', (t) => muted.current && (muted.current.hidden = t === ''));
      return false;
    });
  }, [sessionRef, inCall]);

  return (
    <>
      <dl className="stats" data-testid="voice-model">
        <div>
          <dt>Your normal voice</dt>
          <dd ref={normal} data-testid="agent-normal">—</dd>
        </div>
        <div>
          <dt>Caller’s baseline</dt>
          <dd ref={baseline} data-testid="caller-baseline">—</dd>
        </div>
        <div>
          <dt>&nbsp;</dt>
          <dd>
            <button type="button" onClick={() => sessionRef.current?.relearnVoices()} disabled={!inCall} data-testid="relearn-voices">
              Learn voices again
            </button>
          </dd>
        </div>
      </dl>
      <p ref={muted} className="notice info" role="status" data-testid="mic-muted" hidden>
        Your mic is muted or silent — nothing is heard from it. Cues about your voice wait until it is back.
      </p>
    </>
  );
}
