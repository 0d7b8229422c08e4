/**
 * What the caller's channel knows that a plain voice detector does not: when the far end's echo canceller
 * fails, the agent's own voice comes back on the caller's line, late and attenuated. That is not the caller
 * speaking. The agent's channel is the reference, as the caller's is for earpiece leak (agent-voice-gate.ts).
 *
 * The echo path is measured, not assumed. For every delay from MIN_LAG_SEC to MAX_LAG_SEC (10 ms steps) it
 * tracks how far the caller's frame energy sits under the agent's energy that many frames earlier, over the
 * frames where the agent was speaking then and the caller's line carries sound over its floor: the median
 * difference (the echo path's loss) and its mean absolute deviation. An echo follows the agent's syllables
 * at one delay, so there the difference is nearly constant (deviation 1–3 dB); a caller's own speech, or
 * line noise, has no such relation with the agent's voice (deviation 6 dB and more at every delay). Once a
 * delay's deviation is under ECHO_MAX_DEVIATION_DB after ECHO_MIN_FRAMES frames of evidence, the path is
 * known: a caller frame is voiced only above the agent's loudest frame around that delay plus the loss plus
 * ECHO_MARGIN_DB. Before that, early evidence (PROVISIONAL_FRAMES) and a prior (ECHO_PRIOR_*) gate only
 * sound that began after the agent did. The caller speaking over the agent (double talk) is 15 dB and more
 * over their echo and counts from the first word.
 *
 * Pure, allocation-free, stepped once per 10 ms frame: gateFor() before the caller's frame is decided,
 * afterFrames() once both sides' frames are.
 */

export const MIN_LAG_SEC = 0.01;
export const MAX_LAG_SEC = 0.5;
/** Frames of evidence at a delay before its echo is believed. */
export const ECHO_MIN_FRAMES = 60;
/** A delay whose differences deviate less than this (dB, mean absolute) is an echo path. */
export const ECHO_MAX_DEVIATION_DB = 2.5;
/**
 * An echo comes back at least this far under the agent (dB): a hybrid's return loss is 6 dB and more and the
 * canceller that fails still takes some off. A caller whose voice follows the agent's at a level near theirs is
 * a caller answering, not an echo.
 */
export const ECHO_MAX_LEVEL_DB = -10;
/** The echo's delay deviates at most this share of the mean deviation over all delays. */
const ECHO_CONTRAST = 0.5;
/**
 * Evidence at a delay from this many frames on already gates (a provisional path) — but only sound that
 * began after the agent started speaking: the echo of the agent's first words would otherwise read as the
 * caller talking over them until the path is confirmed. A caller who had the floor first is never cut on
 * provisional evidence.
 */
export const PROVISIONAL_FRAMES = 15;
/**
 * The caller has the floor (gateFor's `callerHasFloor`) when their speech began this long or more before the
 * agent's speech in progress: sound opening with the agent's first syllable is as likely the agent's — a
 * codec's pre-echo spreads an onset over its 20 ms frame into both channels of a jointly coded pair, and a
 * 10 ms frame of ours on top. Measured on Opus 24 kbit/s (babble-45): the caller's channel "began" 10 ms
 * before the agent's first word and, holding the floor, went on past the echo prior for 0.4 s (a false
 * "talking over"); with 30 ms it does not, and the PCM, 8 kHz and Opus 64 kbit/s tables are unchanged.
 */
export const FLOOR_LEAD_SEC = 0.03;
/**
 * Before any evidence — the agent's first ECHO_PRIOR_SEC of speech — faint sound that began after the agent
 * did, at most ECHO_PRIOR_OVER_FLOOR_DB over the line's floor and ECHO_PRIOR_DB or more under the agent's
 * loudest speech of the last MAX_LAG_SEC, may be their echo (as earpiece leak has its prior). A caller who
 * talks over the agent is louder than either bound from their first syllable.
 */
export const ECHO_PRIOR_SEC = 3;
export const ECHO_PRIOR_DB = -20;
export const ECHO_PRIOR_OVER_FLOOR_DB = 10;
/** Caller sound this much over the echo's expected level is the caller (dB). */
export const ECHO_MARGIN_DB = 6;
/** The caller's line counts as carrying sound this far over its floor (dB). */
const OVER_FLOOR_DB = 3;
/** Median step (dB per frame; four times that over the first DEVIATION_FRAMES) and the deviation's smoothing (frames). */
const MEDIAN_STEP_DB = 0.25;
const DEVIATION_FRAMES = 100;
/** A difference this far over a known path's level is the caller's own voice (dB). */
const DOUBLE_TALK_DB = 10;
/** Frames of the agent's speech whose echo should have been heard and was not, before the path is forgotten. */
const GONE_FRAMES = 100;
/** Frames either side of the delay whose loudest agent frame sets the gate (a syllable's energy moves). */
const SPREAD_FRAMES = 2;

export class CallerEchoGate {
  private readonly minLag: number;
  private readonly maxLag: number;
  /** The agent's last frames (dB, band-limited) and whether each was their speech, newest at agentPos - 1. */
  private readonly agentDb: Float64Array;
  private readonly agentVoiced: Uint8Array;
  private agentPos = 0;
  private readonly median: Float64Array;
  private readonly deviation: Float64Array;
  private readonly count: Uint32Array;
  /** The echo path once confirmed: its delay (frames), -1 before; its loss is median[lag]. */
  private lag = -1;
  private missing = 0;
  /** The agent's voiced frames so far, and how many of them the prior covers. */
  private agentSpeechFrames = 0;
  private readonly priorFrames: number;
  /** A delay with early evidence (PROVISIONAL_FRAMES), until the path is confirmed; -1 when none. */
  private provisional = -1;
  /** The gate for the caller frame being decided (dB). */
  gateDb = -Infinity;

  constructor(frameSec: number) {
    this.minLag = Math.max(1, Math.round(MIN_LAG_SEC / frameSec));
    this.maxLag = Math.round(MAX_LAG_SEC / frameSec);
    this.priorFrames = Math.round(ECHO_PRIOR_SEC / frameSec);
    const ring = this.maxLag + SPREAD_FRAMES + 1;
    this.agentDb = new Float64Array(ring).fill(-Infinity);
    this.agentVoiced = new Uint8Array(ring);
    const lags = this.maxLag + 1;
    this.median = new Float64Array(lags);
    this.deviation = new Float64Array(lags);
    this.count = new Uint32Array(lags);
  }

  /** The echo path's delay (s at `frameSec`) and loss (dB) once measured, else null. */
  echoPath(frameSec: number): { delaySec: number; lossDb: number } | null {
    return this.lag < 0 ? null : { delaySec: this.lag * frameSec, lossDb: this.median[this.lag] };
  }

  /**
   * Before the caller's frame is decided: the minimum energy (dB) for it to be the caller's voice.
   * `callerHasFloor`: the caller is speaking and began FLOOR_LEAD_SEC or more before the agent's speech in
   * progress, if any;
   * `callerFloorDb`: the caller's line floor (dB).
   */
  gateFor(callerHasFloor: boolean, callerFloorDb: number): number {
    let gate = -Infinity;
    const lag = this.lag >= 0 ? this.lag : callerHasFloor ? -1 : this.provisional;
    if (lag >= 0) {
      let m = -Infinity;
      const lo = Math.max(this.minLag, lag - SPREAD_FRAMES);
      const hi = Math.min(this.agentDb.length - 1, lag + SPREAD_FRAMES);
      for (let l = lo; l <= hi; l++) {
        const v = this.agentDb[this.slot(l)];
        if (v > m) m = v;
      }
      gate = m + this.median[lag] + ECHO_MARGIN_DB;
    }
    if (this.lag < 0 && !callerHasFloor && this.agentSpeechFrames < this.priorFrames) {
      let m = -Infinity;
      for (let l = this.minLag; l <= this.maxLag; l++) {
        const s = this.slot(l);
        if (this.agentVoiced[s] !== 0 && this.agentDb[s] > m) m = this.agentDb[s];
      }
      const prior = Math.min(m + ECHO_PRIOR_DB, callerFloorDb + ECHO_PRIOR_OVER_FLOOR_DB);
      if (prior > gate) gate = prior;
    }
    return (this.gateDb = gate);
  }

  /**
   * Once both frames are decided: the caller's frame energy and floor (dB), the agent's frame energy and
   * whether it was their speech. Learns the echo path, then remembers the agent's frame.
   */
  afterFrames(
    callerDb: number,
    callerFloorDb: number,
    agentDb: number,
    agentVoiced: boolean,
  ): void {
    if (callerDb > callerFloorDb + OVER_FLOOR_DB) this.learn(callerDb);
    else if (this.lag >= 0) this.checkStillThere(callerFloorDb);
    if (agentVoiced) this.agentSpeechFrames++;
    this.agentDb[this.agentPos] = agentDb;
    this.agentVoiced[this.agentPos] = agentVoiced ? 1 : 0;
    this.agentPos = this.agentPos + 1 === this.agentDb.length ? 0 : this.agentPos + 1;
  }

  /** Sound on the caller's line: each delay's difference from the agent's speech then. */
  private learn(callerDb: number): void {
    let best = -1;
    let bestDev = ECHO_MAX_DEVIATION_DB;
    let devSum = 0;
    let devCount = 0;
    for (let l = this.minLag; l <= this.maxLag; l++) {
      const s = this.slot(l);
      if (this.agentVoiced[s] === 0) continue;
      const d = callerDb - this.agentDb[s];
      const n = this.count[l];
      if (n === 0) {
        this.count[l] = 1;
        this.median[l] = d;
        this.deviation[l] = ECHO_MAX_DEVIATION_DB * 3;
        continue;
      }
      // Far over the path's level is the caller talking over the agent: not evidence about the path.
      if (n >= ECHO_MIN_FRAMES && d > this.median[l] + DOUBLE_TALK_DB) continue;
      this.count[l] = n + 1;
      // Quick at first (a running mean of the deviation, coarse median steps), then steady.
      const step = n < DEVIATION_FRAMES ? MEDIAN_STEP_DB * 4 : MEDIAN_STEP_DB;
      const med = (this.median[l] += d > this.median[l] ? step : -step);
      const dev = (this.deviation[l] +=
        (Math.abs(d - med) - this.deviation[l]) / Math.min(n + 1, DEVIATION_FRAMES));
      if (n < PROVISIONAL_FRAMES) continue;
      devSum += dev;
      devCount++;
      if (dev < bestDev && med <= ECHO_MAX_LEVEL_DB) {
        bestDev = dev;
        best = l;
      }
    }
    // One delay stands out from the rest (speech envelopes follow themselves at every delay a little).
    if (best >= 0 && bestDev > (devSum / devCount) * ECHO_CONTRAST) best = -1;
    if (best >= 0 && this.count[best] > ECHO_MIN_FRAMES) {
      if (this.lag < 0 || bestDev < this.deviation[this.lag]) this.lag = best;
    } else if (
      best < 0 ||
      this.provisional < 0 ||
      this.count[best] >= this.count[this.provisional] ||
      !(this.deviation[this.provisional] < ECHO_MAX_DEVIATION_DB)
    )
      // A provisional delay gives way only to one with as much evidence (or once it no longer qualifies):
      // a delay with a handful of frames can look steadier for a moment. On Opus 24 kbit/s (echo-20) the
      // codec's noise pumping over the floor moved it from the echo's 180 ms (33 frames of evidence) to
      // 350 ms (19 to 22 frames) for 70 ms, and an echo frame then read as the caller: a false "talking
      // over".
      // The PCM, 8 kHz and Opus 64 kbit/s tables are unchanged.
      this.provisional = best;
    this.missing = 0;
  }

  /**
   * The caller's line is at its floor: if the agent spoke at the path's delay loud enough for their echo to
   * stand over that floor, the echo was not there. GONE_FRAMES such frames in a row (no sound on the line
   * between them) and the path is forgotten: the far end's canceller converged, or it is another line.
   */
  private checkStillThere(callerFloorDb: number): void {
    const s = this.slot(this.lag);
    if (
      this.agentVoiced[s] === 0 ||
      this.agentDb[s] + this.median[this.lag] < callerFloorDb + ECHO_MARGIN_DB
    )
      return;
    if (++this.missing >= GONE_FRAMES) {
      this.lag = -1;
      this.count.fill(0);
      this.missing = 0;
    }
  }

  /** Forgets the echo path (the sides were swapped, or the sources changed). */
  reset(): void {
    this.agentDb.fill(-Infinity);
    this.agentVoiced.fill(0);
    this.count.fill(0);
    this.lag = -1;
    this.missing = 0;
    this.provisional = -1;
    this.agentSpeechFrames = 0;
  }

  /** Ring slot of the agent frame `lag` frames before the caller frame being decided. */
  private slot(lag: number): number {
    const i = this.agentPos - lag;
    return i < 0 ? i + this.agentDb.length : i;
  }
}
