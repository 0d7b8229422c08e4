/**
 * Music on hold recognised from the caller's line itself, for softphones that send no hold event.
 *
 * What separates them: a note holds its partials, so the fine structure of the line's spectrum
 * (line-fine-spectrum.ts: peaks over the spectral envelope, 300–3400 Hz) 100 ms later is nearly the same,
 * while a voice glides in pitch and moves its formants from syllable to syllable and noise puts its peaks
 * anywhere. Every 100 ms of sound on the line (a voiced frame, or band energy over SOUND_DB) the detector
 * takes the spectrum of the last 32 ms and correlates it with the previous one taken (however long ago: a
 * "please hold" beep matches the beep before the pause, a caller's first word does not match the music).
 *
 * Measured through a phone line (300–3400 Hz, 8 kHz µ-law, line noise −62 dBFS), means of 30 analyses
 * (3 s of sound): seven real recorded voices talking on without pauses (Debian's Asterisk prompt voices
 * in five languages, pocketsphinx's male and LibriVox readers) −0.07…0.13; five real hold-music pieces
 * (Debian's asterisk-moh-opsound) 0.19…0.69; chords with a melody 0.53–0.66, a plucked sequence
 * 0.79–0.87, beeps 0.66; street noise with a bus −0.04…0.05. Means of 10 analyses: voices at most 0.25.
 *
 * Deciding:
 *   on      the mean of the last 30 analyses reaches onMean (0.16), or of the last 10 quickMean (0.4): about
 *           1 s of clearly tonal music, 3 s of sparser music (measured 0.5–2.7 s on the pieces and the
 *           synthesised kinds, 3.8–6.3 s for the beep pattern, whose tones sound 0.7 s in every 3 s). The
 *           hold is dated back over the analyses that look like music (≥ 0.1), newest first, until two in a
 *           row do not: the analysis cuts the music from the caller's speech from there.
 *   off     the last 4 analyses neither match the music heard (the best correlation with the last 10
 *           spectra kept as music, mean < 0.25) nor themselves (mean < 0.15) — a voice; or, over music that
 *           goes on under it, are 6 dB louder than the music and match it by less than 0.45. Dated back to
 *           the first of them; decided 0.1–0.7 s after the caller's first word on the calls measured. No
 *           sound for QUIET_RELEASE_SEC ends it too (the music stopped, nobody spoke), dated back to the
 *           last music.
 *   resume  a release on sound quieter than the music (a chord change, notes dying into the line's noise)
 *           is undone when, within RESUME_SEC, sound as stable as music matches the music heard: the same
 *           stretch goes on (`resumed`), and the caller of this class joins the two.
 * Digital silence (silence suppression) is no sound, so never analysed; steady noise correlates about 0.
 *
 * Limits (measured): a sparse piano piece (macroform-the_simplicity) is released five times in 30 s, four
 * of them resumed within 0.2–1.5 s, one gap of 3.2 s; two other pieces once or twice, resumed within 1.6 s
 * (the analysis joins resumed stretches; the coach shows the gaps). A caller talking over music that goes on
 * 10 dB under them ends the hold in 0.6–1 s on most kinds but not over the plucked sequence, and the music
 * can hold the call again in their pauses.
 *
 * Allocation-free after construction; block size does not matter (analyses fall on the engine's 10 ms frame
 * grid, samples are read in stream order). Only the 40 ms before each analysis are read, and only while there
 * is sound: 1,801 analyses in the benchmark's 10-minute call, 17 ms of the engine's 640 (CPU profile, 2.6 %).
 */
import { LineFineSpectrum, fineCorrelation } from './line-fine-spectrum';

export interface HoldMusicOptions {
  /** Mean correlation of the last `ring` analyses that starts a hold. */
  onMean?: number;
  /** Analyses (100 ms apart while there is sound) in that mean. */
  ring?: number;
  /** Strong music starts a hold sooner: the mean of the newest quickCount analyses at quickMean or more. */
  quickCount?: number;
  quickMean?: number;
  /** Held: the newest releaseCount analyses matching the music heard under offFc (mean)… */
  offFc?: number;
  /** …and correlating with their own previous spectrum under offSelfFc (mean): a voice, the hold ends. */
  offSelfFc?: number;
  releaseCount?: number;
}

export const DEFAULT_HOLD_MUSIC_OPTIONS: Readonly<Required<HoldMusicOptions>> = Object.freeze({
  onMean: 0.16,
  ring: 30,
  quickCount: 10,
  quickMean: 0.4,
  offFc: 0.25,
  offSelfFc: 0.15,
  releaseCount: 4,
});

/** Frames (10 ms) between analyses, and frames read before each one (a 32 ms window fits in 40 ms). */
const ANALYSIS_FRAMES = 10;
const READ_FRAMES = 4;
/** Time between the two spectra of a pair (s). */
const PAIR_SEC = ANALYSIS_FRAMES / 100;
/** Back-dating a hold's start runs over analyses at least this correlated (a voice averages about 0). */
const START_FC = 0.1;
/** A held sound this close to the music heard, or to itself 0.1 s before, is kept as music. */
const REMEMBER = 0.45;
/** Spectra kept as the music heard (about 1 s of it). */
const MEMORY = 10;
/**
 * Within this long after a quiet release (s), sound as stable as music (its own correlation ≥ REMEMBER)
 * that matches the music heard by RESUME_MATCH resumes the hold: a voice matched it by 0.0–0.36.
 */
const RESUME_SEC = 3;
const RESUME_MATCH = 0.5;
/** Releasing sound within this of the music's level (dB) or louder is a voice, not the music's quiet turn. */
const VOICE_LEVEL_DB = 3;
/** A caller over music that goes on: releasing analyses this much louder than the music (dB), matching less. */
const OVER_MUSIC_DB = 6;
const OVER_MUSIC_MATCH = 0.45;
/** The music's level follows its music-like analyses with this weight (about 1 s). */
const LEVEL_SMOOTHING = 0.1;
/**
 * Frames over this band energy (dB, the voice detector's frameDb) are sound even when not voiced: a steady
 * piece (a plucked sequence, a pad) pulls the voice detector's floor up to itself within 0.5 s. Far over any
 * line's noise (−62…−67 dB on the calls measured), under quiet hold music (−36 dBFS RMS).
 */
export const SOUND_DB = -55;
/** No analysed sound for this long ends a music hold (the music stopped and nobody spoke). */
export const QUIET_RELEASE_SEC = 8;

export class HoldMusicDetector {
  private readonly o: Required<HoldMusicOptions>;
  private readonly sampleRate: number;
  private readonly spectrum: LineFineSpectrum;
  private hasPrevious = false;
  private frameIndex = 0;

  /** The last `ring` analyses: correlation with the previous one, time (s), level, match with the music. */
  private readonly fcRing: Float64Array;
  private readonly timeRing: Float64Array;
  private readonly levelRing: Float64Array;
  private readonly matchRing: Float64Array;
  private pos = 0;
  private count = 0;
  private fcSum = 0;

  /** The last MEMORY spectra kept as the music heard, and the music's level (dB). */
  private readonly memory: Float64Array;
  private memoryPos = 0;
  private memoryCount = 0;
  private musicLevelDb = 0;
  private lastMusicSec = 0;
  private lastAnalysisSec = 0;
  private releasedAt = -Infinity;

  /** Reading samples for the next analysis: feed accumulate() only then. */
  collecting = false;
  /** Music on the line now (after the onset delay, until the release). */
  active = false;
  /**
   * The last endFrame() started (`started`) or ended (`ended`) a music stretch; `resumed` with `started`:
   * the stretch that ended last goes on (its release was a quiet turn of the music, not a voice).
   */
  started = false;
  ended = false;
  resumed = false;
  /** When the current or last music stretch began (s, dated back), and when the last one ended. */
  startSec = 0;
  endSec = 0;
  /** For measurements: the latest correlations (with the previous spectrum, with the music), the count. */
  lastFc = NaN;
  lastMatch = NaN;
  analyses = 0;

  constructor(sampleRate: number, options: HoldMusicOptions = {}) {
    this.o = { ...DEFAULT_HOLD_MUSIC_OPTIONS, ...options };
    this.sampleRate = sampleRate;
    this.spectrum = new LineFineSpectrum(sampleRate);
    const n = this.o.ring;
    this.fcRing = new Float64Array(n);
    this.timeRing = new Float64Array(n);
    this.levelRing = new Float64Array(n);
    this.matchRing = new Float64Array(n);
    this.memory = new Float64Array(MEMORY * this.spectrum.bins);
  }

  /** Samples [start, end) of the caller's line, while `collecting`. */
  accumulate(x: Float32Array, start: number, end: number): void {
    this.spectrum.accumulate(x, start, end);
  }

  /**
   * Closes a 10 ms frame ending at stream sample `frameEndSample`, with the caller's voice detector's frame
   * decision and band energy (dB). Sets `started` / `ended` when music begins or ends.
   */
  endFrame(frameEndSample: number, voiced: boolean, frameDb: number): void {
    this.started = false;
    this.ended = false;
    this.resumed = false;
    const sound = voiced || frameDb > SOUND_DB;
    const phase = ++this.frameIndex % ANALYSIS_FRAMES;
    const t = frameEndSample / this.sampleRate;
    if (phase === 0) {
      if (this.collecting && sound && this.spectrum.ready) this.analyse(t);
      this.collecting = false;
    } else if (phase === ANALYSIS_FRAMES - READ_FRAMES) {
      this.collecting = sound;
      this.spectrum.startReading();
    }
    if (this.active && t - this.lastAnalysisSec >= QUIET_RELEASE_SEC)
      this.release(this.lastMusicSec);
  }

  /** Forgets what was heard (a hold from the phone software ended, say): music needs a fresh onset. */
  reset(): void {
    this.count = 0;
    this.fcSum = 0;
    this.pos = 0;
    this.hasPrevious = false;
    this.memoryCount = 0;
    this.releasedAt = -Infinity;
    this.active = false;
  }

  private analyse(t: number): void {
    const s = this.spectrum;
    s.analyse();
    this.lastAnalysisSec = t;
    if (this.hasPrevious) this.decide(t, fineCorrelation(s.current, s.previous));
    this.hasPrevious = true;
  }

  private decide(t: number, fc: number): void {
    this.lastFc = fc;
    this.analyses++;
    const n = this.fcRing.length;
    if (this.count === n) this.fcSum -= this.fcRing[this.pos];
    else this.count++;
    this.fcRing[this.pos] = fc;
    this.timeRing[this.pos] = t;
    this.levelRing[this.pos] = this.spectrum.levelDb;
    this.fcSum += fc;
    const slot = this.pos;
    this.pos = this.pos + 1 === n ? 0 : this.pos + 1;
    if (!this.active) this.listen(t, fc);
    else this.hold(t, fc, slot);
  }

  /** Not held: music starting, or the music that was released on a quiet turn going on. */
  private listen(t: number, fc: number): void {
    if (this.memoryCount > 0 && t - this.releasedAt <= RESUME_SEC && fc >= REMEMBER) {
      const match = this.bestMatch();
      this.lastMatch = match;
      if (match >= RESUME_MATCH) {
        this.active = true;
        this.started = true;
        this.resumed = true;
        this.keepAsMusic();
        this.matchRing.fill(1);
        this.lastMusicSec = t;
        return;
      }
    }
    const n = this.fcRing.length;
    const quick = this.o.quickCount;
    const on =
      (this.count === n && this.fcSum / n >= this.o.onMean) ||
      (this.count >= quick && this.recentFcMean(quick) >= this.o.quickMean);
    if (!on) return;
    // Dated back over the analyses that look like music, newest first, until two in a row do not.
    let start = t;
    let misses = 0;
    for (let k = 1; k <= this.count; k++) {
      const i = (this.pos - k + n) % n;
      if (this.fcRing[i] >= START_FC) {
        misses = 0;
        start = this.timeRing[i] - PAIR_SEC;
      } else if (++misses === 2) break;
    }
    this.active = true;
    this.started = true;
    this.startSec = Math.max(0, start);
    this.memoryCount = 0;
    this.memoryPos = 0;
    this.keepAsMusic();
    this.matchRing.fill(1);
    this.musicLevelDb = this.spectrum.levelDb;
    this.lastMusicSec = t;
  }

  /** Held: is the caller's voice there? */
  private hold(t: number, fc: number, slot: number): void {
    const match = this.bestMatch();
    this.lastMatch = match;
    this.matchRing[slot] = match;
    if (match >= this.o.offFc) this.lastMusicSec = t;
    if (match >= REMEMBER || fc >= REMEMBER) {
      this.keepAsMusic();
      this.musicLevelDb += (this.spectrum.levelDb - this.musicLevelDb) * LEVEL_SMOOTHING;
    }
    const n = this.fcRing.length;
    const r = this.o.releaseCount;
    let matchMean = 0;
    let level = 0;
    for (let j = 1; j <= r; j++) {
      const i = (this.pos - j + n) % n;
      matchMean += this.matchRing[i] / r;
      level += this.levelRing[i] / r;
    }
    const selfMean = this.recentFcMean(r);
    const louder = this.musicLevelDb + OVER_MUSIC_DB;
    const voice =
      (matchMean < this.o.offFc && selfMean < this.o.offSelfFc) ||
      (level >= louder && matchMean < OVER_MUSIC_MATCH && selfMean < OVER_MUSIC_MATCH);
    if (!voice) return;
    let first = t;
    for (let j = r; j >= 1; j--) {
      const i = (this.pos - j + n) % n;
      if (this.matchRing[i] < OVER_MUSIC_MATCH || this.levelRing[i] >= louder) {
        first = this.timeRing[i] - PAIR_SEC;
        break;
      }
    }
    this.release(first);
    // As loud as the music or louder, it is the caller back: the music under them resumes nothing.
    if (level >= this.musicLevelDb - VOICE_LEVEL_DB) this.releasedAt = -Infinity;
  }

  private release(at: number): void {
    this.active = false;
    this.ended = true;
    this.endSec = Math.max(this.startSec, at);
    this.releasedAt = this.lastAnalysisSec;
    this.count = 0;
    this.fcSum = 0;
    this.pos = 0;
  }

  /** The highest correlation of the current spectrum with the music heard (−1 with none kept). */
  private bestMatch(): number {
    let match = -1;
    const bins = this.spectrum.bins;
    for (let j = 0; j < this.memoryCount; j++) {
      const c = fineCorrelation(this.spectrum.current, this.memory, j * bins);
      if (c > match) match = c;
    }
    return match;
  }

  private keepAsMusic(): void {
    this.memory.set(this.spectrum.current, this.memoryPos * this.spectrum.bins);
    this.memoryPos = this.memoryPos + 1 === MEMORY ? 0 : this.memoryPos + 1;
    if (this.memoryCount < MEMORY) this.memoryCount++;
  }

  /** Mean of the newest `k` correlations with the previous spectrum. */
  private recentFcMean(k: number): number {
    const n = this.fcRing.length;
    let sum = 0;
    for (let j = 1; j <= k; j++) sum += this.fcRing[(this.pos - j + n) % n];
    return sum / k;
  }
}
