/**
 * Crosstalk between the two channels of a call: one channel carrying an attenuated, zero-delay copy of
 * the other. Recorders make it: a codec that codes the stereo pair jointly (Ogg Opus below about 28
 * kbit/s codes bands as intensity stereo, one signal panned into both channels), a mixer or a cable that
 * bleeds, a "stereo" file made from one line. It is earpiece leak with no delay and no room, so the
 * agent gate's Geigel test (agent-voice-gate.ts: 0–150 ms of acoustic delay, 15 dB down or more) misses
 * its louder frames: at 24 kbit/s the caller's copy in the agent channel runs 23 dB down at the median
 * and 14 dB down at the 90th percentile of the caller's frames — 2 to 5 false "talking over" a call.
 *
 * A copy is told by its waveform, not its level: over the last 20 ms (the detector's window) the
 * zero-lag correlation ρ of the two channels (mean removed). Independent voices and noises give |ρ| near
 * 0 (floor calls, PCM and Opus 64 kbit/s: median −0.08 per frame); a copy gives ρ near 1 (Opus 24
 * kbit/s: median 0.78, as not every band is coded jointly in every frame). ρ² is the share of the
 * quieter channel's energy that a scaled copy of the louder explains, so per frame the quieter channel's
 * detector judges its energy `penaltyDb` lower:
 *   - −10 log10(1 − ρ²), its own part, when |ρ| ≥ RHO_MIN (0 under it: calls without crosstalk are
 *     decided as before);
 *   - MAX_PENALTY_DB (not voiced) when the frame is plainly a copy: |ρ| ≥ RHO_COPY with the channel
 *     SOURCE_OVER_DB under the other, or |ρ| ≥ RHO_MIN and FAR_UNDER_DB under, or — once this direction's
 *     crosstalk is found — under its source by more than the copy's level less COPY_MARGIN_DB. The last
 *     rule catches what the codec smears around the copy (its coding noise follows the source but is not
 *     coherent with it). So is, once found, a frame of the copy channel SOURCE_OVER_DB or more under its
 *     source with ρ ≤ −RHO_MIN: a joint-stereo codec's error in coding the difference of the channels
 *     lands in the quieter one with the source's sign flipped. At the agent's onsets (the pre-echo spread
 *     over the codec's 20 ms frame) Opus 24 kbit/s puts the onset 12 dB down into the caller's channel at
 *     ρ −0.3 to −0.55, three frames that confirmed the caller starting just before the agent (echo-40: a
 *     false "talking over", and the caller's interruption after it missed); taking the ones at
 *     ρ ≤ −RHO_MIN leaves no start. A recorder's copy keeps its polarity and an independent voice has
 *     |ρ| near 0. Only once found: the PCM path calls carry anti-phase coupling too (agc-18, step-up-6:
 *     150 to 1,600 frames of ρ ≤ −0.4 under a channel 10 dB louder): judged copies there, they cost 0.01
 *     of accuracy on five of them. A party really speaking over the other is a different waveform and
 *     louder than all that: nothing is taken off. A delayed copy (earpiece leak, line echo) has low
 *     zero-lag ρ: it is left to the gates made for it;
 *   - on both channels, −10 log10(1 − ρ²) when they share a component in anti-phase at comparable levels
 *     (ρ ≤ −RHO_SHARED, within SOURCE_OVER_DB): that is neither party's voice — a voice copied by a
 *     recorder keeps its polarity — but what a joint-stereo codec makes of the two lines' noise at low
 *     rates (Opus 24 kbit/s: ρ −0.6 to −0.8 through the quiet stretches, pumping 5–7 dB over the floor
 *     the detector learned: 8 of the 10 false "talking over" left on the nine floor calls). On the floor
 *     and path calls in PCM it moves one caller boundary by 10–20 ms on three calls, no score.
 *
 * Each direction's evidence, for the gates above and the analysis's warning: frames where the source
 * party's detector hears speech and its channel is SOURCE_OVER_DB louder (or plainly copied): ρ over all
 * of them (sums of covariances and variances, louder frames weighing more) and the copy's level — the
 * least-squares gain of source into copy, 20 log10(Σ cov / Σ var). On the 22 floor and path calls: PCM and
 * Opus 64 kbit/s |ρ| ≤ 0.04, Opus 24 kbit/s 0.27–0.90, 14–37 dB down; a known copy mixed in at −6 to −30 dB
 * reads within 0.1 dB. Crosstalk is found once MIN_EVIDENCE_SEC of such frames give ρ ≥ REPORT_RHO, and
 * stays found.
 *
 * Products are taken every `stride` samples (a rate near 6 kHz, every sample at 8 kHz): ρ needs no more
 * (both channels are sampled alike, so a copy stays a copy), and the loop costs about 5 % of the engine's
 * time (12 kHz cost 10 %, measured on the 10-min bench call). Which samples are taken depends only on their index
 * in the stream, so block size never matters. Live and offline run the same code; no allocation after
 * construction.
 */
import type { Party } from './call-types';

/** Under this |ρ| nothing is taken off a frame (ρ² = 0.16: a 0.76 dB penalty). */
export const RHO_MIN = 0.4;
/** |ρ| at or over this, the quieter channel SOURCE_OVER_DB or more under: the frame is a copy (81 % of it or more). */
export const RHO_COPY = 0.9;
/**
 * ρ at or under −RHO_SHARED with the two channels within SOURCE_OVER_DB of each other: a component they share
 * in anti-phase, judged out of both (see the header).
 */
export const RHO_SHARED = 0.5;
/** |ρ| at or over RHO_MIN with the quieter channel this far under (dB): the frame is a copy and what is not is under 25 dB too. */
export const FAR_UNDER_DB = 25;
/** The largest penalty (dB): ρ² capped at 1 − 10^(−MAX_PENALTY_DB/10). */
export const MAX_PENALTY_DB = 30;
/** The source channel this much louder (dB) than the other for a frame to measure the copy. */
export const SOURCE_OVER_DB = 10;
/** ρ over a direction's evidence at or over which its crosstalk is found (and reported). */
export const REPORT_RHO = 0.15;
/** Evidence needed before a direction's crosstalk can be found (s). */
export const MIN_EVIDENCE_SEC = 1;
/** Once crosstalk is found, a frame of the copy channel under its source + the copy's level + this (dB) is the copy. */
export const COPY_MARGIN_DB = 15;
/** Target rate of the products (Hz). */
const PRODUCT_RATE_HZ = 6000;

const MIN_RHO2 = Math.pow(10, -MAX_PENALTY_DB / 10);

/** What one direction's copy measured over the call: ρ and the copy's level relative to its source. */
export interface CrosstalkMeasure {
  from: Party;
  into: Party;
  /** The copy's level relative to the source (dB: the least-squares gain over the evidence frames). */
  levelDb: number;
  /** Zero-lag correlation over those frames. */
  rho: number;
  /** Seconds of the source's speech it was measured on. */
  evidenceSec: number;
}

/** One direction's evidence: sums over the frames where the source speaks and is clearly the louder. */
class Direction {
  /** Σ covariance, Σ source variance, Σ copy-channel variance (per-frame means over 20 ms). */
  cov = 0;
  source = 0;
  copy = 0;
  frames = 0;
  /** Crosstalk found: enough evidence and ρ at REPORT_RHO or more (stays found). */
  found = false;

  add(cov: number, source: number, copy: number, minFrames: number): void {
    this.cov += cov;
    this.source += source;
    this.copy += copy;
    this.frames++;
    if (!this.found && this.frames >= minFrames && this.rho() >= REPORT_RHO) this.found = true;
  }

  /** The correlation of the two channels over all those frames, louder frames weighing more. */
  rho(): number {
    return this.source > 0 && this.copy > 0 ? this.cov / Math.sqrt(this.source * this.copy) : 0;
  }

  /** The copy's gain as least squares finds it (dB): the source scaled by it best explains the other channel. */
  levelDb(): number {
    const g = this.source > 0 ? Math.abs(this.cov) / this.source : 0;
    return g > 0 ? 20 * Math.log10(g) : -Infinity;
  }

  reset(): void {
    this.cov = this.source = this.copy = 0;
    this.frames = 0;
    this.found = false;
  }
}

export class ChannelCrosstalk {
  private readonly stride: number;
  private readonly frameSec: number;
  private readonly minFrames: number;
  /** Samples to skip before the next product (carries across blocks). */
  private skip = 0;
  // This frame's sums over the taken samples: caller, agent, caller², agent², caller × agent, count.
  private sc = 0;
  private sa = 0;
  private scc = 0;
  private saa = 0;
  private sca = 0;
  private n = 0;
  // The previous frame's, for the 20 ms window.
  private pc = 0;
  private pa = 0;
  private pcc = 0;
  private paa = 0;
  private pca = 0;
  private pn = 0;
  private readonly callerIntoAgent = new Direction();
  private readonly agentIntoCaller = new Direction();
  /** The last frame's zero-lag correlation over 20 ms (0 when either channel is silent). */
  rho = 0;
  /** Which channel was the louder over the last 20 ms (null: equal or silent). */
  louder: Party | null = null;
  /** Variances and covariance of the two channels over the last 20 ms (mean removed). */
  private vc = 0;
  private va = 0;
  private cov = 0;
  /** The louder channel's energy over the quieter's in the last 20 ms (dB). */
  gapDb = 0;
  /** Taken off the caller's / agent's frame energy for this frame (dB, ≥ 0). */
  callerPenaltyDb = 0;
  agentPenaltyDb = 0;

  constructor(sampleRate: number, frameSec: number) {
    this.stride = Math.max(1, Math.round(sampleRate / PRODUCT_RATE_HZ));
    this.frameSec = frameSec;
    this.minFrames = Math.round(MIN_EVIDENCE_SEC / frameSec);
  }

  /** The same instants of both channels, caller[start, end) and agent[start, end). */
  accumulate(caller: Float32Array, agent: Float32Array, start: number, end: number): void {
    let i = start + this.skip;
    let sc = this.sc,
      sa = this.sa,
      scc = this.scc,
      saa = this.saa,
      sca = this.sca,
      n = this.n;
    const stride = this.stride;
    for (; i < end; i += stride) {
      const c = caller[i];
      const a = agent[i];
      sc += c;
      sa += a;
      scc += c * c;
      saa += a * a;
      sca += c * a;
      n++;
    }
    this.skip = i - end;
    this.sc = sc;
    this.sa = sa;
    this.scc = scc;
    this.saa = saa;
    this.sca = sca;
    this.n = n;
  }

  /**
   * Closes the frame: ρ, the louder channel and each channel's penalty over the last 20 ms, also set as
   * the parties' `penaltyDb` for the decisions of this frame.
   */
  endFrame(caller?: { penaltyDb: number }, agent?: { penaltyDb: number }): void {
    this.computeFrame();
    if (caller) caller.penaltyDb = this.callerPenaltyDb;
    if (agent) agent.penaltyDb = this.agentPenaltyDb;
  }

  private computeFrame(): void {
    const n = this.n + this.pn;
    this.callerPenaltyDb = 0;
    this.agentPenaltyDb = 0;
    this.rho = 0;
    this.louder = null;
    this.gapDb = 0;
    this.vc = this.va = this.cov = 0;
    if (n > 1) {
      const mc = (this.sc + this.pc) / n;
      const ma = (this.sa + this.pa) / n;
      const vc = (this.scc + this.pcc) / n - mc * mc;
      const va = (this.saa + this.paa) / n - ma * ma;
      const cov = (this.sca + this.pca) / n - mc * ma;
      if (vc > 1e-12 && va > 1e-12) {
        const rho = cov / Math.sqrt(vc * va);
        const rho2 = Math.min(rho * rho, 1 - MIN_RHO2);
        this.rho = rho;
        this.louder = vc >= va ? 'caller' : 'agent';
        this.gapDb = 10 * Math.log10(Math.max(vc, va) / Math.min(vc, va));
        this.vc = vc;
        this.va = va;
        this.cov = cov;
        const into = this.louder === 'caller' ? this.callerIntoAgent : this.agentIntoCaller;
        const copy =
          (Math.abs(rho) >= RHO_COPY && this.gapDb >= SOURCE_OVER_DB) ||
          (Math.abs(rho) >= RHO_MIN && this.gapDb >= FAR_UNDER_DB) ||
          (into.found &&
            (this.gapDb > -into.levelDb() - COPY_MARGIN_DB ||
              (rho <= -RHO_MIN && this.gapDb >= SOURCE_OVER_DB)));
        const penalty = copy
          ? MAX_PENALTY_DB
          : Math.abs(rho) >= RHO_MIN
            ? -10 * Math.log10(1 - rho2)
            : 0;
        if (this.louder === 'caller') this.agentPenaltyDb = penalty;
        else this.callerPenaltyDb = penalty;
        if (rho <= -RHO_SHARED && this.gapDb < SOURCE_OVER_DB) {
          const shared = -10 * Math.log10(1 - rho2);
          if (this.louder === 'caller') this.callerPenaltyDb = shared;
          else this.agentPenaltyDb = shared;
        }
      }
    }
    this.pc = this.sc;
    this.pa = this.sa;
    this.pcc = this.scc;
    this.paa = this.saa;
    this.pca = this.sca;
    this.pn = this.n;
    this.sc = this.sa = this.scc = this.saa = this.sca = 0;
    this.n = 0;
  }

  /**
   * After both detectors decided the frame: evidence for the warning from frames where one party speaks
   * and its channel is clearly the louder. `callerVoiced` / `agentVoiced` are the detectors' voiced flags.
   */
  afterFrame(callerVoiced: boolean, agentVoiced: boolean): void {
    if (this.louder === null || (this.gapDb < SOURCE_OVER_DB && Math.abs(this.rho) < RHO_COPY))
      return;
    if (this.louder === 'caller' && callerVoiced)
      this.callerIntoAgent.add(this.cov, this.vc, this.va, this.minFrames);
    else if (this.louder === 'agent' && agentVoiced)
      this.agentIntoCaller.add(this.cov, this.va, this.vc, this.minFrames);
  }

  /** Each direction measured so far (evidence, ρ, level), found or not. */
  measures(): CrosstalkMeasure[] {
    const out: CrosstalkMeasure[] = [];
    for (const [from, into, d] of [
      ['caller', 'agent', this.callerIntoAgent],
      ['agent', 'caller', this.agentIntoCaller],
    ] as const) {
      if (d.frames === 0) continue;
      out.push({
        from,
        into,
        levelDb: d.levelDb(),
        rho: d.rho(),
        evidenceSec: d.frames * this.frameSec,
      });
    }
    return out;
  }

  /** The directions whose crosstalk is found (enough evidence, ρ at REPORT_RHO or more). */
  detected(): CrosstalkMeasure[] {
    return this.measures().filter(
      (m) => (m.from === 'caller' ? this.callerIntoAgent : this.agentIntoCaller).found,
    );
  }

  /** Forgets the evidence (sides swapped or their sources changed). */
  relearn(): void {
    this.callerIntoAgent.reset();
    this.agentIntoCaller.reset();
  }
}
