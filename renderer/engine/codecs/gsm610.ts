/**
 * GSM 06.10 full-rate speech decoder (ETSI EN 300 961, "GSM 06.10"), as stored in WAV files with format
 * 49 (Microsoft GSM 6.10, "WAV49"): 8 kHz mono, 65 bytes hold two 160-sample frames (320 samples).
 *
 * No maintained GSM 6.10 decoder exists on npm, so this follows the standard's fixed-point decoder
 * (section 4.3: RPE decoding, long-term synthesis, short-term synthesis with interpolated reflection
 * coefficients, de-emphasis) in 16-bit integer arithmetic, which makes it bit-exact: the tests compare
 * it sample for sample with sox's libgsm. One decoder per channel: its filters carry state from frame
 * to frame.
 *
 * WAV49 packing: the 65 bytes are one little-endian bit stream (least significant bit first), two
 * 260-bit frames back to back; each frame's 76 parameters in the order LARc[1..8] (6 6 5 5 4 4 3 3 bits),
 * then four sub-frames of Nc (7), bc (2), Mc (2), xmaxc (6) and 13 xMc (3 bits each).
 */

export const GSM_FRAME_SAMPLES = 160;
/** WAV49: bytes and samples per block (two frames). */
export const GSM_WAV49_BLOCK_BYTES = 65;
export const GSM_WAV49_BLOCK_SAMPLES = 320;

const MIN_WORD = -32768;
const MAX_WORD = 32767;

/** Saturating 16-bit addition and subtraction (the standard's add / sub). */
function add(a: number, b: number): number {
  const s = a + b;
  return s > MAX_WORD ? MAX_WORD : s < MIN_WORD ? MIN_WORD : s;
}
function sub(a: number, b: number): number {
  const s = a - b;
  return s > MAX_WORD ? MAX_WORD : s < MIN_WORD ? MIN_WORD : s;
}
/** mult_r: (a · b + 2^14) >> 15, with −1 · −1 saturating to MAX_WORD. */
function multR(a: number, b: number): number {
  if (a === MIN_WORD && b === MIN_WORD) return MAX_WORD;
  return (a * b + 16384) >> 15;
}
/** Arithmetic shifts by a count that may be negative or ≥ 16 (gsm_asl / gsm_asr). */
function asr(a: number, n: number): number {
  if (n >= 16) return a < 0 ? -1 : 0;
  if (n <= -16) return 0;
  if (n < 0) return ((a << -n) << 16) >> 16;
  return a >> n;
}
function asl(a: number, n: number): number {
  if (n >= 16) return 0;
  if (n <= -16) return a < 0 ? -1 : 0;
  if (n < 0) return asr(a, -n);
  return ((a << n) << 16) >> 16;
}

/** Table 4.6: normalised inverse mantissa for the APCM inverse quantisation. */
const FAC = [18431, 20479, 22527, 24575, 26623, 28671, 30719, 32767];
/** Table 4.3b: the long-term prediction gain for each bc. */
const QLB = [3277, 11469, 21299, 32767];
/** Table 4.1: decoding of the log-area ratios (B, MIC, INVA per coefficient). */
const LAR_B = [0, 0, 2048, -2560, 94, -1792, -341, -1144];
const LAR_MIC = [-32, -32, -16, -16, -8, -8, -4, -4];
const LAR_INVA = [13107, 13107, 13107, 13107, 19223, 17476, 31454, 29708];
const LAR_BITS = [6, 6, 5, 5, 4, 4, 3, 3];

/** One frame's parameters (section 1.7, table 1.1). */
export interface GsmFrameParameters {
  larc: Int16Array; // 8
  nc: Int16Array; // 4
  bc: Int16Array; // 4
  mc: Int16Array; // 4
  xmaxc: Int16Array; // 4
  xmc: Int16Array; // 52
}

function emptyParameters(): GsmFrameParameters {
  return {
    larc: new Int16Array(8),
    nc: new Int16Array(4),
    bc: new Int16Array(4),
    mc: new Int16Array(4),
    xmaxc: new Int16Array(4),
    xmc: new Int16Array(52),
  };
}

/** Reads WAV49's least-significant-bit-first stream. */
class BitReader {
  private bit = 0;
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.bit = start * 8;
  }
  read(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++, this.bit++)
      v |= ((this.bytes[this.bit >> 3] >> (this.bit & 7)) & 1) << i;
    return v;
  }
}

function unpackFrame(r: BitReader, p: GsmFrameParameters): void {
  for (let i = 0; i < 8; i++) p.larc[i] = r.read(LAR_BITS[i]);
  for (let j = 0; j < 4; j++) {
    p.nc[j] = r.read(7);
    p.bc[j] = r.read(2);
    p.mc[j] = r.read(2);
    p.xmaxc[j] = r.read(6);
    for (let i = 0; i < 13; i++) p.xmc[j * 13 + i] = r.read(3);
  }
}

/** A decoder's state: the long-term filter's past residual, the short-term lattice, the de-emphasis. */
export class Gsm610Decoder {
  /** dp0: 120 samples of reconstructed residual history, then the 40 of the current sub-frame. */
  private readonly dp0 = new Int16Array(280);
  /** The previous lag (used when a received Nc is out of range). */
  private nrp = 40;
  private readonly larpp = [new Int16Array(8), new Int16Array(8)];
  private j = 0;
  /** Short-term synthesis lattice state. */
  private readonly v = new Int16Array(9);
  private msr = 0;

  private readonly params = emptyParameters();
  private readonly erp = new Int16Array(40);
  private readonly xmp = new Int16Array(13);
  private readonly wt = new Int16Array(160);
  private readonly sr = new Int16Array(160);
  private readonly larp = new Int16Array(8);

  /**
   * Decodes whole WAV49 blocks (65 bytes → 320 samples) from `bytes` into out[outOffset…] as floats in
   * [-1, 1); returns the samples written (a partial block at the end is ignored).
   */
  decodeWav49(bytes: Uint8Array, out: Float32Array, outOffset = 0): number {
    const blocks = Math.floor(bytes.length / GSM_WAV49_BLOCK_BYTES);
    let o = outOffset;
    for (let b = 0; b < blocks; b++) {
      const r = new BitReader(bytes, b * GSM_WAV49_BLOCK_BYTES);
      for (let half = 0; half < 2; half++) {
        unpackFrame(r, this.params);
        this.decodeFrame(this.params);
        for (let k = 0; k < GSM_FRAME_SAMPLES; k++) out[o++] = this.sr[k] / 32768;
      }
    }
    return o - outOffset;
  }

  /** Section 4.3: one frame's parameters → 160 16-bit samples (left in this.sr). */
  decodeFrame(p: GsmFrameParameters): Int16Array {
    const drp = 120; // index of the current sub-frame in dp0
    for (let j = 0; j < 4; j++) {
      this.rpeDecoding(p.xmaxc[j], p.mc[j], p.xmc, j * 13);
      this.longTermSynthesis(p.nc[j], p.bc[j]);
      for (let k = 0; k < 40; k++) this.wt[j * 40 + k] = this.dp0[drp + k];
    }
    this.shortTermSynthesis(p.larc);
    // 4.3.5 post-processing: de-emphasis, upscaling, truncation to 13 bits.
    let msr = this.msr;
    const s = this.sr;
    for (let k = 0; k < 160; k++) {
      msr = add(s[k], multR(msr, 28180));
      s[k] = add(msr, msr) & -8;
    }
    this.msr = msr;
    return s;
  }

  /** 4.2.15–4.2.17: xmaxc → exponent and mantissa, inverse APCM quantisation, grid positioning → erp. */
  private rpeDecoding(xmaxc: number, mc: number, xmc: Int16Array, at: number): void {
    let exp = 0;
    if (xmaxc > 15) exp = (xmaxc >> 3) - 1;
    let mant = xmaxc - (exp << 3);
    if (mant === 0) {
      exp = -4;
      mant = 7;
    } else {
      while (mant <= 7) {
        mant = (mant << 1) | 1;
        exp--;
      }
      mant -= 8;
    }
    const temp1 = FAC[mant];
    const temp2 = sub(6, exp);
    const temp3 = asl(1, sub(temp2, 1));
    for (let i = 0; i < 13; i++) {
      let temp = ((xmc[at + i] << 1) - 7) << 12; // restore the sign, scale
      temp = multR(temp1, temp);
      temp = add(temp, temp3);
      this.xmp[i] = asr(temp, temp2);
    }
    this.erp.fill(0);
    for (let i = 0; i < 13; i++) this.erp[mc + 3 * i] = this.xmp[i];
  }

  /** 4.3.2: long-term synthesis filtering of erp into dp0[120…159], then the history shifts by 40. */
  private longTermSynthesis(ncr: number, bcr: number): void {
    const nr = ncr < 40 || ncr > 120 ? this.nrp : ncr;
    this.nrp = nr;
    const brp = QLB[bcr];
    const dp = this.dp0;
    for (let k = 0; k < 40; k++) dp[120 + k] = add(this.erp[k], multR(brp, dp[120 + k - nr]));
    dp.copyWithin(0, 40, 160);
  }

  /** 4.3.3–4.3.4: decode the LARs, interpolate them over four spans, run the lattice over wt → sr. */
  private shortTermSynthesis(larc: Int16Array): void {
    const current = this.larpp[this.j];
    this.j ^= 1;
    const previous = this.larpp[this.j];
    for (let i = 0; i < 8; i++) {
      let temp1 = add(larc[i], LAR_MIC[i]) << 10;
      temp1 = sub(temp1, LAR_B[i] << 1);
      temp1 = multR(LAR_INVA[i], temp1);
      current[i] = add(temp1, temp1);
    }
    const larp = this.larp;
    // k = 0…12: 3/4 previous + 1/4 current.
    for (let i = 0; i < 8; i++)
      larp[i] = add(add(previous[i] >> 2, current[i] >> 2), previous[i] >> 1);
    this.lattice(0, 13);
    // k = 13…26: half and half.
    for (let i = 0; i < 8; i++) larp[i] = add(previous[i] >> 1, current[i] >> 1);
    this.lattice(13, 14);
    // k = 27…39: 1/4 previous + 3/4 current.
    for (let i = 0; i < 8; i++)
      larp[i] = add(add(previous[i] >> 2, current[i] >> 2), current[i] >> 1);
    this.lattice(27, 13);
    // k = 40…159: current.
    for (let i = 0; i < 8; i++) larp[i] = current[i];
    this.lattice(40, 120);
  }

  /** 4.2.9.2 LARp → rp (reflection coefficients, in place), then 4.3.4 short-term synthesis over k samples. */
  private lattice(start: number, count: number): void {
    const rrp = this.larp;
    for (let i = 0; i < 8; i++) {
      const negative = rrp[i] < 0;
      const temp = negative ? (rrp[i] === MIN_WORD ? MAX_WORD : -rrp[i]) : rrp[i];
      const r = temp < 11059 ? temp << 1 : temp < 20070 ? temp + 11059 : add(temp >> 2, 26112);
      rrp[i] = negative ? -r : r;
    }
    const v = this.v;
    for (let k = start; k < start + count; k++) {
      let sri = this.wt[k];
      for (let i = 7; i >= 0; i--) {
        sri = sub(sri, multR(rrp[i], v[i]));
        v[i + 1] = add(v[i], multR(rrp[i], sri));
      }
      this.sr[k] = v[0] = sri;
    }
  }
}
