import { describe, expect, it } from 'vitest';
import {
  REGION_STYLES,
  buildReviewRegions,
  describeRegion,
  regionShort,
} from '../../../renderer/src/review/review-regions';

describe('holds in the review', () => {
  it('shows each hold the phone software reported as a region across both lanes, in time order', () => {
    const regions = buildReviewRegions(
      {
        overtalk: [],
        cues: [
          { cue: 'wait-for-pause', start: 0.5, end: 4 },
          { cue: 'your-turn', start: 21, end: 22 },
        ],
        holds: [{ start: 8.4, end: 18.6 }],
      },
      25,
    );
    expect(regions.map((r) => r.kind)).toEqual(['wait-for-pause', 'hold', 'your-turn']);
    expect(REGION_STYLES.hold.lane).toBe(-1);
    expect(describeRegion(regions[1])).toBe('On hold 8.4–18.6 s');
  });

  it('labels music on hold recognised from the sound as such', () => {
    const regions = buildReviewRegions(
      {
        overtalk: [],
        cues: [],
        holds: [
          { start: 2, end: 5, source: 'event' },
          { start: 9.1, end: 39.4, source: 'music' },
        ],
      },
      45,
    );
    expect(regions.map((r) => r.kind)).toEqual(['hold', 'hold-music']);
    expect(describeRegion(regions[1])).toBe('On hold (music) 9.1–39.4 s');
    expect(regionShort('hold-music')).not.toBe(regionShort('hold'));
  });

  it('a session without phone events has no hold regions', () => {
    expect(buildReviewRegions({ overtalk: [], cues: [] }, 10)).toEqual([]);
  });
});
