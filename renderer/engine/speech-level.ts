/**
 * Speech-gated levels: how loud a party is *while speaking*.
 *
 * Why not plain short-term loudness: short-term (3 s) and momentary (400 ms) include the silences between
 * words and turns, so the same voice reads several LU lower in a halting reply than in a fluent one, and a
 * caller who stops to breathe looks like they calmed down. Averaging the K-weighted energy of the voiced
 * frames only (the voice detector's frames) measures the voice itself: a shout reads as a shout from its
 * first few hundred milliseconds, and pauses neither lower nor raise it. It is on the LUFS scale, so it is
 * directly comparable with a calibration measured the same way.
 */
import { ABSOLUTE_GATE_LUFS, lufsToPower, powerToLufs } from './loudness-meter';

const GATE_POWER = lufsToPower(ABSOLUTE_GATE_LUFS);

/** K-weighted energy of voiced frames over the last `windowFrames` frames. Fixed memory, no allocation. */
export class SpeechLevelWindow {
  private readonly power: Float64Array;
  private readonly voiced: Uint8Array;
  private readonly minVoicedFrames: number;
  private pos = 0;
  private sum = 0;
  private count = 0;

  constructor(windowFrames: number, minVoicedFrames: number) {
    this.power = new Float64Array(Math.max(1, windowFrames));
    this.voiced = new Uint8Array(Math.max(1, windowFrames));
    this.minVoicedFrames = Math.max(1, minVoicedFrames);
  }

  /** Adds one frame; its power counts only when it is voiced and above the absolute gate. */
  push(power: number, voiced: boolean): void {
    const i = this.pos;
    if (this.voiced[i] === 1) {
      this.sum -= this.power[i];
      this.count--;
    }
    const use = voiced && power > GATE_POWER;
    this.power[i] = use ? power : 0;
    this.voiced[i] = use ? 1 : 0;
    if (use) {
      this.sum += power;
      this.count++;
    }
    this.pos = i + 1 === this.power.length ? 0 : i + 1;
    if (this.pos === 0) this.resum();
  }

  /** LUFS of the voiced frames in the window, or null with fewer than `minVoicedFrames` of them. */
  levelLufs(): number | null {
    return this.count >= this.minVoicedFrames ? powerToLufs(this.sum / this.count) : null;
  }

  get voicedFrames(): number {
    return this.count;
  }

  clear(): void {
    this.power.fill(0);
    this.voiced.fill(0);
    this.sum = 0;
    this.count = 0;
  }

  private resum(): void {
    let s = 0;
    for (let i = 0; i < this.power.length; i++) s += this.power[i];
    this.sum = s;
  }
}

/**
 * A party's reference level for the call: learned as the mean K-weighted energy of their first
 * `learnFrames` voiced frames, then (if `adaptSec` > 0) following their voiced frames with a slow
 * exponential average. Frames far from the reference are clamped to ±6 dB before averaging so one shout
 * or one whisper moves it little; while `holdUp` is set (the caller is heated) it may only go down.
 */
export class SpeechBaseline {
  private readonly learnFrames: number;
  private readonly adaptRate: number;
  private learnSum = 0;
  private learnCount = 0;
  private reference = 0;
  private known = false;

  constructor(learnFrames: number, frameSec: number, adaptSec: number) {
    this.learnFrames = Math.max(1, learnFrames);
    this.adaptRate = adaptSec > 0 ? Math.min(1, frameSec / adaptSec) : 0;
  }

  /** Feeds one voiced frame's K-weighted power. */
  push(power: number, holdUp: boolean): void {
    if (!(power > GATE_POWER)) return;
    if (!this.known) {
      this.learnSum += power;
      if (++this.learnCount >= this.learnFrames) {
        this.reference = this.learnSum / this.learnCount;
        this.known = true;
      }
      return;
    }
    if (this.adaptRate === 0) return;
    const lo = this.reference * 0.25;
    const hi = this.reference * 4;
    const p = power < lo ? lo : power > hi ? hi : power;
    if (holdUp && p > this.reference) return;
    this.reference += (p - this.reference) * this.adaptRate;
  }

  /** Sets the reference outright (a calibration), or forgets it (null) to learn again. */
  set(lufs: number | null): void {
    this.learnSum = 0;
    this.learnCount = 0;
    if (lufs === null) {
      this.known = false;
      this.reference = 0;
    } else {
      this.known = true;
      this.reference = lufsToPower(lufs);
    }
  }

  lufs(): number | null {
    return this.known ? powerToLufs(this.reference) : null;
  }

  /** lufs(), or while it is still being learned, the mean so far once `minFrames` frames are in. */
  provisionalLufs(minFrames: number): number | null {
    if (this.known) return powerToLufs(this.reference);
    return this.learnCount >= minFrames ? powerToLufs(this.learnSum / this.learnCount) : null;
  }
}
