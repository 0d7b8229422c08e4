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
  title: string;
  hint: string;
  /** Icon id in CueIcon.tsx: each a different shape. */
  icon: 'dot' | 'ear' | 'hand' | 'speak' | 'overlap' | 'volume-down' | 'flame';
  /** CSS custom property holding the colour. */
  tone: string;
}

export const BANNER_COPY: Readonly<Record<BannerState, BannerCopy>> = {
  idle: {
    title: 'Ready',
    hint: 'Start a call when you pick up.',
    icon: 'dot',
    tone: '--tone-idle',
  },
  listening: { title: 'Listening', hint: 'Steady and calm.', icon: 'ear', tone: '--tone-idle' },
  'wait-for-pause': {
    title: 'Wait for the pause',
    hint: 'Let the wave pass. Listen, don’t interrupt.',
    icon: 'hand',
    tone: '--tone-wait',
  },
  'your-turn': {
    title: 'Your turn — speak softly',
    hint: 'Restate what matters to them, then ask them to confirm.',
    icon: 'speak',
    tone: '--tone-turn',
  },
  'talking-over': {
    title: 'You’re talking over',
    hint: 'Stop and let them finish.',
    icon: 'overlap',
    tone: '--tone-over',
  },
  'too-loud': {
    title: 'Speak softly',
    hint: 'Lower your voice — never match their volume.',
    icon: 'volume-down',
    tone: '--tone-loud',
  },
  'caller-heated': {
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
