/**
 * The review's regions: one per overtalk and per cue interval of the call, each with a lane (the caller's
 * lane on top, the agent's below, overtalk across both), a colour from the colour-blind-safe palette and,
 * because colour is never the only signal, a short label and a stripe pattern of its own.
 */
import type { IntlShape } from 'react-intl';
import type { CueKind, HoldSource } from '../../engine/call-types';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';

export type RegionKind = 'overtalk' | CueKind | 'hold' | 'hold-music';

export interface RegionStyle {
  /** The legend's and the list's name. */
  name: MessageKey;
  /** Shown inside the region (short: regions can be narrow at 360 px; each its own in every language). */
  short: MessageKey;
  /** CSS colour variable from styles.css. */
  tone: string;
  /** Stripe angle (deg) of the region's pattern; null = solid. */
  stripes: number | null;
  /** 0 = caller lane, 1 = agent lane, -1 = both. */
  lane: -1 | 0 | 1;
}

export const REGION_STYLES: Readonly<Record<RegionKind, RegionStyle>> = {
  overtalk: {
    name: 'review.region.overtalk',
    short: 'review.region.overtalk.short',
    tone: '--tone-over',
    stripes: 45,
    lane: -1,
  },
  'wait-for-pause': {
    name: 'review.region.wait-for-pause',
    short: 'review.region.wait-for-pause.short',
    tone: '--tone-wait',
    stripes: null,
    lane: 0,
  },
  'caller-heated': {
    name: 'review.region.caller-heated',
    short: 'review.region.caller-heated.short',
    tone: '--tone-heated',
    stripes: 135,
    lane: 0,
  },
  'your-turn': {
    name: 'review.region.your-turn',
    short: 'review.region.your-turn.short',
    tone: '--tone-turn',
    stripes: null,
    lane: 1,
  },
  'talking-over': {
    name: 'review.region.talking-over',
    short: 'review.region.talking-over.short',
    tone: '--tone-over',
    stripes: 90,
    lane: 1,
  },
  'too-loud': {
    name: 'review.region.too-loud',
    short: 'review.region.too-loud.short',
    tone: '--tone-loud',
    stripes: 0,
    lane: 1,
  },
  // The phone software put the call on hold (music on hold: no cues then).
  hold: {
    name: 'review.region.hold',
    short: 'review.region.hold.short',
    tone: '--tone-idle',
    stripes: 60,
    lane: -1,
  },
  // Music on hold recognised from the caller's line, without an event (no cues then either).
  'hold-music': {
    name: 'review.region.hold-music',
    short: 'review.region.hold-music.short',
    tone: '--tone-idle',
    stripes: 120,
    lane: -1,
  },
};

export const REGION_KINDS = Object.keys(REGION_STYLES) as RegionKind[];

export interface ReviewRegion {
  /** Stable and unique within the call: kind and order. */
  id: string;
  kind: RegionKind;
  start: number;
  end: number;
  /** Overtalk only: who started it. */
  startedBy?: 'caller' | 'agent';
}

export interface RegionSource {
  overtalk: readonly { start: number; end: number; startedBy: 'caller' | 'agent' }[];
  cues: readonly { cue: CueKind; start: number; end: number }[];
  /** Holds the phone software reported (session call.phone.holds), or music recognised on the line (source 'music'). */
  holds?: readonly { start: number; end: number; source?: HoldSource }[];
}

/** All regions of a call in time order (ties: overtalk first, then the cue order of the legend). */
export function buildReviewRegions(call: RegionSource, durationSec: number): ReviewRegion[] {
  const clamp = (t: number) => Math.min(durationSec, Math.max(0, t));
  const counts = new Map<RegionKind, number>();
  const id = (kind: RegionKind) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return `${kind}-${n}`;
  };
  const regions: ReviewRegion[] = [
    ...call.overtalk.map((o) => ({
      id: id('overtalk'),
      kind: 'overtalk' as const,
      start: clamp(o.start),
      end: clamp(o.end),
      startedBy: o.startedBy,
    })),
    ...call.cues.map((c) => ({
      id: id(c.cue),
      kind: c.cue,
      start: clamp(c.start),
      end: clamp(c.end),
    })),
    ...(call.holds ?? []).map((h) => ({
      id: id(h.source === 'music' ? 'hold-music' : 'hold'),
      kind: h.source === 'music' ? ('hold-music' as const) : ('hold' as const),
      start: clamp(h.start),
      end: clamp(h.end),
    })),
  ];
  const order = (k: RegionKind) => REGION_KINDS.indexOf(k);
  return regions
    .filter((r) => r.end >= r.start)
    .sort((a, b) => a.start - b.start || order(a.kind) - order(b.kind));
}

/** Inline style of a region's box (inside wavesurfer's shadow DOM: the palette variables inherit). */
export function regionBackground(kind: RegionKind): {
  backgroundColor: string;
  backgroundImage: string;
  border: string;
} {
  const s = REGION_STYLES[kind];
  const tone = `var(${s.tone})`;
  return {
    backgroundColor: `color-mix(in srgb, ${tone} 22%, transparent)`,
    backgroundImage:
      s.stripes === null
        ? 'none'
        : `repeating-linear-gradient(${s.stripes}deg, color-mix(in srgb, ${tone} 55%, transparent) 0 2px, transparent 2px 7px)`,
    border: `1px solid ${tone}`,
  };
}

type Words = Pick<IntlShape, 'formatMessage'>;

/** A region kind's name in the legend and the list, in the language of `intl` (English without one). */
export function regionName(kind: RegionKind, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: REGION_STYLES[kind].name });
}

/** The short label drawn inside a region. */
export function regionShort(kind: RegionKind, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: REGION_STYLES[kind].short });
}

/** "Overtalk 10.6–11.8 s, started by you" — the list's and the screen reader's description. */
export function describeRegion(r: ReviewRegion, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage(
    { id: 'review.region.describe' },
    { name: regionName(r.kind, intl), start: r.start, end: r.end, by: r.startedBy ?? 'none' },
  );
}
