/** The meters' scale and peak hold: pure functions the canvas drawing and the tests share. */
export const METER_FLOOR_LUFS = -60;
export const METER_CEILING_LUFS = -10;
export const METER_TICKS_LUFS = [-60, -50, -40, -30, -20, -10] as const;

/** Position of a level on the meter, 0 (floor or silence) … 1 (ceiling). */
export function meterFraction(lufs: number | null): number {
  if (lufs === null || !Number.isFinite(lufs)) return 0;
  const f = (lufs - METER_FLOOR_LUFS) / (METER_CEILING_LUFS - METER_FLOOR_LUFS);
  return Math.min(1, Math.max(0, f));
}

/** Peak hold: the highest level of the last `holdSec`, then falling at `fallLuPerSec`. */
export class PeakHold {
  private peak: number | null = null;
  private heldAt = 0;

  constructor(
    private readonly holdSec = 1.5,
    private readonly fallLuPerSec = 12,
  ) {}

  update(level: number | null, nowSec: number): number | null {
    if (level !== null && (this.peak === null || level >= this.peak)) {
      this.peak = level;
      this.heldAt = nowSec;
    } else if (this.peak !== null && nowSec - this.heldAt > this.holdSec) {
      const fallen = this.peak - this.fallLuPerSec * (nowSec - this.heldAt - this.holdSec);
      const floor = level ?? METER_FLOOR_LUFS;
      if (fallen <= floor) {
        this.peak = level;
        this.heldAt = nowSec;
      } else return fallen;
    }
    return this.peak;
  }
}
