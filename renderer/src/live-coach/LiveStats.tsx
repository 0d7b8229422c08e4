import { useEffect, useRef, type MutableRefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CoachSession } from './audio/coach-session';
import { formatClock } from './cue-copy';
import { onFrame } from './frame-loop';

/** Venting timer, talk ratio and overtalk count, written to text nodes on each frame (the call's clock is on the tile). */
export function LiveStats({
  sessionRef,
  heated,
}: {
  sessionRef: MutableRefObject<CoachSession | null>;
  heated: boolean;
}) {
  const venting = useRef<HTMLElement>(null);
  const ratio = useRef<HTMLElement>(null);
  const overtalk = useRef<HTMLElement>(null);
  const intl = useIntl();

  useEffect(() => {
    const last = ['', '', ''];
    const write = (i: number, el: HTMLElement | null, text: string) => {
      if (el && last[i] !== text) {
        el.textContent = text;
        last[i] = text;
      }
    };
    return onFrame(() => {
      const s = sessionRef.current?.inCall ? sessionRef.current.latest : null;
      write(0, venting.current, s && s.ventingSec > 0 ? formatClock(s.ventingSec) : '—');
      write(
        1,
        ratio.current,
        s && s.talkRatio !== null
          ? intl.formatNumber(s.talkRatio, { style: 'percent', maximumFractionDigits: 0 })
          : '—',
      );
      write(2, overtalk.current, s ? intl.formatNumber(s.overtalkCount) : '—');
      return false;
    });
  }, [sessionRef, intl]);

  return (
    <dl className="stats" data-testid="live-stats">
      <div className={heated ? 'heated-badge' : undefined}>
        <dt>
          <FormattedMessage id="coach.stats.venting" />
        </dt>
        <dd ref={venting} data-testid="venting-timer">
          —
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="coach.stats.talk-ratio" />
        </dt>
        <dd ref={ratio} data-testid="talk-ratio">
          —
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="coach.stats.overtalk" />
        </dt>
        <dd ref={overtalk} data-testid="overtalk-count">
          —
        </dd>
      </div>
    </dl>
  );
}
