import { describe, expect, it } from 'vitest';
import { describeRecordingWarning } from '../../../renderer/src/review/recording-warnings';

describe('an opened recording’s warnings in words', () => {
  it('says whose voice is on which channel, how far down, and that the copy is not counted', () => {
    expect(
      describeRecordingWarning({
        kind: 'crosstalk',
        from: 'caller',
        into: 'agent',
        levelDb: -22.8,
      }),
    ).toBe(
      "The caller's voice is also on your channel, 23 dB down (crosstalk: the recorder or its codec " +
        'mixes the channels — stereo Opus under 28 kbit/s does). That copy is not counted as you speaking.',
    );
    expect(
      describeRecordingWarning({
        kind: 'crosstalk',
        from: 'agent',
        into: 'caller',
        levelDb: -31.6,
      }),
    ).toMatch(
      /^Your voice is also on the caller's channel, 32 dB down .* not counted as the caller speaking\.$/,
    );
  });
});
