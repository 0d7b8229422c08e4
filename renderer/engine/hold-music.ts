/**
 * Music on hold recognised from the caller's line itself, for softphones that send no hold event.
 *
 * What separates them (measured, see the numbers below): a note holds its partials — the spectrum's fine
 * structure (peaks over the local spectral envelope) 100 ms later is nearly the same — while a voice glides
 * in pitch and changes its formants from syllable to syllable, so its fine structure 100 ms later is
 * unrelated; noise has random fine structure. So every 100 ms, on sound the voice detector calls voiced,
 * the detector takes a 256-point spectrum of the line at about 8 kHz (32 ms), removes the envelope (each
 * bin minus the mean of ±3 bins, in log power, 300–3400 Hz) and correlates it with the previous voiced
 * spectrum (Pearson, across bins). The previous one may lie before a gap: beeps of a "please hold" pattern
 * match the beep before the gap, a caller's first word after the music does not match the music.
 *
 * Measured on 3 s of voiced analyses (30 values) through a phone line (300–3400 Hz, 8 kHz µ-law, line
 * noise −62 dBFS): seven real recorded voices talking continuously (Debian's Asterisk prompt voices in five
 * languages, pocketsphinx's male and LibriVox readers) average −0.03…0.15; five real hold-music pieces
 * (Debian's asterisk-moh-opsound) 0.16…0.68 on all frames and (voiced only, as here) see
 * ON_MEAN; synthesised chords with a melody 0.49–0.62, a plucked sequence 0.79–0.86, street noise with
 * a bus about 0.
 *
 * Deciding:
 *   on     the mean of the last RING voiced analyses (≈ 3 s of sound) reaches ON_MEAN. The hold is dated
 *          back to the first of them that looked like music (its earlier spectrum, 0.1 s before): the
 *          analysis cuts the music from the caller's speech from there;
 *   off    RELEASE_COUNT analyses in a row under OFF_FC (the caller's voice, alone or over the music),
 *          dated back to the first of them; or no voiced sound for QUIET_RELEASE_SEC (the music stopped
 *          and nobody spoke), dated back to the last music.
 * Digital silence (silence suppression) is never voiced, so never analysed; steady noise correlates ≈ 0.
 *
 * Allocation-free after construction; block size does not matter: samples are decimated in stream order
 * and the analyses fall on the 10 ms frame grid (the caller decides where frames end). Only the 40 ms
 * before each analysis are read, and only while the line is voiced.
 */

export interface HoldMusicOptions {
  /** Mean correlation over the ring that starts a hold. */
  onMean?: number;
  /** Voiced analyses (100 ms apart) in the ring. */
  ring?: number;
  /** Held: the newest releaseCount analyses matching the music heard under this (mean)… */
  offFc?: number;
  /** …and correlating with their own previous spectrum under this (mean) are a voice: the hold ends. */
  offSelfFc?: number;
  /** The mean of that many newest analyses under offFc ends the hold. */
  releaseCount?: number;
  /** Strong music starts a hold sooner: the mean of the newest quickCount analyses at quickMean or more. */
  quickCount?: number;
  quickMean?: number;
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

/** Frames (10 ms) between analyses, and frames read before each one. */
const ANALYSIS_FRAMES = 10;
/** Time between the two spectra of a pair (s). */
const PAIR_SEC = ANALYSIS_FRAMES / 100;
/** Back-dating a hold's start runs over analyses at least this correlated (a voice averages about 0). */
const START_FC = 0.1;
/** A held sound this close to the music heard, or to itself 0.1 s before, is kept as music (a voice rarely is). */
const REMEMBER = 0.45;
const COLLECT_FRAMES = 4;
const FFT_SIZE = 256;
/** Spectra heard as music kept to tell a voice from the music (≈ 1 s of it). */
const MEMORY = 10;
const TARGET_RATE = 8000;
const BAND_LO_HZ = 300;
const BAND_HI_HZ = 3400;
/** Envelope removal: each log-power bin minus the mean of its ±SMOOTH_BINS neighbours. */
const SMOOTH_BINS = 3;
/**
 * Frames over this band energy (dB, the voice detector's frameDb) are analysed even when not voiced: far
 * over any line's noise (−62…−67 dB on the calls measured), far under hold music (−24…−40 dBFS).
 */
export const SOUND_DB = -55;
/** No voiced sound for this long ends a music hold (the music stopped and nobody spoke). */
export const QUIET_RELEASE_SEC = 8;

export class HoldMusicDetector {
  private readonly o: Required<HoldMusicOptions>;
  private readonly decimation: number;
  private readonly sampleRate: number;
  private readonly lo: number;
  private readonly hi: number;
  /** Decimated samples, a ring of FFT_SIZE. */
  private readonly ring = new Float64Array(FFT_SIZE);
  private ringPos = 0;
  private ringFill = 0;
  private boxSum = 0;
  private boxCount = 0;
  private readonly window = new Float64Array(FFT_SIZE);
  private readonly re = new Float64Array(FFT_SIZE);
  private readonly im = new Float64Array(FFT_SIZE);
  private readonly cos = new Float64Array(FFT_SIZE / 2);
  private readonly sin = new Float64Array(FFT_SIZE / 2);
  private readonly bitrev = new Uint16Array(FFT_SIZE);
  private readonly logPower: Float64Array;
  private fine: Float64Array;
  private prevFine: Float64Array;
  private hasPrev = false;
  /** The last MEMORY spectra heard as music (centred, unit norm), for the release. */
  private readonly memory: Float64Array;
  private memoryPos = 0;
  private memoryCount = 0;
  private readonly matchRing: Float64Array;

  /** The last `ring` correlations and their times (s). */
  private readonly fcRing: Float64Array;
  private readonly fcTime: Float64Array;
  private fcPos = 0;
  private fcCount = 0;
  private fcSum = 0;
  private lastMusicSec = 0;
  private lastVoicedAnalysisSec = 0;

  private frameIndex = 0;
  /** Reading samples for the next analysis. */
  collecting = false;

  /** Music on the line now (after the onset delay, until the release). */
  active = false;
  /** The last endFrame() started (`started`) or ended (`ended`) a music stretch. */
  started = false;
  ended = false;
  /** When the current or last music stretch began (s, dated back), and when the last one ended. */
  startSec = 0;
  endSec = 0;
  /** The latest correlation and how many there were (for measurements); NaN before any. */
  lastFc = NaN;
  lastMatch = NaN;
  analyses = 0;

  constructor(sampleRate: number, options: HoldMusicOptions = {}) {
    this.o = { ...DEFAULT_HOLD_MUSIC_OPTIONS, ...options };
    this.sampleRate = sampleRate;
    this.decimation = Math.max(1, Math.round(sampleRate / TARGET_RATE));
    const rate = sampleRate / this.decimation;
    this.lo = Math.max(1, Math.ceil((BAND_LO_HZ * FFT_SIZE) / rate));
    this.hi = Math.min(FFT_SIZE / 2 - 1, Math.floor((BAND_HI_HZ * FFT_SIZE) / rate));
    const bins = this.hi - this.lo + 1;
    this.logPower = new Float64Array(bins);
    this.fine = new Float64Array(bins);
    this.prevFine = new Float64Array(bins);
    this.memory = new Float64Array(MEMORY * bins);
    this.matchRing = new Float64Array(this.o.ring);
    this.fcRing = new Float64Array(this.o.ring);
    this.fcTime = new Float64Array(this.o.ring);
    for (let i = 0; i < FFT_SIZE; i++) {
      this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FFT_SIZE);
      let r = 0;
      for (let b = 1, v = i; b < FFT_SIZE; b <<= 1, v >>= 1) r = (r << 1) | (v & 1);
      this.bitrev[i] = r;
    }
    for (let k = 0; k < FFT_SIZE / 2; k++) {
      this.cos[k] = Math.cos((-2 * Math.PI * k) / FFT_SIZE);
      this.sin[k] = Math.sin((-2 * Math.PI * k) / FFT_SIZE);
    }
  }

  /** Samples [start, end) of the caller's line; read only while `collecting`. */
  accumulate(x: Float32Array, start: number, end: number): void {
    const d = this.decimation;
    const ring = this.ring;
    let sum = this.boxSum;
    let count = this.boxCount;
    let pos = this.ringPos;
    let fill = this.ringFill;
    for (let i = start; i < end; i++) {
      sum += x[i];
      if (++count === d) {
        ring[pos] = sum / d;
        pos = pos + 1 === FFT_SIZE ? 0 : pos + 1;
        fill++;
        sum = 0;
        count = 0;
      }
    }
    this.boxSum = sum;
    this.boxCount = count;
    this.ringPos = pos;
    this.ringFill = fill;
  }

  /**
   * Closes a 10 ms frame ending at stream sample `frameEndSample`; `voiced` is the caller's voice detector's
   * frame decision (sound over the line's floor). Sets `started` / `ended` when music begins or ends.
   */
  endFrame(frameEndSample: number, voiced: boolean, frameDb: number): void {
    this.started = false;
    this.ended = false;
    // Sound the voice detector calls voiced, or loud enough whatever its floor: a steady piece (a plucked
    // sequence, a pad) pulls the detector's floor up to itself within 0.5 s and is no longer "voiced".
    const sound = voiced || frameDb > SOUND_DB;
    const phase = ++this.frameIndex % ANALYSIS_FRAMES;
    const t = frameEndSample / this.sampleRate;
    if (phase === 0) {
      if (this.collecting && sound && this.ringFill >= FFT_SIZE) this.analyse(t);
      this.collecting = false;
    } else if (phase === ANALYSIS_FRAMES - COLLECT_FRAMES) {
      this.collecting = sound;
      this.ringFill = 0;
      this.boxSum = 0;
      this.boxCount = 0;
    }
    if (this.active && t - this.lastVoicedAnalysisSec >= QUIET_RELEASE_SEC)
      this.release(this.lastMusicSec);
  }

  /** Forget everything heard (a hold from the phone software ended, say): music needs a fresh onset. */
  reset(): void {
    this.clearRing();
    this.hasPrev = false;
    this.active = false;
  }

  private analyse(t: number): void {
    this.spectrum();
    this.lastVoicedAnalysisSec = t;
    normalise(this.fine);
    if (this.hasPrev) this.decide(t, dot(this.fine, this.prevFine, 0));
    const f = this.fine;
    this.fine = this.prevFine;
    this.prevFine = f;
    this.hasPrev = true;
  }

  private decide(t: number, fc: number): void {
    this.lastFc = fc;
    this.analyses++;
    const n = this.fcRing.length;
    if (this.fcCount === n) this.fcSum -= this.fcRing[this.fcPos];
    else this.fcCount++;
    this.fcRing[this.fcPos] = fc;
    this.fcTime[this.fcPos] = t;
    this.fcSum += fc;
    this.fcPos = this.fcPos + 1 === n ? 0 : this.fcPos + 1;
    if (!this.active) {
      const quick = this.o.quickCount;
      const on =
        (this.fcCount === n && this.fcSum / n >= this.o.onMean) ||
        (this.fcCount >= quick && this.recentMean(quick) >= this.o.quickMean);
      if (on) this.begin(t);
      return;
    }
    // Held: does this sound match any of the music heard lately?
    let match = -1;
    const bins = this.fine.length;
    for (let j = 0; j < this.memoryCount; j++) {
      const c = dot(this.fine, this.memory, j * bins);
      if (c > match) match = c;
    }
    this.lastMatch = match;
    if (match >= this.o.offFc) this.lastMusicSec = t;
    if (match >= REMEMBER || fc >= REMEMBER) this.remember();
    const n2 = this.matchRing.length;
    this.matchRing[(this.fcPos - 1 + n2) % n2] = match;
    const r = this.o.releaseCount;
    let sum = 0;
    for (let j = 1; j <= r; j++) sum += this.matchRing[(this.fcPos - j + n2) % n2];
    // A voice: unlike the music heard (match) and unlike itself 0.1 s before (fc).
    if (sum / r < this.o.offFc && this.recentMean(r) < this.o.offSelfFc) {
      let first = t;
      for (let j = r; j >= 1; j--) {
        const i = (this.fcPos - j + n2) % n2;
        if (this.matchRing[i] < this.o.offFc) {
          first = this.fcTime[i] - PAIR_SEC;
          break;
        }
      }
      this.release(first);
    }
  }

  /** Keeps the current spectrum as music heard. */
  private remember(): void {
    this.memory.set(this.fine, this.memoryPos * this.fine.length);
    this.memoryPos = this.memoryPos + 1 === MEMORY ? 0 : this.memoryPos + 1;
    if (this.memoryCount < MEMORY) this.memoryCount++;
  }

  /** Mean of the newest `k` correlations. */
  private recentMean(k: number): number {
    const n = this.fcRing.length;
    let sum = 0;
    for (let j = 1; j <= k; j++) sum += this.fcRing[(this.fcPos - j + n) % n];
    return sum / k;
  }

  private begin(t: number): void {
    // Dated back over the analyses that look like music, newest first, until two in a row do not.
    const n = this.fcRing.length;
    let start = t;
    let misses = 0;
    for (let k = 1; k <= this.fcCount; k++) {
      const i = (this.fcPos - k + n) % n;
      if (this.fcRing[i] >= START_FC) {
        misses = 0;
        start = this.fcTime[i] - PAIR_SEC;
      } else if (++misses === 2) break;
    }
    this.active = true;
    this.started = true;
    this.memoryCount = 0;
    this.memoryPos = 0;
    this.remember();
    this.matchRing.fill(1);
    this.startSec = Math.max(0, start);
    this.lastMusicSec = t;
  }

  private release(at: number): void {
    this.active = false;
    this.ended = true;
    this.endSec = Math.max(this.startSec, at);
    this.clearRing();
  }

  private clearRing(): void {
    this.fcCount = 0;
    this.fcSum = 0;
    this.fcPos = 0;
  }

  /** Windowed FFT of the ring (oldest first), then the band's log power with its envelope removed. */
  private spectrum(): void {
    const re = this.re;
    const im = this.im;
    const ring = this.ring;
    const w = this.window;
    const br = this.bitrev;
    for (let i = 0, p = this.ringPos; i < FFT_SIZE; i++) {
      const j = br[i];
      re[j] = ring[p] * w[i];
      im[j] = 0;
      p = p + 1 === FFT_SIZE ? 0 : p + 1;
    }
    for (let len = 2; len <= FFT_SIZE; len <<= 1) {
      const half = len >> 1;
      const stride = FFT_SIZE / len;
      for (let i = 0; i < FFT_SIZE; i += len) {
        for (let k = 0; k < half; k++) {
          const c = this.cos[k * stride];
          const s = this.sin[k * stride];
          const a = i + k;
          const b = a + half;
          const vr = re[b] * c - im[b] * s;
          const vi = re[b] * s + im[b] * c;
          re[b] = re[a] - vr;
          im[b] = im[a] - vi;
          re[a] += vr;
          im[a] += vi;
        }
      }
    }
    const lp = this.logPower;
    const bins = lp.length;
    for (let k = 0; k < bins; k++) {
      const b = this.lo + k;
      lp[k] = Math.log(re[b] * re[b] + im[b] * im[b] + 1e-20);
    }
    const fine = this.fine;
    for (let k = 0; k < bins; k++) {
      const a = k - SMOOTH_BINS < 0 ? 0 : k - SMOOTH_BINS;
      const b = k + SMOOTH_BINS >= bins ? bins - 1 : k + SMOOTH_BINS;
      let s = 0;
      for (let j = a; j <= b; j++) s += lp[j];
      fine[k] = lp[k] - s / (b - a + 1);
    }
  }
}

/** Centres `a` and scales it to unit norm (a flat vector stays zero). */
function normalise(a: Float64Array): void {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] - m;
    a[i] = v;
    ss += v * v;
  }
  const g = ss > 0 ? 1 / Math.sqrt(ss) : 0;
  for (let i = 0; i < n; i++) a[i] *= g;
}

/** Dot product of `a` with b[offset, offset + a.length): the Pearson correlation of two normalised vectors. */
function dot(a: Float64Array, b: Float64Array, offset: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[offset + i];
  return s;
}
