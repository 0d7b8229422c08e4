import { describe, expect, it } from 'vitest';
import {
  REGION_STYLES,
  buildReviewRegions,
  describeRegion,
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

  it('a session without phone events has no hold regions', () => {
    expect(buildReviewRegions({ overtalk: [], cues: [] }, 10)).toEqual([]);
  });
});
