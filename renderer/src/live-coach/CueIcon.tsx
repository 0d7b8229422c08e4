import type { ReactElement } from 'react';
import type { BannerCopy } from './cue-copy';

/** Inline SVG icons (bundled, no icon font): each cue has a different silhouette. */
export function CueIcon({ icon }: { icon: BannerCopy['icon'] }) {
  return (
    <svg className="cue-icon" viewBox="0 0 48 48" aria-hidden="true" data-icon={icon}>
      {ICON_PATHS[icon]}
    </svg>
  );
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 4,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

const ICON_PATHS: Record<BannerCopy['icon'], ReactElement> = {
  dot: <circle cx="24" cy="24" r="8" fill="currentColor" />,
  ear: (
    <path {...stroke} d="M16 20a8 8 0 1 1 16 0c0 6-6 8-6 14a5 5 0 0 1-9 2M22 20a2 2 0 1 1 4 0" />
  ),
  hand: (
    <path
      {...stroke}
      d="M16 26V12m6 12V8m6 16V10m6 18v-12M16 26l-4-4m4 4c0 8 4 14 10 14s10-5 10-12"
    />
  ),
  speak: <path {...stroke} d="M8 12h26v16H20l-8 7v-7H8zM38 18h2v14h-4v6l-6-6h-8" />,
  overlap: (
    <g {...stroke}>
      <rect x="6" y="8" width="22" height="16" rx="3" />
      <rect x="20" y="22" width="22" height="16" rx="3" />
    </g>
  ),
  'volume-down': <path {...stroke} d="M8 18h8l10-8v28l-10-8H8zM34 20l6 4-6 4" />,
  flame: (
    <path
      {...stroke}
      d="M24 6c2 8 12 12 12 22a12 12 0 0 1-24 0c0-6 4-8 4-12 4 2 6 6 6 8 2-6 0-12 2-18z"
    />
  ),
};
