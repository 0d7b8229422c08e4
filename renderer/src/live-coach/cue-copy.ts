/**
 * What the banner says for each cue. Colour is never the only signal: every state has its own icon
 * (a distinct shape) and words. Colours are from the Okabe–Ito palette, which stays distinct for the
 * common colour-vision deficiencies.
 */
import type { IntlShape } from 'react-intl';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';

export type BannerState =
  | 'idle'
  | 'listening'
  | 'wait-for-pause'
  | 'your-turn'
  | 'talking-over'
  | 'too-loud'
  | 'caller-heated';

/** The catalogue's keys of each cue's words (renderer/src/i18n/messages): listed whole, so the catalogue
 * test sees each one used. */
export const CUE_MESSAGES: Readonly<
  Record<
    BannerState,
    { readonly word: MessageKey; readonly title: MessageKey; readonly hint: MessageKey }
  >
> = {
  idle: {
    word: 'coach.cue.idle.word',
    title: 'coach.cue.idle.title',
    hint: 'coach.cue.idle.hint',
  },
  listening: {
    word: 'coach.cue.listening.word',
    title: 'coach.cue.listening.title',
    hint: 'coach.cue.listening.hint',
  },
  'wait-for-pause': {
    word: 'coach.cue.wait-for-pause.word',
    title: 'coach.cue.wait-for-pause.title',
    hint: 'coach.cue.wait-for-pause.hint',
  },
  'your-turn': {
    word: 'coach.cue.your-turn.word',
    title: 'coach.cue.your-turn.title',
    hint: 'coach.cue.your-turn.hint',
  },
  'talking-over': {
    word: 'coach.cue.talking-over.word',
    title: 'coach.cue.talking-over.title',
    hint: 'coach.cue.talking-over.hint',
  },
  'too-loud': {
    word: 'coach.cue.too-loud.word',
    title: 'coach.cue.too-loud.title',
    hint: 'coach.cue.too-loud.hint',
  },
  'caller-heated': {
    word: 'coach.cue.caller-heated.word',
    title: 'coach.cue.caller-heated.title',
    hint: 'coach.cue.caller-heated.hint',
  },
};

export interface CueWords {
  /** What the cue tile says, big: one to three words, read at a glance from 60 cm. */
  word: string;
  /** The cue in full, as screen readers announce it and the review names it. */
  title: string;
  hint: string;
}

/** A cue's words in the language of `intl` (English without one). */
export function cueWords(
  state: BannerState,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): CueWords {
  const keys = CUE_MESSAGES[state];
  return {
    word: intl.formatMessage({ id: keys.word }),
    title: intl.formatMessage({ id: keys.title }),
    hint: intl.formatMessage({ id: keys.hint }),
  };
}

export interface BannerCopy extends CueWords {
  /** Icon id in CueIcon.tsx: each a different shape. */
  icon: 'dot' | 'ear' | 'hand' | 'speak' | 'overlap' | 'volume-down' | 'flame';
  /** CSS custom property holding the colour. */
  tone: string;
}

const CUE_LOOK: Readonly<Record<BannerState, Pick<BannerCopy, 'icon' | 'tone'>>> = {
  idle: { icon: 'dot', tone: '--tone-idle' },
  listening: { icon: 'ear', tone: '--tone-idle' },
  'wait-for-pause': { icon: 'hand', tone: '--tone-wait' },
  'your-turn': { icon: 'speak', tone: '--tone-turn' },
  'talking-over': { icon: 'overlap', tone: '--tone-over' },
  'too-loud': { icon: 'volume-down', tone: '--tone-loud' },
  'caller-heated': { icon: 'flame', tone: '--tone-heated' },
};

/** Each cue's look and its English words (screens not yet translated, and the tests, read these). */
export const BANNER_COPY: Readonly<Record<BannerState, BannerCopy>> = Object.fromEntries(
  (Object.keys(CUE_LOOK) as BannerState[]).map((state) => [
    state,
    { ...CUE_LOOK[state], ...cueWords(state) },
  ]),
) as Record<BannerState, BannerCopy>;

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
