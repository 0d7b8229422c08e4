/**
 * Calibration of the agent's normal voice: "say a sentence in your normal voice" → the speech-gated level
 * (K-weighted energy of the voiced frames, LUFS), measured exactly as the call engine measures the agent
 * during a call, so "too loud" compares like with like. Usable live (feed blocks as they come) or on a
 * recorded buffer (measureNormalVoice).
 */
import { lufsToPower, powerToLufs, ABSOLUTE_GATE_LUFS } from './loudness-meter';
import { CallParty } from './call-party';

/** Voiced speech needed before a calibration is trusted (s). */
export const MIN_CALIBRATION_VOICED_SEC = 1.5;

const GATE_POWER = lufsToPower(ABSOLUTE_GATE_LUFS);

export interface NormalVoiceReading {
  /** Speech-gated level so far, null before any voiced frame. */
  normalLufs: number | null;
  voicedSec: number;
  /** At least MIN_CALIBRATION_VOICED_SEC of voiced speech was heard. */
  enough: boolean;
}

export class NormalVoiceMeter {
  private readonly side: CallParty;
  private readonly frameSec: number;
  private fill = 0;
  private samples = 0;
  private sum = 0;
  private count = 0;

  constructor(sampleRate: number) {
    this.side = new CallParty('agent', sampleRate);
    this.frameSec = this.side.meter.subBlockSamples / sampleRate;
  }

  /** Feeds x[start, end) of the agent's microphone; any block size, no allocation. */
  process(x: Float32Array, start = 0, end = x.length): void {
    const frame = this.side.meter.subBlockSamples;
    let pos = start;
    while (pos < end) {
      const chunkEnd = Math.min(end, pos + frame - this.fill);
      this.side.accumulate(x, pos, chunkEnd);
      this.fill += chunkEnd - pos;
      this.samples += chunkEnd - pos;
      pos = chunkEnd;
      if (this.fill === frame) {
        this.fill = 0;
        this.side.endFrame(this.samples);
        const f = this.side.frame;
        if (f.voiced && f.power > GATE_POWER) {
          this.sum += f.power;
          this.count++;
        }
      }
    }
  }

  reading(): NormalVoiceReading {
    const voicedSec = this.count * this.frameSec;
    return {
      normalLufs: this.count > 0 ? powerToLufs(this.sum / this.count) : null,
      voicedSec,
      enough: voicedSec >= MIN_CALIBRATION_VOICED_SEC - 1e-9,
    };
  }
}

/** The normal-voice level of a recorded sentence, or null if it holds too little speech to trust. */
export function measureNormalVoice(samples: Float32Array, sampleRate: number): number | null {
  const meter = new NormalVoiceMeter(sampleRate);
  meter.process(samples);
  const r = meter.reading();
  return r.enough ? r.normalLufs : null;
}
