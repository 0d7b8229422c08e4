/**
 * Whose voice is on which side, from the line's bandwidth. A headset microphone is wideband (speech
 * energy up to 7 kHz and more); a caller over the phone network arrives band-limited to 300–3400 Hz
 * (G.711; a softphone upsamples it, leaving nothing above 4 kHz). So telephone-band speech on the agent's
 * side while the caller's side carries wideband speech means the channels are the wrong way round.
 *
 * Measured, per party, over its voiced frames only: the share of the energy above 5.5 kHz (an 8th-order
 * Butterworth high-pass: a 4th order at 4.5 kHz let the 2–4 kHz formants of telephone speech through at
 * −34 dB, no gap to wideband speech at −20 dB), against all of it. Real voices, 48 kHz
 * (tests/engine/channel-check.test.ts): telephone-band speech (8 kHz recordings, G.711 μ-law lines)
 * −51 to −64 dB; 16 kHz recordings (pocketsphinx's readers) −28 dB. NARROW_BELOW_DB and WIDE_ABOVE_DB sit
 * inside that gap with room on both sides.
 * Below 16 kHz sampling there is no band above 4.5 kHz to look at: nothing can be told, and the check says
 * "ok" at once (it never guesses).
 *
 * The verdict, once each side needed has `VOICED_SEC` of voiced speech (and "ok" when both have spoken
 * GIVE_UP_VOICED_SEC and neither side is clearly one or the other):
 *   agent side wideband                      → ok (a wideband caller swapped in could not be told apart)
 *   agent narrow, caller narrow              → ok (a Bluetooth headset in call mode and a phone caller)
 *   agent narrow, caller wideband            → swapped
 * It runs only until its verdict (a few seconds of speech): four biquads a sample a side, then nothing.
 */
import { highPass } from './voice-band-filter';
import { flush } from './k-weighting';

export type ChannelOrder = 'pending' | 'ok' | 'swapped';

export const HIGH_BAND_HZ = 5500;
export const NARROW_BELOW_DB = -42;
export const WIDE_ABOVE_DB = -36;
export const VOICED_SEC = 1;
/** Both sides this long in speech and still neither clearly narrow nor wide: "ok", it cannot be told. */
export const GIVE_UP_VOICED_SEC = 4;
/** The lowest rate with a band above HIGH_BAND_HZ worth measuring. */
export const MIN_CHECK_SAMPLE_RATE = 16000;

type Band = 'narrow' | 'wide' | 'unsure';

/** 8th-order Butterworth = four 2nd-order sections with Q = 1/(2 cos((2k − 1)π/16)). */
const SECTION_QS = [0.5097956, 0.6013449, 0.8999762, 2.5629154];

/** One side's high-band share over its voiced frames. */
export class BandwidthProbe {
  /** Per section: gain, a1, a2. */
  private readonly c: Float64Array;
  /** Per section: x1, x2, y1, y2 (its input's and its output's last two samples). */
  private readonly s = new Float64Array(4 * SECTION_QS.length);
  private frameHigh = 0;
  private frameAll = 0;
  private high = 0;
  private all = 0;
  voicedFrames = 0;

  constructor(sampleRate: number) {
    this.c = new Float64Array(
      SECTION_QS.flatMap((q) => {
        const h = highPass(sampleRate, HIGH_BAND_HZ, q);
        return [h.gain, h.a1, h.a2];
      }),
    );
  }

  accumulate(x: Float32Array, start: number, end: number): void {
    const c = this.c;
    const s = this.s;
    const sections = SECTION_QS.length;
    let high = 0;
    let all = 0;
    for (let i = start; i < end; i++) {
      let v = x[i];
      all += v * v;
      for (let k = 0, ci = 0, si = 0; k < sections; k++, ci += 3, si += 4) {
        const y =
          c[ci] * (v - 2 * s[si] + s[si + 1]) - c[ci + 1] * s[si + 2] - c[ci + 2] * s[si + 3];
        s[si + 1] = s[si];
        s[si] = v;
        s[si + 3] = s[si + 2];
        s[si + 2] = y;
        v = y;
      }
      high += v * v;
    }
    // Tiny states flushed to zero: a long digital silence never runs the sections on denormal numbers.
    for (let i = 0; i < s.length; i++) s[i] = flush(s[i]);
    this.frameHigh += high;
    this.frameAll += all;
  }

  /** The frame just ended: counted when the party was speaking in it. */
  endFrame(voiced: boolean): void {
    if (voiced) {
      this.high += this.frameHigh;
      this.all += this.frameAll;
      this.voicedFrames++;
    }
    this.frameHigh = 0;
    this.frameAll = 0;
  }

  /** Energy above HIGH_BAND_HZ relative to all, in dB (−Infinity for none); null before any voiced frame. */
  highBandDb(): number | null {
    if (this.all <= 0) return null;
    return 10 * Math.log10(this.high / this.all);
  }

  band(): Band {
    const db = this.highBandDb();
    if (db === null) return 'unsure';
    return db < NARROW_BELOW_DB ? 'narrow' : db > WIDE_ABOVE_DB ? 'wide' : 'unsure';
  }
}

/** Both sides' probes and the verdict; stepped by the call engine once per frame while pending. */
export class ChannelOrderCheck {
  private readonly caller: BandwidthProbe | null;
  private readonly agent: BandwidthProbe | null;
  private readonly needFrames: number;
  private readonly giveUpFrames: number;
  verdict: ChannelOrder;

  constructor(sampleRate: number, frameSec: number) {
    const usable = sampleRate >= MIN_CHECK_SAMPLE_RATE;
    this.caller = usable ? new BandwidthProbe(sampleRate) : null;
    this.agent = usable ? new BandwidthProbe(sampleRate) : null;
    this.needFrames = Math.round(VOICED_SEC / frameSec);
    this.giveUpFrames = Math.round(GIVE_UP_VOICED_SEC / frameSec);
    this.verdict = usable ? 'pending' : 'ok';
  }

  get running(): boolean {
    return this.verdict === 'pending';
  }

  accumulate(caller: Float32Array, agent: Float32Array, start: number, end: number): void {
    this.caller?.accumulate(caller, start, end);
    this.agent?.accumulate(agent, start, end);
  }

  /** Ends a frame with each party's voice decision; returns true when the verdict was just reached. */
  endFrame(callerVoiced: boolean, agentVoiced: boolean): boolean {
    const caller = this.caller;
    const agent = this.agent;
    if (!caller || !agent || this.verdict !== 'pending') return false;
    caller.endFrame(callerVoiced);
    agent.endFrame(agentVoiced);
    if (agent.voicedFrames < this.needFrames) return false;
    const agentBand = agent.band();
    if (agentBand === 'wide') this.verdict = 'ok';
    else if (agentBand === 'narrow' && caller.voicedFrames >= this.needFrames) {
      const callerBand = caller.band();
      if (callerBand === 'wide') this.verdict = 'swapped';
      else if (callerBand === 'narrow') this.verdict = 'ok';
    }
    if (
      this.verdict === 'pending' &&
      agent.voicedFrames >= this.giveUpFrames &&
      caller.voicedFrames >= this.giveUpFrames
    )
      this.verdict = 'ok';
    return this.verdict !== 'pending';
  }
}
