/**
 * The fine structure of a line's spectrum, for telling music from a voice (hold-music.ts): the samples
 * decimated to about 8 kHz by averaging (only while asked to read), a Hann-windowed 256-point FFT of the
 * last 32 ms (the real window packed into a 128-point complex FFT, then split: half the work), the log
 * power of the 300–3400 Hz bins with the spectral envelope removed (each bin minus the mean of its ±3
 * neighbours), centred and scaled to unit norm — so the dot product of two of them is their
 * Pearson correlation across bins. Partials of a held note stand as the same peaks from one spectrum to the
 * next; a voice's harmonics glide and its formants move; noise puts its peaks anywhere.
 *
 * Allocation-free after construction; samples are read in stream order, so results do not depend on how
 * the stream is blocked.
 */

const FFT_SIZE = 256;
/** The complex FFT's size: the real window packed two samples per point. */
const HALF = FFT_SIZE / 2;
const TARGET_RATE = 8000;
const BAND_LO_HZ = 300;
const BAND_HI_HZ = 3400;
/** Envelope removal: each log-power bin minus the mean of its ±SMOOTH_BINS neighbours (±94 Hz at 8 kHz). */
const SMOOTH_BINS = 3;

export class LineFineSpectrum {
  /** The latest spectrum's fine structure (unit norm) and the one before it. */
  current: Float64Array;
  previous: Float64Array;
  /** Band power of the latest spectrum (dB, the FFT's own scale: only compared with other such levels). */
  levelDb = 0;
  private readonly decimation: number;
  private readonly invDecimation: number;
  private readonly lo: number;
  /** Decimated samples, a ring of FFT_SIZE. */
  private readonly ring = new Float64Array(FFT_SIZE);
  private ringPos = 0;
  private ringFill = 0;
  private boxSum = 0;
  private boxCount = 0;
  private readonly window = new Float64Array(FFT_SIZE);
  /** The packed window's spectrum (HALF points): even samples real, odd samples imaginary. */
  private readonly re = new Float64Array(HALF);
  private readonly im = new Float64Array(HALF);
  /** e^(−2πik/FFT_SIZE), k < HALF: the split's twiddles; every other one is the half-size FFT's. */
  private readonly cos = new Float64Array(HALF);
  private readonly sin = new Float64Array(HALF);
  private readonly bitrev = new Uint8Array(HALF);
  private readonly logPower: Float64Array;

  constructor(sampleRate: number) {
    this.decimation = Math.max(1, Math.round(sampleRate / TARGET_RATE));
    this.invDecimation = 1 / this.decimation;
    const rate = sampleRate / this.decimation;
    this.lo = Math.max(1, Math.ceil((BAND_LO_HZ * FFT_SIZE) / rate));
    const hi = Math.min(HALF - 1, Math.floor((BAND_HI_HZ * FFT_SIZE) / rate));
    const bins = hi - this.lo + 1;
    this.logPower = new Float64Array(bins);
    this.current = new Float64Array(bins);
    this.previous = new Float64Array(bins);
    for (let i = 0; i < FFT_SIZE; i++)
      this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FFT_SIZE);
    for (let i = 0; i < HALF; i++) {
      let r = 0;
      for (let b = 1, v = i; b < HALF; b <<= 1, v >>= 1) r = (r << 1) | (v & 1);
      this.bitrev[i] = r;
    }
    for (let k = 0; k < HALF; k++) {
      this.cos[k] = Math.cos((-2 * Math.PI * k) / FFT_SIZE);
      this.sin[k] = Math.sin((-2 * Math.PI * k) / FFT_SIZE);
    }
  }

  /** Bins per spectrum. */
  get bins(): number {
    return this.current.length;
  }

  /** Starts reading afresh: the next analysis needs a full window of samples from here. */
  startReading(): void {
    this.ringFill = 0;
    this.boxSum = 0;
    this.boxCount = 0;
  }

  /** A full window has been read since startReading(). */
  get ready(): boolean {
    return this.ringFill >= FFT_SIZE;
  }

  /** Samples [start, end) of the line. */
  accumulate(x: Float32Array, start: number, end: number): void {
    const d = this.decimation;
    const inv = this.invDecimation;
    const ring = this.ring;
    let sum = this.boxSum;
    let count = this.boxCount;
    let pos = this.ringPos;
    let fill = this.ringFill;
    for (let i = start; i < end; i++) {
      sum += x[i];
      if (++count === d) {
        ring[pos] = sum * inv;
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

  /** The window read so far becomes `current` (the old `current` becomes `previous`), with `levelDb`. */
  analyse(): void {
    const swap = this.previous;
    this.previous = this.current;
    this.current = swap;
    this.fft();
    const re = this.re;
    const im = this.im;
    const lp = this.logPower;
    const bins = lp.length;
    const cos = this.cos;
    const sin = this.sin;
    const lo0 = this.lo;
    let power = 0;
    for (let k = 0; k < bins; k++) {
      // Bin b of the real window from the packed spectrum: X[b] = E + e^(−2πib/N)·O, where
      // E = (Z[b] + conj Z[M−b]) / 2 (the even samples') and O = (Z[b] − conj Z[M−b]) / 2i (the odd ones').
      const b = lo0 + k;
      const m = HALF - b;
      const er = re[b] + re[m];
      const ei = im[b] - im[m];
      const or = im[b] + im[m];
      const oi = re[m] - re[b];
      const c = cos[b];
      const s = sin[b];
      const xr = er + c * or - s * oi;
      const xi = ei + c * oi + s * or;
      const p = 0.25 * (xr * xr + xi * xi);
      power += p;
      lp[k] = Math.log(p + 1e-20);
    }
    this.levelDb = 10 * Math.log10(power + 1e-20);
    const fine = this.current;
    // Each bin minus the mean of its ±SMOOTH_BINS neighbours (fewer at the band's edges): a running sum.
    let sum = 0;
    let hi = -1;
    let lo = 0;
    for (let k = 0; k < bins; k++) {
      while (hi < k + SMOOTH_BINS && hi < bins - 1) sum += lp[++hi];
      while (lo < k - SMOOTH_BINS) sum -= lp[lo++];
      fine[k] = lp[k] - sum / (hi - lo + 1);
    }
    normalise(fine);
  }

  /**
   * The windowed ring, oldest sample first, packed two samples per point (even real, odd imaginary), through
   * a radix-2 FFT of HALF points into re/im.
   */
  private fft(): void {
    const re = this.re;
    const im = this.im;
    const ring = this.ring;
    const w = this.window;
    const br = this.bitrev;
    for (let i = 0, p = this.ringPos; i < HALF; i++) {
      const j = br[i];
      re[j] = ring[p] * w[2 * i];
      p = p + 1 === FFT_SIZE ? 0 : p + 1;
      im[j] = ring[p] * w[2 * i + 1];
      p = p + 1 === FFT_SIZE ? 0 : p + 1;
    }
    const cos = this.cos;
    const sin = this.sin;
    for (let len = 2; len <= HALF; len <<= 1) {
      const half = len >> 1;
      const stride = FFT_SIZE / len; // the HALF-point FFT's twiddle k·(HALF/len) is the table's 2k·(HALF/len)
      // Butterflies of a stage touch disjoint pairs: each twiddle's are done together, in any order.
      for (let k = 0; k < half; k++) {
        const c = cos[k * stride];
        const s = sin[k * stride];
        for (let a = k; a < HALF; a += len) {
          const b = a + half;
          const rb = re[b];
          const ib = im[b];
          const vr = rb * c - ib * s;
          const vi = rb * s + ib * c;
          const ra = re[a];
          const ia = im[a];
          re[b] = ra - vr;
          im[b] = ia - vi;
          re[a] = ra + vr;
          im[a] = ia + vi;
        }
      }
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

/** Dot product of `a` with b[offset, offset + a.length): the correlation of two fine structures. */
export function fineCorrelation(a: Float64Array, b: Float64Array, offset = 0): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[offset + i];
  return s;
}
