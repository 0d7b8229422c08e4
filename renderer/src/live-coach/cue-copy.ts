/**
 * What the banner says for each cue. Colour is never the only signal: every state has its own icon
 * (a distinct shape) and words. Colours are from the Okabe–Ito palette, which stays distinct for the
 * common colour-vision deficiencies.
 */
export type BannerState =
  | 'idle'
  | 'listening'
  | 'wait-for-pause'
  | 'your-turn'
  | 'talking-over'
  | 'too-loud'
  | 'caller-heated';

export interface BannerCopy {
  /** What the cue tile says, big: one to three words, read at a glance from 60 cm. */
  word: string;
  /** The cue in full, as screen readers announce it and the review names it. */
  title: string;
  hint: string;
  /** Icon id in CueIcon.tsx: each a different shape. */
  icon: 'dot' | 'ear' | 'hand' | 'speak' | 'overlap' | 'volume-down' | 'flame';
  /** CSS custom property holding the colour. */
  tone: string;
}

export const BANNER_COPY: Readonly<Record<BannerState, BannerCopy>> = {
  idle: {
    word: 'Ready',
    title: 'Ready',
    hint: 'Start a call when you pick up.',
    icon: 'dot',
    tone: '--tone-idle',
  },
  listening: {
    word: 'Listening',
    title: 'Listening',
    hint: 'Steady and calm.',
    icon: 'ear',
    tone: '--tone-idle',
  },
  'wait-for-pause': {
    word: 'Wait',
    title: 'Wait for the pause',
    hint: 'For the pause. Let the wave pass — don’t interrupt.',
    icon: 'hand',
    tone: '--tone-wait',
  },
  'your-turn': {
    word: 'Your turn',
    title: 'Your turn — speak softly',
    hint: 'Speak softly. Restate what matters, then ask them to confirm.',
    icon: 'speak',
    tone: '--tone-turn',
  },
  'talking-over': {
    word: 'Talking over',
    title: 'You’re talking over',
    hint: 'Stop and let them finish.',
    icon: 'overlap',
    tone: '--tone-over',
  },
  'too-loud': {
    word: 'Softer',
    title: 'Speak softly',
    hint: 'Lower your voice — never match their volume.',
    icon: 'volume-down',
    tone: '--tone-loud',
  },
  'caller-heated': {
    word: 'Caller heated',
    title: 'Caller heated',
    hint: 'They have a right to be angry. Stay steady.',
    icon: 'flame',
    tone: '--tone-heated',
  },
};

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
