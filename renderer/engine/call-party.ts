/**
 * One side of the call inside the engine: its loudness meter, its voice detector, the per-frame result
 * the cue rules read, and the speech segments found so far. Fed the same chunks as the other side, so
 * frames line up with the meter's 10 ms sub-blocks. No allocation per block; one object per segment.
 */
import type { Party, SpeechSegment } from './call-types';
import { createPartyFrame, type PartyFrame } from './cue-rules';
import { LoudnessMeter, type KWeightingPass } from './loudness-meter';
import { runStereoFilterPass, type PartyFilters } from './stereo-filter-pass';
import { VoiceActivityDetector, type VoiceActivityOptions } from './voice-activity';

export class CallParty {
  readonly party: Party;
  readonly meter: LoudnessMeter;
  readonly vad: VoiceActivityDetector;
  readonly frame: PartyFrame = createPartyFrame();
  readonly segments: SpeechSegment[] = [];
  /** Taken off the next frame's energy for its voicing (dB): the share that copies the other side (channel-crosstalk.ts). */
  penaltyDb = 0;
  private readonly sampleRate: number;
  /** What the stereo pass advances (accumulateBoth). */
  private readonly filters: PartyFilters;
  /** The meter's K-weighting and the detector's filters in one loop over the samples (fused-filter-pass.ts). */
  private readonly pass: KWeightingPass = (kw, x, start, end, acc) =>
    this.vad.accumulateWithKWeighting(kw, x, start, end, acc);

  constructor(party: Party, sampleRate: number, vadOptions?: VoiceActivityOptions) {
    this.party = party;
    this.sampleRate = sampleRate;
    this.meter = new LoudnessMeter(sampleRate, 1);
    this.vad = new VoiceActivityDetector(sampleRate, this.meter.subBlockSamples, vadOptions);
    this.filters = {
      kw: this.meter.kWeighting,
      band: this.vad.bandFilter,
      sums: this.vad.fusedSums,
    };
  }

  /** Samples [start, end) of this side; must not cross a frame boundary. */
  accumulate(x: Float32Array, start: number, end: number): void {
    this.meter.processMono(x, start, end, this.pass);
  }

  /**
   * The same instants of both sides, caller[start, end) and agent[start, end), in one stereo pass
   * (stereo-filter-pass.ts); the same result as accumulate() on each. Must not cross a frame boundary.
   */
  static accumulateBoth(
    caller: CallParty,
    agent: CallParty,
    xc: Float32Array,
    xa: Float32Array,
    start: number,
    end: number,
  ): void {
    runStereoFilterPass(caller.beginPass(), agent.beginPass(), xc, xa, start, end);
    caller.endPass(end - start);
    agent.endPass(end - start);
  }

  private beginPass(): PartyFilters {
    this.vad.beginFusedChunk(this.meter.pendingSquares);
    return this.filters;
  }

  private endPass(samples: number): void {
    this.meter.addFiltered(samples, this.vad.endFusedChunk(samples));
  }

  /** Closes the frame ending at stream sample `endSample` (voiced only above `minDb`); returns the finished segment, if any. */
  endFrame(endSample: number, minDb?: number): SpeechSegment | null {
    this.vad.endFrame(endSample, minDb, this.penaltyDb);
    this.frame.power = this.meter.lastSubBlockPower();
    return this.readVad();
  }

  /** End of stream: closes a segment in progress. */
  flush(): SpeechSegment | null {
    this.vad.flush();
    this.frame.power = 0;
    this.frame.voiced = false;
    return this.readVad();
  }

  private readVad(): SpeechSegment | null {
    const v = this.vad;
    const f = this.frame;
    const sr = this.sampleRate;
    f.voiced = v.voiced;
    f.speaking = v.speaking;
    f.muted = v.muted;
    f.floorDb = v.floorMeasured ? v.floorDb : -Infinity;
    f.segmentStarted = v.segmentStarted;
    f.segmentEnded = v.segmentEnded;
    f.segmentStartSec = v.segmentStartSample / sr;
    f.lastVoicedEndSec = v.lastVoicedEndSample < 0 ? -1 : v.lastVoicedEndSample / sr;
    if (!v.segmentEnded) return null;
    const seg: SpeechSegment = {
      party: this.party,
      start: f.segmentStartSec,
      end: v.segmentEndSample / sr,
    };
    this.segments.push(seg);
    return seg;
  }
}
