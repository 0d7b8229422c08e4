import { useEffect, useRef, type MutableRefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();

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
      const lufs = (v: number | null | undefined, calibrated = false) =>
        v === null || v === undefined
          ? intl.formatMessage({ id: 'coach.voice.learning' })
          : intl.formatMessage(
              { id: calibrated ? 'coach.voice.calibrated' : 'coach.voice.lufs' },
              { lufs: v },
            );
      const agent =
        s && s.agentNormalLufs === null && s.channelOrder !== 'ok' && inCall
          ? intl.formatMessage({ id: 'coach.voice.checking-side' })
          : s
            ? lufs(s.agentNormalLufs, s.agentNormalCalibrated)
            : '—';
      write(0, agent, (t) => normal.current && (normal.current.textContent = t));
      write(
        1,
        s && inCall ? lufs(s.callerBaselineLufs) : '—',
        (t) => baseline.current && (baseline.current.textContent = t),
      );
      return false;
    });
  }, [sessionRef, inCall, intl]);

  return (
    <div className="voice-model">
      <dl className="stats" data-testid="voice-model">
        <div>
          <dt>
            <FormattedMessage id="coach.voice.normal" />
          </dt>
          <dd ref={normal} data-testid="agent-normal">
            —
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="coach.voice.baseline" />
          </dt>
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
        <FormattedMessage id="coach.voice.relearn" />
      </button>
    </div>
  );
}
