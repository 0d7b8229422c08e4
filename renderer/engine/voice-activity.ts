/**
 * Voice activity for one channel, decided per frame (10 ms, aligned with the loudness meter's
 * sub-blocks: the call engine feeds both with the same chunks).
 *
 * How a frame is judged:
 *   1. band-limit to 250–3600 Hz (VoiceBandFilter): hum fundamentals, rumble and hiss are out;
 *   2. frame energy E (dB of the mean square of the band-limited samples over the last 20 ms: this frame
 *      and the one before — on single 10 ms frames, where the grid happens to fall on a syllable's decay
 *      moved segment ends by up to 0.16 s; live and offline frames never fall at the same phase). A
 *      frame after the last loud one still reads voiced half the time, so speech is taken to end half a
 *      frame before the last voiced frame's end (unbiased against the truth of generated calls);
 *   3. noise floor F by minimum tracking: the lowest 50 ms mean energy (five frames) over the last 3 s
 *      (12 windows of 250 ms). Real speech always has low stretches between words within 3 s, so F sits on
 *      the line noise (pink noise, residual hum harmonics, a quiet room) whatever the speech level. The
 *      50 ms mean matters for hum: 50/60 Hz harmonics repeat every 20/50 ms, so single 10 ms frames
 *      alternate by a few dB and one lucky cancellation would drag a plain minimum below the hum. A 50 ms
 *      mean holding a frame judged plainly a copy of the other channel (penaltyDb of MAX_PENALTY_DB,
 *      channel-crosstalk.ts) is not tracked: that frame is the other side's sound, or what a codec left of
 *      this line while coding it — Opus 24 kbit/s codes the quiet channel down to −85…−100 dB while the
 *      other party speaks, and a floor learned there hears the line's own noise, back at −65 dB, as speech;
 *   4. voiced when E > max(F + thresholdDb, minFrameDbfs, the caller's gate). A 10 ms frame of band-limited noise has about
 *      67 degrees of freedom (2 × 3.35 kHz × 10 ms), so its energy varies by about ±1 dB; 5 dB above the
 *      lowest 50 ms mean is 4 or more standard deviations above the noise, while speech at 5–10 dB SNR
 *      still has most of its frames above it. (Measured on generated calls: 3 dB starts letting noise
 *      through — precision 0.87–0.98 — and 9 dB loses 5–15 % of the speech frames at 10 dB SNR.)
 *      The caller of endFrame may raise the bar for a frame (the agent's close-talk and leak gates,
 *      agent-voice-gate.ts): that only decides voicing, the floor is tracked the same way.
 *
 * No signal. A frame whose raw (unfiltered) mean square is under NO_SIGNAL_DBFS — digital silence: a muted
 * mic, a capture not yet started, a lost device — is "no signal": never voiced, never fed to the floor
 * tracker, never learned from. After MUTE_SEC of it the channel is `muted` and the floor is forgotten,
 * so whatever comes back (the headset's own noise at unmute, another device) is learned afresh, not
 * read as speech against the −120 dB of silence. Until the floor is known again — sound steady for 0.5 s
 * (below), or 3 s of sound to track its minimum over — the floor is the tracked minimum since the sound
 * came back but never above RETURN_FLOOR_DB, a floor no working line or headset is under (a headset's own noise, about −65 dBFS, is −69 dB in this
 * band): speech right after digital silence (phone-network silence suppression, a clean recording) is
 * found from its first syllable, while the noise that comes back at unmute is not speech. After any
 * no-signal frame the tracker waits until the 50 ms smoothing holds signal frames only.
 *
 * Noise steps. Minimum tracking alone follows a rise in the noise only after its 3 s window: a fan, a bus
 * passing the caller or a louder room would read as speech meanwhile. So the detector also watches the
 * last 0.5 s of 50 ms energies: when they stay within STATIONARY_SPREAD_DB of each other the sound is
 * steady — speech never is for half a second, its syllables rise and fall by 10 dB and more — and the
 * floor is moved up to their minimum at once. A gradual rise (a bus approaching) is followed as it
 * happens and never crosses the threshold; a sudden step is re-learned 0.5 s after it — 0.35 s after it
 * when it rises STEP_MAX_DB or less (STEP_STATIONARY_SEC), 0.2 s when the new level is very steady
 * (FAST_STATIONARY_SEC).
 *
 * Turning frames into speech segments:
 *   - onset: `onsetFrames` voiced frames (a gap of one unvoiced frame allowed) confirm speech — one
 *     click or pop does not;
 *   - hangover: speech ends after `hangoverSec` (300 ms) without a voiced frame, so the gaps between
 *     words and the weak consonants lost in line noise do not split a sentence;
 *   - both are only delays in *deciding*: a segment's start is the first voiced frame of the onset run
 *     and its end is the end of the last voiced frame, so rules downstream measure from true times.
 *
 * No allocation after construction; block size does not matter (filters run per sample, the caller
 * decides where frames end).
 */
import { MAX_PENALTY_DB } from './channel-crosstalk';
import { SUM_K_WEIGHTED, SUM_RAW, SUM_VOICE_BAND, runFusedFilterPass } from './fused-filter-pass';
import type { KWeightingFilter } from './k-weighting';
import { VoiceBandFilter } from './voice-band-filter';

export interface VoiceActivityOptions {
  /** Frame energy above the noise floor (dB) to count a frame as voiced. Default 5. */
  thresholdDb?: number;
  /** Voiced frames needed to confirm speech. Default 3 (30 ms). */
  onsetFrames?: number;
  /** Time without voiced frames that ends speech (s). Default 0.3. */
  hangoverSec?: number;
  /** Frames quieter than this (dBFS, band-limited mean square) are never voiced: only matters on digitally clean input (no line noise to track). Default -85. */
  minFrameDbfs?: number;
  /** Span of the minimum tracker (s). Default 3. */
  floorWindowSec?: number;
}

export const DEFAULT_VOICE_ACTIVITY_OPTIONS: Readonly<Required<VoiceActivityOptions>> =
  Object.freeze({
    thresholdDb: 5,
    onsetFrames: 3,
    hangoverSec: 0.3,
    minFrameDbfs: -85,
    floorWindowSec: 3,
  });

const FLOOR_SUB_WINDOW_SEC = 0.25;
const SILENCE_DB = -120;
const SMOOTH_FRAMES = 5;
/** Frames skipped by the floor tracker at the start, or when signal returns, while the filters settle. */
const SETTLE_FRAMES = 3;
/** Raw frame mean square under this (dBFS) is digital silence: under 1 LSB of 16-bit audio. */
export const NO_SIGNAL_DBFS = -90;
const NO_SIGNAL_POWER = Math.pow(10, NO_SIGNAL_DBFS / 10);
/** No signal for this long makes the channel `muted` and the floor is learned afresh when sound returns. */
export const MUTE_SEC = 0.1;
/** Speech confirmed this soon after sound returns from digital silence is taken to start with the sound (s). */
const RETURN_ONSET_SEC = 0.1;
/** The floor assumed after digital silence until the real one is known again (dB, band-limited). */
export const RETURN_FLOOR_DB = -67;
/**
 * Span over which steady sound moves the floor up at once, and how steady it must be (dB, max − min of 50 ms
 * energies). A line's noise coded at a low rate is not steady to 4 dB: Opus 24 kbit/s makes it pump 5–7 dB
 * and rides the other party's coded voice on it, so a caller's line stepping +6 dB as the agent spoke was
 * re-learned only by the 3 s minimum window (a false "talking over" and the caller's interruption after it
 * missed). Measured: 5.5 dB re-learns it, and leaves the floor and path tables and the calls' PCM, 8 kHz
 * and Opus 64 kbit/s rows unchanged.
 */
export const STATIONARY_SEC = 0.5;
export const STATIONARY_SPREAD_DB = 5.5;
/**
 * A rise of STEP_MAX_DB or less to a level steady within STATIONARY_SPREAD_DB is re-learned after
 * STEP_STATIONARY_SEC: a line's gain or room stepping, not a voice 20–40 dB over the line. On Opus 24 kbit/s
 * a caller's line stepping +10 dB as the agent spoke was re-learned 0.53 s after the step, the line read as
 * the caller over the agent's first 0.35 s (a false "talking over"); at 0.35 s it is not. The bound keeps
 * out a venting caller's vowels, steady that long: without it, 0.35 s cost them speech (hold-music calls,
 * caller accuracy en-male 0.979 → 0.942, es-allison 1.000 → 0.994); with 12 dB (or 15) the venting calls,
 * the floor, path and hold tables are unchanged.
 */
export const STEP_STATIONARY_SEC = 0.35;
export const STEP_MAX_DB = 12;
/**
 * A step to a very steady level is re-learned sooner: 50 ms energies within FAST_STATIONARY_SPREAD_DB for
 * FAST_STATIONARY_SEC (a caller's line whose gain stepped, a fan switched on) — steadier than any syllable
 * (measured: the floor and path calls unchanged, a line stepping +6/+10 dB as the agent speaks no longer
 * reads as the caller talking over them).
 */
export const FAST_STATIONARY_SEC = 0.2;
export const FAST_STATIONARY_SPREAD_DB = 1.5;

export class VoiceActivityDetector {
  private readonly filter: VoiceBandFilter;
  private readonly thresholdDb: number;
  private readonly onsetFrames: number;
  private readonly hangoverFrames: number;
  private readonly minFrameDbfs: number;

  // Minimum tracker: minima of the last `minima.length` sub-windows plus the one in progress.
  private readonly minima: Float64Array;
  private readonly subWindowFrames: number;
  private minimaPos = 0;
  private subWindowCount = 0;
  private subWindowMin = Infinity;

  // Last SMOOTH_FRAMES frame powers, for the 50 ms mean the minimum tracker follows, and which of them
  // were judged plainly a copy of the other channel (the mean is not tracked while any is).
  private readonly recent = new Float64Array(SMOOTH_FRAMES);
  private recentSum = 0;
  private readonly recentCopy = new Uint8Array(SMOOTH_FRAMES);
  private recentCopies = 0;

  // The lowest and highest of the last STATIONARY_SEC, STEP_STATIONARY_SEC and FAST_STATIONARY_SEC of 50 ms
  // energies (dB), for the steady-sound checks.
  private readonly steady: SlidingRange;
  private readonly steadyStep: SlidingRange;
  private readonly steadyFast: SlidingRange;

  /** Band-limited squares of the frame so far, in the filter's own scale (× its gainSquared to read). */
  private sumSquares = 0;
  /** The running sums a fused pass adds to, in fused-filter-pass.ts's order (see beginFusedChunk). */
  readonly fusedSums = new Float64Array(3);
  private prevMeanSquare = 0;
  private rawSquares = 0;
  private count = 0;
  private frameIndex = 0;
  /** Consecutive frames with signal (for settling after silence), and without. */
  private signalRun = 0;
  private silentRun = 0;
  private readonly muteFrames: number;
  /** False after a mute until the floor is learned again (steady sound, or a full tracker window of sound). */
  private floorKnown = true;
  /** Stream sample where sound came back after the latest mute; -1 before any. */
  private returnSample = -1;
  private readonly floorWindowFrames: number;
  private readonly returnOnsetSamples: number;

  // Onset candidate.
  private candidateStart = -1;
  private candidateVoiced = 0;
  private candidateLast = -1;
  private lastVoicedFrame = -1;

  /** Energy of the last frame (dB, band-limited mean square). */
  frameDb = SILENCE_DB;
  /** Current noise floor estimate (dB). */
  floorDb = SILENCE_DB;
  /** The last frame passed the threshold. */
  voiced = false;
  /** The last frame was digital silence. */
  noSignal = false;
  /** Digital silence for MUTE_SEC or more (a muted or silent microphone); cleared by the first frame of sound. */
  muted = false;
  /** Speech confirmed and not yet ended (includes the hangover). */
  speaking = false;
  /** The last frame confirmed a new segment, which began at `segmentStartSample`. */
  segmentStarted = false;
  /** The last frame ended a segment at `segmentEndSample` (the end of its last voiced frame). */
  segmentEnded = false;
  segmentStartSample = 0;
  segmentEndSample = 0;
  /** End of the last voiced frame of the current or latest segment (samples); -1 before any speech. */
  lastVoicedEndSample = -1;

  constructor(sampleRate: number, frameSamples: number, options: VoiceActivityOptions = {}) {
    const o = { ...DEFAULT_VOICE_ACTIVITY_OPTIONS, ...options };
    const frameSec = frameSamples / sampleRate;
    this.filter = new VoiceBandFilter(sampleRate);
    this.thresholdDb = o.thresholdDb;
    this.onsetFrames = Math.max(1, Math.round(o.onsetFrames));
    this.hangoverFrames = Math.max(1, Math.round(o.hangoverSec / frameSec));
    this.minFrameDbfs = o.minFrameDbfs;
    this.subWindowFrames = Math.max(1, Math.round(FLOOR_SUB_WINDOW_SEC / frameSec));
    this.minima = new Float64Array(
      Math.max(1, Math.round(o.floorWindowSec / FLOOR_SUB_WINDOW_SEC)),
    ).fill(Infinity);
    const steadyFrames = Math.max(2, Math.round(STATIONARY_SEC / frameSec));
    this.steady = new SlidingRange(steadyFrames);
    this.steadyStep = new SlidingRange(
      Math.min(steadyFrames, Math.max(2, Math.round(STEP_STATIONARY_SEC / frameSec))),
    );
    this.steadyFast = new SlidingRange(
      Math.min(steadyFrames, Math.max(2, Math.round(FAST_STATIONARY_SEC / frameSec))),
    );
    this.muteFrames = Math.max(1, Math.round(MUTE_SEC / frameSec));
    this.floorWindowFrames = Math.round(o.floorWindowSec / frameSec);
    this.returnOnsetSamples = Math.round(RETURN_ONSET_SEC * sampleRate);
  }

  /** The floor is measured (not assumed after digital silence until the sound has been heard long enough). */
  get floorMeasured(): boolean {
    return this.floorKnown;
  }

  /** Adds samples [start, end) to the frame in progress. */
  accumulate(x: Float32Array, start: number, end: number): void {
    // Summed in sample order from the frame's start whatever the chunks: results never depend on blocking.
    this.sumSquares = this.filter.accumulateSquares(x, start, end, this.sumSquares);
    let raw = this.rawSquares;
    for (let i = start; i < end; i++) raw += x[i] * x[i];
    this.rawSquares = raw;
    this.count += end - start;
  }

  /**
   * accumulate(), in the same loop as a loudness meter's K-weighting `kw` (fused-filter-pass.ts): returns
   * `kAcc` plus the squared K-weighted samples, as kw.accumulateSquares would.
   */
  accumulateWithKWeighting(
    kw: KWeightingFilter,
    x: Float32Array,
    start: number,
    end: number,
    kAcc: number,
  ): number {
    this.beginFusedChunk(kAcc);
    runFusedFilterPass(kw, this.filter, x, start, end, this.fusedSums);
    return this.endFusedChunk(end - start);
  }

  /** The voice band filter, for a pass run outside (stereo-filter-pass.ts). */
  get bandFilter(): VoiceBandFilter {
    return this.filter;
  }

  /**
   * For a fused pass run outside: loads fusedSums with `kAcc` (the meter's) and this frame's own sums. Take
   * them back with endFusedChunk once the pass has run.
   */
  beginFusedChunk(kAcc: number): void {
    const sums = this.fusedSums;
    sums[SUM_K_WEIGHTED] = kAcc;
    sums[SUM_VOICE_BAND] = this.sumSquares;
    sums[SUM_RAW] = this.rawSquares;
  }

  /** Takes back the sums after a pass over `samples` samples; returns the K-weighted one (the meter's). */
  endFusedChunk(samples: number): number {
    const sums = this.fusedSums;
    this.sumSquares = sums[SUM_VOICE_BAND];
    this.rawSquares = sums[SUM_RAW];
    this.count += samples;
    return sums[SUM_K_WEIGHTED];
  }

  /**
   * Closes the frame in progress, which ends at sample `frameEndSample` of the stream, and updates the
   * decision fields. Frames must be of equal length except possibly the last one of a stream. `minDb`
   * raises the bar for this frame's voicing (dB, band-limited mean square), e.g. the agent's gates;
   * `penaltyDb` is taken off the frame's energy for that decision only (the share of it that is a copy of
   * the other channel, channel-crosstalk.ts): frameDb and the floor keep the energy as measured, but a
   * frame judged plainly a copy (MAX_PENALTY_DB) keeps the minimum tracker off for the 50 ms it is in.
   */
  endFrame(frameEndSample: number, minDb = -Infinity, penaltyDb = 0): void {
    const meanSquare =
      this.count > 0 ? (this.sumSquares * this.filter.gainSquared) / this.count : 0;
    const noSignal = this.count === 0 || this.rawSquares / this.count < NO_SIGNAL_POWER;
    const frameSamples = this.count;
    this.sumSquares = 0;
    this.rawSquares = 0;
    this.count = 0;
    // Judged on the last 20 ms (this frame and the one before): a 10 ms frame's energy depends on where
    // the grid falls on a syllable's decay, so single frames near the bar would decide boundaries by luck.
    const judged = noSignal ? 0 : (meanSquare + this.prevMeanSquare) / 2;
    this.prevMeanSquare = noSignal ? 0 : meanSquare;
    const e = judged > 1e-12 ? 10 * Math.log10(judged) : SILENCE_DB;
    this.frameDb = e;
    this.noSignal = noSignal;
    const f = this.frameIndex++;

    // Minimum tracking, decided against the floor known before this frame.
    const tracked = this.currentFloor();
    const floor = this.floorKnown ? tracked : Math.min(tracked, RETURN_FLOOR_DB);
    this.floorDb = floor === Infinity ? e : floor;
    const threshold = Math.max(this.floorDb + this.thresholdDb, this.minFrameDbfs, minDb);
    const voiced = !noSignal && floor !== Infinity && e - penaltyDb > threshold;
    if (noSignal) this.noSignalFrame();
    else {
      if (this.muted) this.returnSample = frameEndSample - frameSamples;
      this.signalFrame(meanSquare, penaltyDb >= MAX_PENALTY_DB);
    }

    this.voiced = voiced;
    this.segmentStarted = false;
    this.segmentEnded = false;
    const frameStartSample = frameEndSample - frameSamples;

    if (this.speaking) {
      if (voiced) {
        this.lastVoicedFrame = f;
        this.lastVoicedEndSample = frameEndSample - (frameSamples >> 1);
      } else if (f - this.lastVoicedFrame >= this.hangoverFrames) {
        this.speaking = false;
        this.segmentEnded = true;
        this.segmentEndSample = this.lastVoicedEndSample;
      }
      return;
    }

    if (voiced) {
      if (this.candidateStart < 0 || f - this.candidateLast > 2) {
        this.candidateStart = frameStartSample;
        this.candidateVoiced = 0;
      }
      this.candidateVoiced++;
      this.candidateLast = f;
      if (this.candidateVoiced >= this.onsetFrames) {
        this.speaking = true;
        this.segmentStarted = true;
        // Speech that opens the sound after digital silence (phone-network silence suppression) began
        // when the sound did: its first syllable's rise is under any floor we can assume here.
        const sinceReturn = this.candidateStart - this.returnSample;
        this.segmentStartSample =
          this.returnSample >= 0 && sinceReturn >= 0 && sinceReturn <= this.returnOnsetSamples
            ? this.returnSample
            : this.candidateStart;
        this.lastVoicedFrame = f;
        this.lastVoicedEndSample = frameEndSample - (frameSamples >> 1);
        this.candidateStart = -1;
      }
    } else if (this.candidateStart >= 0 && f - this.candidateLast > 1) {
      this.candidateStart = -1;
    }
  }

  /** Ends a segment in progress at the end of its last voiced frame (end of stream). */
  flush(): void {
    this.segmentStarted = false;
    this.segmentEnded = false;
    if (this.speaking) {
      this.speaking = false;
      this.segmentEnded = true;
      this.segmentEndSample = this.lastVoicedEndSample;
    }
  }

  reset(): void {
    this.filter.reset();
    this.forgetFloor();
    this.sumSquares = 0;
    this.prevMeanSquare = 0;
    this.rawSquares = 0;
    this.count = 0;
    this.frameIndex = 0;
    this.signalRun = 0;
    this.silentRun = 0;
    this.floorKnown = true;
    this.returnSample = -1;
    this.noSignal = false;
    this.muted = false;
    this.candidateStart = -1;
    this.candidateVoiced = 0;
    this.candidateLast = -1;
    this.lastVoicedFrame = -1;
    this.frameDb = SILENCE_DB;
    this.floorDb = SILENCE_DB;
    this.voiced = false;
    this.speaking = false;
    this.segmentStarted = false;
    this.segmentEnded = false;
    this.segmentStartSample = 0;
    this.segmentEndSample = 0;
    this.lastVoicedEndSample = -1;
  }

  /** Digital silence: nothing is learned; long enough, and the floor is forgotten. */
  private noSignalFrame(): void {
    this.signalRun = 0;
    if (++this.silentRun === this.muteFrames) {
      this.muted = true;
      this.floorKnown = false;
      this.forgetFloor();
    }
  }

  /**
   * Sound: the 50 ms smoothing, then (once it holds sound only, filters settled) the floor trackers; the
   * minimum tracker only while no frame of the 50 ms is a `copy` of the other channel.
   */
  private signalFrame(meanSquare: number, copy: boolean): void {
    this.silentRun = 0;
    this.muted = false;
    const run = this.signalRun++;
    const slot = run % SMOOTH_FRAMES;
    this.recentSum += meanSquare - this.recent[slot];
    this.recent[slot] = meanSquare;
    const c = copy ? 1 : 0;
    this.recentCopies += c - this.recentCopy[slot];
    this.recentCopy[slot] = c;
    if (slot === SMOOTH_FRAMES - 1) this.recentSum = sumOf(this.recent);
    if (run < SETTLE_FRAMES + SMOOTH_FRAMES - 1) return;
    const smooth = this.recentSum / SMOOTH_FRAMES;
    const db = smooth > 1e-12 ? 10 * Math.log10(smooth) : SILENCE_DB;
    if (this.recentCopies === 0) this.trackMinimum(db);
    this.trackSteady(db, run - (SETTLE_FRAMES + SMOOTH_FRAMES - 1));
    if (!this.floorKnown && run >= this.floorWindowFrames) this.floorKnown = true;
  }

  /**
   * Steady sound for STATIONARY_SEC moves the floor up to its minimum at once (a noise step, not speech);
   * once the floor is known, a rise of STEP_MAX_DB or less steady for STEP_STATIONARY_SEC, or any rise very
   * steady for FAST_STATIONARY_SEC (a line's gain, a fan switched on), moves it sooner.
   */
  private trackSteady(db: number, filled: number): void {
    const all = this.steady;
    const step = this.steadyStep;
    const fast = this.steadyFast;
    all.push(db);
    step.push(db);
    fast.push(db);
    let floor = this.currentFloor();
    if (
      this.floorKnown &&
      steadyOver(step, filled, STATIONARY_SPREAD_DB, floor) &&
      step.lo - floor <= STEP_MAX_DB
    )
      floor = this.raiseFloor(step.lo);
    if (this.floorKnown && steadyOver(fast, filled, FAST_STATIONARY_SPREAD_DB, floor))
      floor = this.raiseFloor(fast.lo);
    if (filled < all.size - 1 || all.hi - all.lo >= STATIONARY_SPREAD_DB) return;
    if (all.lo > floor || !this.floorKnown) this.raiseFloor(all.lo);
    this.floorKnown = true;
  }

  /** Every minimum the floor is taken from becomes `db` (the floor is then `db`). */
  private raiseFloor(db: number): number {
    this.minima.fill(db);
    this.subWindowMin = db;
    return db;
  }

  private forgetFloor(): void {
    this.minima.fill(Infinity);
    this.minimaPos = 0;
    this.subWindowCount = 0;
    this.subWindowMin = Infinity;
    this.recent.fill(0);
    this.recentSum = 0;
    this.recentCopy.fill(0);
    this.recentCopies = 0;
  }

  private currentFloor(): number {
    let m = this.subWindowMin;
    const minima = this.minima;
    for (let i = 0; i < minima.length; i++) if (minima[i] < m) m = minima[i];
    return m;
  }

  private trackMinimum(e: number): void {
    if (e < this.subWindowMin) this.subWindowMin = e;
    if (++this.subWindowCount >= this.subWindowFrames) {
      this.minima[this.minimaPos] = this.subWindowMin;
      this.minimaPos = (this.minimaPos + 1) % this.minima.length;
      this.subWindowMin = Infinity;
      this.subWindowCount = 0;
    }
  }
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** `range` (filled once `filled` reaches its size less one) holds sound steady within `spreadDb` and over `floorDb`. */
function steadyOver(
  range: SlidingRange,
  filled: number,
  spreadDb: number,
  floorDb: number,
): boolean {
  return filled >= range.size - 1 && range.hi - range.lo < spreadDb && range.lo > floorDb;
}

/**
 * The lowest and highest of the last `size` numbers pushed (±Infinity before any; NaN is never either,
 * as a loop of `<` and `>` over them finds): two monotonic queues, O(1) a push on average, no allocation.
 */
class SlidingRange {
  readonly size: number;
  /** Lowest and highest of the window. */
  lo = Infinity;
  hi = -Infinity;
  private pushed = 0;
  // Rings of (push index, value), oldest first: rising values for lo, falling for hi.
  private readonly loAt: Float64Array;
  private readonly loVal: Float64Array;
  private readonly hiAt: Float64Array;
  private readonly hiVal: Float64Array;
  private loHead = 0;
  private loCount = 0;
  private hiHead = 0;
  private hiCount = 0;

  constructor(size: number) {
    this.size = size;
    this.loAt = new Float64Array(size);
    this.loVal = new Float64Array(size);
    this.hiAt = new Float64Array(size);
    this.hiVal = new Float64Array(size);
  }

  push(v: number): void {
    const at = this.pushed++;
    const n = this.size;
    const oldest = at - n + 1;
    // Drop what left the window, then what the new number outdoes (it stays longer).
    while (this.loCount > 0 && this.loAt[this.loHead] < oldest) {
      this.loHead = this.loHead + 1 === n ? 0 : this.loHead + 1;
      this.loCount--;
    }
    while (this.hiCount > 0 && this.hiAt[this.hiHead] < oldest) {
      this.hiHead = this.hiHead + 1 === n ? 0 : this.hiHead + 1;
      this.hiCount--;
    }
    if (v === v) {
      while (this.loCount > 0 && !(this.loVal[(this.loHead + this.loCount - 1) % n] < v))
        this.loCount--;
      const li = (this.loHead + this.loCount) % n;
      this.loAt[li] = at;
      this.loVal[li] = v;
      this.loCount++;
      while (this.hiCount > 0 && !(this.hiVal[(this.hiHead + this.hiCount - 1) % n] > v))
        this.hiCount--;
      const hi = (this.hiHead + this.hiCount) % n;
      this.hiAt[hi] = at;
      this.hiVal[hi] = v;
      this.hiCount++;
    }
    this.lo = this.loCount > 0 ? this.loVal[this.loHead] : Infinity;
    this.hi = this.hiCount > 0 ? this.hiVal[this.hiHead] : -Infinity;
  }
}
