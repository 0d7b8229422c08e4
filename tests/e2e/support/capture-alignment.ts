/**
 * Where each moment of a live call's recording sits in the file Chromium's fake capture played. The capture
 * is not a perfect tape: on a machine short of CPU it drops or repeats a few tens of milliseconds of audio
 * now and then (seen: every segment after 30 s late by 65 ms; with two busy processes and a test run beside
 * it, 0.2–1.2 s by the end of a 55 s call). A comparison with the file on one clock offset then measures the
 * capture, not the coach.
 *
 * So the offset is measured from the sound itself, along the call: both sides' 10 ms log energies (the two
 * channels summed), and at every ANCHOR_SEC the lag within ±SEARCH_SEC of the call's overall offset whose
 * ±WINDOW_SEC of envelope correlates best with the file's. A moment of the recording maps to the file through
 * the nearest anchor that found a clear match (correlation ≥ MIN_CORRELATION, a lag its neighbours share;
 * quiet stretches have none), refined over the ±0.4 s around it. A recording that matches the file at fewer
 * than half the anchors is refused.
 */

const FRAME_SEC = 0.01;
const ANCHOR_SEC = 0.5;
const WINDOW_SEC = 1.5;
const SEARCH_SEC = 1.5;
const MIN_CORRELATION = 0.8;
/** A found lag this close to its neighbours' median is kept (s); this share of the points must match. */
const STEADY_SEC = 0.05;
const MIN_COVERAGE = 0.5;
/** At a moment asked for, the lag is refined over this window (s, each side) within this of the anchor's. */
const LOCAL_WINDOW_SEC = 0.4;
const LOCAL_SEARCH_SEC = 0.2;
/** A moment is steady when the lag this far before and after it (s) is the same within STEADY_SEC. */
const STEADY_AROUND_SEC = 1.5;

export interface CaptureAlignment {
  /** The file's time (s) of the recording's moment `t` (s). */
  fileTime(t: number): number;
  /** The largest change of offset along the call (s): how much the capture dropped or repeated. */
  driftSec: number;
  /**
   * The capture neither dropped nor repeated sound within STEADY_AROUND_SEC of the file's moment `t`: what
   * the engine decided there was decided on the file's sound.
   */
  steadyAround(fileT: number): boolean;
}

/** 10 ms log energies of the channels' sum of squares. */
function envelope(channels: readonly Float32Array[], sampleRate: number): Float64Array {
  const hop = Math.round(FRAME_SEC * sampleRate);
  const n = Math.floor(channels[0].length / hop);
  const out = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    let s = 0;
    for (const ch of channels) for (let i = f * hop; i < (f + 1) * hop; i++) s += ch[i] * ch[i];
    out[f] = Math.log10(s / hop + 1e-10);
  }
  return out;
}

/** Pearson correlation of a[i0 .. i0+len) with b[j0 .. j0+len); NaN when out of range or flat. */
function correlation(
  a: Float64Array,
  i0: number,
  b: Float64Array,
  j0: number,
  len: number,
): number {
  if (i0 < 0 || j0 < 0 || i0 + len > a.length || j0 + len > b.length) return NaN;
  let sa = 0;
  let sb = 0;
  for (let k = 0; k < len; k++) {
    sa += a[i0 + k];
    sb += b[j0 + k];
  }
  const ma = sa / len;
  const mb = sb / len;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < len; k++) {
    const x = a[i0 + k] - ma;
    const y = b[j0 + k] - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}

/**
 * The recording (`heard`, as the worklet wrote it) against the played file, given the call's overall offset
 * (recording time = file time + offsetSec, measured roughly from matched speech starts).
 */
export function alignCapture(
  heard: { channels: readonly Float32Array[]; sampleRate: number },
  file: { channels: readonly Float32Array[]; sampleRate: number },
  offsetSec: number,
): CaptureAlignment {
  const h = envelope(heard.channels, heard.sampleRate);
  const f = envelope(file.channels, file.sampleRate);
  const win = Math.round(WINDOW_SEC / FRAME_SEC);
  const search = Math.round(SEARCH_SEC / FRAME_SEC);
  const base = Math.round(offsetSec / FRAME_SEC);
  const found: { t: number; lag: number }[] = [];
  let tried = 0;
  for (let c = win; c + win < h.length; c += Math.round(ANCHOR_SEC / FRAME_SEC)) {
    tried++;
    let best = -Infinity;
    let bestLag = 0;
    for (let lag = base - search; lag <= base + search; lag++) {
      const r = correlation(h, c - win, f, c - win - lag, 2 * win);
      if (r > best) {
        best = r;
        bestLag = lag;
      }
    }
    if (best >= MIN_CORRELATION) found.push({ t: c * FRAME_SEC, lag: bestLag * FRAME_SEC });
  }
  // A lag its neighbours do not share is a chance match: kept only within STEADY_SEC of the median of the
  // five found around it (a real drop is a step that the next ones share).
  const anchors = found.filter((a, i) => {
    const near = found.slice(Math.max(0, i - 2), i + 3).map((n) => n.lag);
    near.sort((x, y) => x - y);
    return Math.abs(a.lag - near[Math.floor(near.length / 2)]) <= STEADY_SEC;
  });
  if (anchors.length < tried * MIN_COVERAGE)
    throw new Error(
      `the recording matches the played file at ${anchors.length} of ${tried} points: not the same sound`,
    );
  const lags = anchors.map((a) => a.lag);
  const local = Math.round(LOCAL_WINDOW_SEC / FRAME_SEC);
  const refine = Math.round(LOCAL_SEARCH_SEC / FRAME_SEC);
  return {
    fileTime(t) {
      let nearest = anchors[0];
      for (const a of anchors) if (Math.abs(a.t - t) < Math.abs(nearest.t - t)) nearest = a;
      // A drop or repeat right by t moves it by less than an anchor's window sees: the lag is measured
      // again over the ±LOCAL_WINDOW_SEC around t, near the anchor's.
      const c = Math.round(t / FRAME_SEC);
      const coarse = Math.round(nearest.lag / FRAME_SEC);
      let best = -Infinity;
      let bestLag = coarse;
      for (let lag = coarse - refine; lag <= coarse + refine; lag++) {
        const r = correlation(h, c - local, f, c - local - lag, 2 * local);
        if (r > best) {
          best = r;
          bestLag = lag;
        }
      }
      return t - (best >= MIN_CORRELATION ? bestLag : coarse) * FRAME_SEC;
    },
    driftSec: Math.max(...lags) - Math.min(...lags),
    steadyAround(fileT) {
      let nearest = anchors[0];
      for (const a of anchors)
        if (Math.abs(a.t - a.lag - fileT) < Math.abs(nearest.t - nearest.lag - fileT)) nearest = a;
      const t = fileT + nearest.lag;
      const lagBefore = t - STEADY_AROUND_SEC - this.fileTime(t - STEADY_AROUND_SEC);
      const lagAfter = t + STEADY_AROUND_SEC - this.fileTime(t + STEADY_AROUND_SEC);
      return Math.abs(lagBefore - lagAfter) <= STEADY_SEC;
    },
  };
}
