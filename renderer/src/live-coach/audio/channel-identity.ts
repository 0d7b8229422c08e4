/**
 * Tells a real stereo source from a mono one dressed up as stereo. `getSettings().channelCount` says 2
 * either way, so the signal decides: if, over about a second of sound, the two channels never differ,
 * the "split" device is not split.
 */
export type ChannelVerdict = 'unknown' | 'distinct' | 'identical';

const SOUND_FLOOR = 1e-4; // about −80 dBFS: below this a block is silence and proves nothing
const SAME = 1e-6;

export class ChannelIdentityCheck {
  private soundSamples = 0;
  private identicalSamples = 0;
  private verdictValue: ChannelVerdict = 'unknown';

  constructor(
    private readonly sampleRate: number,
    private readonly decideAfterSec = 1,
  ) {}

  get verdict(): ChannelVerdict {
    return this.verdictValue;
  }

  reset(): void {
    this.soundSamples = 0;
    this.identicalSamples = 0;
    this.verdictValue = 'unknown';
  }

  /** Feed one block of both channels; returns the verdict so far. */
  update(left: Float32Array, right: Float32Array): ChannelVerdict {
    let sound = false;
    let differs = false;
    const n = Math.min(left.length, right.length);
    for (let i = 0; i < n; i++) {
      const l = left[i];
      const r = right[i];
      if (!sound && (l > SOUND_FLOOR || l < -SOUND_FLOOR || r > SOUND_FLOOR || r < -SOUND_FLOOR))
        sound = true;
      if (!differs && Math.abs(l - r) > SAME) differs = true;
    }
    if (!sound) return this.verdictValue;
    this.soundSamples += n;
    if (!differs) this.identicalSamples += n;
    if (differs && this.soundSamples - this.identicalSamples > this.sampleRate * 0.05)
      this.verdictValue = 'distinct';
    else if (
      this.verdictValue === 'unknown' &&
      this.identicalSamples >= this.sampleRate * this.decideAfterSec
    ) {
      this.verdictValue = 'identical';
    }
    return this.verdictValue;
  }
}
