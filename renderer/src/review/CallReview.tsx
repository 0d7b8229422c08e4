import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import WaveSurfer from 'wavesurfer.js';
import HoverPlugin from 'wavesurfer.js/dist/plugins/hover.esm.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { CallTimeline } from '../../engine/call-types';
import {
  REGION_KINDS,
  REGION_STYLES,
  buildReviewRegions,
  describeRegion,
  regionBackground,
  regionName,
  regionShort,
  type RegionSource,
  type ReviewRegion,
} from './review-regions';
import { formatLufs, formatReviewTime, levelsAt, timelinePeaks } from './timeline-peaks';
import { ReviewText } from './ReviewText';
import './review.css';

export interface ReviewInput extends RegionSource {
  durationSec: number;
  /** Both parties' loudness, one point per 100 ms; null when none was kept (the lanes stay flat). */
  timeline: CallTimeline | null;
  /** The call's audio (an opened recording), played in the same view; null = no audio. */
  audioUrl?: string | null;
}

const LANE_HEIGHT = 56;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function emptyTimeline(durationSec: number): CallTimeline {
  const n = Math.max(2, Math.round(durationSec / 0.1) + 1);
  const none = () => new Array<number | null>(n).fill(null);
  return {
    stepSec: 0.1,
    caller: { momentary: none(), shortTerm: none() },
    agent: { momentary: none(), shortTerm: none() },
  };
}

/**
 * The call review: both parties' loudness over the call (caller lane on top, agent below) drawn by
 * wavesurfer from the stored timeline, a time axis, one region per overtalk and cue (colour, stripes and a
 * label; the list below says the same in words), a cursor set by click or arrow keys with the levels at
 * that moment, and the levels under the pointer while hovering. Plays the audio when there is some.
 */
export function CallReview({
  input,
  testId = 'call-review',
}: {
  input: ReviewInput;
  testId?: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const wsRef = useRef<WaveSurfer | null>(null);
  const [cursor, setCursor] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [ready, setReady] = useState(false);
  const timeline = useMemo(
    () => input.timeline ?? emptyTimeline(input.durationSec),
    [input.timeline, input.durationSec],
  );
  const regions = useMemo(() => buildReviewRegions(input, input.durationSec), [input]);
  const duration = input.durationSec;
  const summaryId = useId();
  const intl = useIntl();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const { peaks, durationSec } = timelinePeaks(timeline, duration);
    const callerColour = cssVar('--review-caller', '#6b7177');
    const agentColour = cssVar('--review-agent', '#0072b2');
    const media = input.audioUrl ? new Audio(input.audioUrl) : undefined;
    const regionsPlugin = RegionsPlugin.create();
    const ws = WaveSurfer.create({
      container: host,
      height: LANE_HEIGHT,
      peaks,
      duration: durationSec,
      media,
      normalize: false,
      barWidth: 2,
      barGap: 1,
      cursorColor: cssVar('--fg', '#1d1f21'),
      cursorWidth: 2,
      dragToSeek: false,
      splitChannels: [
        { waveColor: callerColour, progressColor: callerColour, height: LANE_HEIGHT },
        { waveColor: agentColour, progressColor: agentColour, height: LANE_HEIGHT },
      ],
      plugins: [
        regionsPlugin,
        TimelinePlugin.create({
          height: 18,
          formatTimeCallback: (s) => formatReviewTime(s, intl).replace(/[.,]0$/, ''),
        }),
        HoverPlugin.create({
          lineColor: cssVar('--muted', '#5b6066'),
          lineWidth: 1,
          labelSize: 11,
          formatTimeCallback: (s) => formatReviewTime(s, intl),
        }),
      ],
    });
    wsRef.current = ws;
    const unsubscribe = [
      ws.on('timeupdate', (t) => setCursor(t)),
      ws.on('play', () => setPlaying(true)),
      ws.on('pause', () => setPlaying(false)),
      ws.on('ready', () => {
        for (const r of regions) addRegion(regionsPlugin, r, (t) => ws.setTime(t), intl);
        setReady(true);
      }),
    ];
    return () => {
      unsubscribe.forEach((u) => u());
      ws.destroy();
      wsRef.current = null;
      setReady(false);
      setPlaying(false);
      setCursor(0);
      media?.removeAttribute('src');
    };
  }, [timeline, duration, regions, input.audioUrl, intl]);

  const jump = (t: number) => {
    const clamped = Math.min(duration, Math.max(0, t));
    wsRef.current?.setTime(clamped);
    setCursor(clamped);
  };

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? 5 : 1;
    if (e.key === 'ArrowRight') jump(cursor + step);
    else if (e.key === 'ArrowLeft') jump(cursor - step);
    else if (e.key === 'Home') jump(0);
    else if (e.key === 'End') jump(duration);
    else if (e.key === ' ' && input.audioUrl) void wsRef.current?.playPause();
    else return;
    e.preventDefault();
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width <= 0) return;
    setHover(Math.min(duration, Math.max(0, ((e.clientX - rect.left) / rect.width) * duration)));
  }

  const at = levelsAt(timeline, cursor);
  const hovered = hover === null ? null : levelsAt(timeline, hover);
  const kindsPresent = REGION_KINDS.filter((k) => regions.some((r) => r.kind === k));

  return (
    <section
      className="call-review"
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      data-duration={duration.toFixed(3)}
      aria-label={intl.formatMessage({ id: 'review.label' })}
    >
      <div className="review-lanes">
        <span className="lane-label caller" aria-hidden="true">
          <FormattedMessage id="review.caller" />
        </span>
        <span className="lane-label agent" aria-hidden="true">
          <FormattedMessage id="review.you" />
        </span>
        <div
          ref={hostRef}
          className="review-wave"
          tabIndex={0}
          role="slider"
          aria-label={intl.formatMessage({ id: 'review.position' })}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration * 10) / 10}
          aria-valuenow={Math.round(cursor * 10) / 10}
          aria-valuetext={formatReviewTime(cursor, intl)}
          aria-describedby={input.timeline ? summaryId : undefined}
          data-testid="review-wave"
          onKeyDown={onKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        />
      </div>
      <div className="review-readouts">
        <p className="readout" data-testid="review-cursor" data-time={cursor.toFixed(2)}>
          <FormattedMessage
            id="review.cursor"
            values={{
              time: formatReviewTime(cursor, intl),
              caller: formatLufs(at.caller.momentary, intl),
              agent: formatLufs(at.agent.momentary, intl),
              b: (chunks) => <strong>{chunks}</strong>,
            }}
          />
        </p>
        <p className="readout muted" data-testid="review-hover" aria-live="off">
          {hovered ? (
            <FormattedMessage
              id="review.pointer"
              values={{
                time: formatReviewTime(hovered.timeSec, intl),
                caller: formatLufs(hovered.caller.momentary, intl),
                agent: formatLufs(hovered.agent.momentary, intl),
              }}
            />
          ) : (
            <FormattedMessage id="review.pointer.hint" />
          )}
        </p>
      </div>
      {input.audioUrl && (
        <div className="actions">
          <button
            type="button"
            onClick={() => void wsRef.current?.playPause()}
            data-testid="review-play"
            disabled={!ready}
          >
            <FormattedMessage
              id={playing ? 'review.pause' : 'review.play'}
              values={{ key: (chunks) => <kbd>{chunks}</kbd> }}
            />
          </button>
        </div>
      )}
      {input.timeline === null && (
        <p className="muted">
          <FormattedMessage id="review.no-timeline" />
        </p>
      )}
      <ul className="review-legend" aria-label={intl.formatMessage({ id: 'review.legend' })}>
        <li>
          <span className="review-swatch lane caller" aria-hidden="true" />{' '}
          <FormattedMessage id="review.legend.caller" />
        </li>
        <li>
          <span className="review-swatch lane agent" aria-hidden="true" />{' '}
          <FormattedMessage id="review.legend.agent" />
        </li>
        {kindsPresent.map((k) => (
          <li key={k}>
            <span className="review-swatch" aria-hidden="true" style={regionBackground(k)}>
              {regionShort(k, intl)}
            </span>{' '}
            {regionName(k, intl)}
          </li>
        ))}
      </ul>
      {input.timeline && (
        <ReviewText
          id={summaryId}
          timeline={input.timeline}
          durationSec={duration}
          regions={regions}
        />
      )}
      <RegionList regions={regions} cursor={cursor} onJump={jump} />
    </section>
  );
}

function addRegion(
  plugin: RegionsPlugin,
  r: ReviewRegion,
  jump: (t: number) => void,
  intl: IntlShape,
): void {
  const style = REGION_STYLES[r.kind];
  const label = document.createElement('span');
  label.className = 'region-label';
  label.textContent = regionShort(r.kind, intl);
  Object.assign(label.style, {
    fontSize: '10px',
    fontWeight: '700',
    padding: '0 2px',
    background: 'var(--panel)',
    color: 'var(--fg)',
    borderRadius: '2px',
    lineHeight: '1.2',
  });
  const region = plugin.addRegion({
    id: r.id,
    start: r.start,
    end: r.end,
    color: 'transparent',
    drag: false,
    resize: false,
    channelIdx: style.lane,
    content: label,
  });
  const el = region.element;
  if (el) {
    Object.assign(el.style, regionBackground(r.kind), { cursor: 'pointer' });
    el.dataset.kind = r.kind;
    el.dataset.start = r.start.toFixed(3);
    el.dataset.end = r.end.toFixed(3);
    el.dataset.lane = String(style.lane);
    el.setAttribute('data-testid', 'review-region');
    el.title = describeRegion(r, intl);
  }
  region.on('click', (e) => {
    e.stopPropagation();
    jump(r.start);
  });
}

function RegionList({
  regions,
  cursor,
  onJump,
}: {
  regions: ReviewRegion[];
  cursor: number;
  onJump(t: number): void;
}) {
  const intl = useIntl();
  if (regions.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="review.regions.none" />
      </p>
    );
  return (
    <details className="region-list">
      <summary>
        <FormattedMessage id="review.regions" values={{ count: regions.length }} />
      </summary>
      <ul className="plain" data-testid="review-region-list">
        {regions.map((r) => (
          <li
            key={r.id}
            data-kind={r.kind}
            data-start={r.start.toFixed(3)}
            data-end={r.end.toFixed(3)}
          >
            <button
              type="button"
              className="review-jump"
              aria-current={cursor >= r.start && cursor <= r.end ? 'true' : undefined}
              onClick={() => onJump(r.start)}
            >
              <span className="review-swatch" aria-hidden="true" style={regionBackground(r.kind)}>
                {regionShort(r.kind, intl)}
              </span>{' '}
              {describeRegion(r, intl)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
