/**
 * Gated integrated loudness (ITU-R BS.1770-4 §2.8) in constant memory, for meters that run for hours.
 *
 * Every 400 ms gating block above the absolute gate lands in a bin 0.01 LU wide; a bin keeps the NUMBER of
 * blocks and the SUM of their mean-square energies. The gated mean is therefore exact — it sums the true
 * energies — except for the blocks in the one bin that the relative gate cuts through: that bin is taken
 * whole or left out according to its own mean energy (an error far below 0.01 LU in practice).
 */

export const ABSOLUTE_GATE_LUFS = -70;
export const RELATIVE_GATE_LU = -10;
/** Loudness offset of BS.1770: L = -0.691 + 10 log10(mean square). */
export const LUFS_OFFSET = -0.691;

const BINS_PER_LU = 100;
/** Upper end of the binned range. Louder blocks (not reachable by real audio) share the top bin, exactly summed. */
const TOP_LUFS = 30;
const BIN_COUNT = (TOP_LUFS - ABSOLUTE_GATE_LUFS) * BINS_PER_LU;

/** -0.691 + 10 log10(p); -Infinity for p <= 0. */
export function powerToLufs(meanSquare: number): number {
  return meanSquare > 0 ? LUFS_OFFSET + 10 * Math.log10(meanSquare) : -Infinity;
}

/** The mean square that reads `lufs`. */
export function lufsToPower(lufs: number): number {
  return Math.pow(10, (lufs - LUFS_OFFSET) / 10);
}

const ABSOLUTE_GATE_POWER = lufsToPower(ABSOLUTE_GATE_LUFS);

export class LoudnessHistogram {
  private readonly counts = new Float64Array(BIN_COUNT);
  private readonly energies = new Float64Array(BIN_COUNT);
  private blockCount = 0;
  private cached: number | null = null;
  private dirty = false;

  /** Adds one gating block by its channel-summed mean square. Blocks below the absolute gate are dropped. */
  add(blockPower: number): void {
    // Strict ">" as in BS.1770 (l_j > Γa); also rejects NaN.
    if (!(blockPower > ABSOLUTE_GATE_POWER)) return;
    const lufs = powerToLufs(blockPower);
    let bin = Math.floor((lufs - ABSOLUTE_GATE_LUFS) * BINS_PER_LU);
    if (bin < 0) bin = 0;
    else if (bin >= BIN_COUNT) bin = BIN_COUNT - 1;
    this.counts[bin] += 1;
    this.energies[bin] += blockPower;
    this.blockCount++;
    this.dirty = true;
  }

  /** Number of blocks above the absolute gate. */
  get gatedBlockCount(): number {
    return this.blockCount;
  }

  /** Gated integrated loudness in LUFS, or null when no block passed the absolute gate. */
  integratedLufs(): number | null {
    if (this.dirty) {
      this.cached = this.compute();
      this.dirty = false;
    }
    return this.cached;
  }

  reset(): void {
    this.counts.fill(0);
    this.energies.fill(0);
    this.blockCount = 0;
    this.cached = null;
    this.dirty = false;
  }

  private compute(): number | null {
    const counts = this.counts;
    const energies = this.energies;
    let n = 0;
    let e = 0;
    for (let i = 0; i < BIN_COUNT; i++) {
      n += counts[i];
      e += energies[i];
    }
    if (n === 0) return null;
    const gatePower = (e / n) * Math.pow(10, RELATIVE_GATE_LU / 10);
    const gateLufs = powerToLufs(gatePower);
    const gateBin = Math.floor((gateLufs - ABSOLUTE_GATE_LUFS) * BINS_PER_LU);
    let gn = 0;
    let ge = 0;
    for (let i = Math.max(0, gateBin + 1); i < BIN_COUNT; i++) {
      gn += counts[i];
      ge += energies[i];
    }
    if (
      gateBin >= 0 &&
      gateBin < BIN_COUNT &&
      counts[gateBin] > 0 &&
      energies[gateBin] / counts[gateBin] > gatePower
    ) {
      gn += counts[gateBin];
      ge += energies[gateBin];
    }
    return gn > 0 ? powerToLufs(ge / gn) : null;
  }
}
