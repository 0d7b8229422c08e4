/**
 * The voice detector on what real channels do besides speech: digital silence (a muted mic, a capture that
 * has not started), the headset's noise coming back at unmute, the noise floor stepping up, and speech that
 * opens the sound after phone-network silence suppression.
 */
import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import { VoiceActivityDetector } from '../../renderer/engine/voice-activity';
import { concat, dbToGain, seededRandom, silence } from '../support/test-audio';

const SR = 16000;
const FRAME = SR / 100;

function whiteNoise(seconds: number, rmsDbfs: number, seed: number): Float32Array {
  const rnd = seededRandom(seed);
  const g = dbToGain(rmsDbfs) * Math.sqrt(3);
  return Float32Array.from({ length: Math.round(seconds * SR) }, () => (rnd() * 2 - 1) * g);
}

/** A syllabic "voice": a 300 Hz-rich buzz switched at 4 Hz (on 150 ms, off 100 ms). */
function syllables(seconds: number, rmsDbfs: number): Float32Array {
  const g = dbToGain(rmsDbfs) * Math.SQRT2;
  return Float32Array.from({ length: Math.round(seconds * SR) }, (_, i) => {
    const t = i / SR;
    const on = t % 0.25 < 0.15 ? 1 : 0;
    return (
      on * g * (0.6 * Math.sin(2 * Math.PI * 300 * t) + 0.4 * Math.sin(2 * Math.PI * 1200 * t))
    );
  });
}

function run(x: Float32Array): {
  voicedSec: number;
  segments: [number, number][];
  mutedFrames: number[];
} {
  const vad = new VoiceActivityDetector(SR, FRAME);
  const segments: [number, number][] = [];
  const mutedFrames: number[] = [];
  let voiced = 0;
  for (let f = 0; (f + 1) * FRAME <= x.length; f++) {
    vad.accumulate(x, f * FRAME, (f + 1) * FRAME);
    vad.endFrame((f + 1) * FRAME);
    if (vad.speaking) voiced++;
    if (vad.muted) mutedFrames.push(f);
    if (vad.segmentEnded) segments.push([vad.segmentStartSample / SR, vad.segmentEndSample / SR]);
    if (vad.segmentStarted && vad.segmentEnded) throw new Error('both');
  }
  vad.flush();
  if (vad.segmentEnded) segments.push([vad.segmentStartSample / SR, vad.segmentEndSample / SR]);
  return { voicedSec: voiced / 100, segments, mutedFrames };
}

describe('voice activity on digital silence and noise steps', () => {
  it('takes the headset noise that appears after a muted start as no one speaking', () => {
    const r = run(concat(silence(SR, 0.8), whiteNoise(4, -65, 1)));
    expect(r.segments).toEqual([]);
    expect(r.mutedFrames[0]).toBe(9); // muted after 0.1 s of digital silence
    expect(r.mutedFrames.at(-1)).toBe(79); // and no longer once sound is back
  });

  it('does the same after a mute in the middle, and still finds the speech that follows', () => {
    const noise = whiteNoise(12, -62, 2);
    const x = concat(noise.subarray(0, 3 * SR), silence(SR, 4), noise.subarray(7 * SR));
    const speech = syllables(2, -30);
    for (let i = 0; i < speech.length; i++) x[9 * SR + i] += speech[i];
    const r = run(x);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0][0]).toBeCloseTo(9, 1);
    expect(r.segments[0][1]).toBeCloseTo(10.9, 1);
  });

  it('learns a noise floor that steps up by 15 dB within 0.5 s', () => {
    const x = concat(whiteNoise(4, -60, 3), whiteNoise(4, -45, 4));
    const vad = new VoiceActivityDetector(SR, FRAME);
    let floorAt = -1;
    for (let f = 0; f < 800; f++) {
      vad.accumulate(x, f * FRAME, (f + 1) * FRAME);
      vad.endFrame((f + 1) * FRAME);
      if (floorAt < 0 && f >= 400 && vad.floorDb > -52) floorAt = (f + 1) / 100 - 4;
    }
    expect(floorAt).toBeGreaterThan(0);
    expect(floorAt).toBeLessThanOrEqual(0.6);
  });

  it('finds speech that opens the sound after digital silence from its start (silence suppression)', () => {
    const x = concat(
      silence(SR, 1),
      syllables(1.5, -40),
      silence(SR, 1),
      syllables(1.5, -40),
      silence(SR, 0.5),
    );
    const r = run(x);
    expect(r.segments).toHaveLength(2);
    expect(r.segments[0][0]).toBeCloseTo(1, 2);
    expect(r.segments[1][0]).toBeCloseTo(3.5, 2);
  });
});

describe('the engine shows a silent mic as a state and relearns voices on request', () => {
  it('reports the agent muted during digital silence, never as speech, and learns nothing from it', () => {
    const engine = new CallEngine({ sampleRate: SR });
    const agent = concat(silence(SR, 2), whiteNoise(2, -65, 5));
    const caller = whiteNoise(4, -60, 6);
    engine.process(caller, agent, 0, SR);
    expect(engine.snapshot().agent.muted).toBe(true);
    engine.process(caller, agent, SR, 4 * SR);
    const s = engine.snapshot();
    expect(s.agent.muted).toBe(false);
    expect(s.agentTalkSec).toBe(0);
    expect(s.agentNormalLufs).toBeNull();
  });

  it('forgets a learned normal voice and caller baseline on relearn, keeps a calibration', () => {
    const voice = syllables(6, -26);
    const quiet = whiteNoise(6, -70, 7);
    // The stand-in voice is two steady tones switched at 4 Hz — to the hold-music detector, a beep pattern:
    // music-on-hold recognition is off here (this test is about relearning; hold-music.test.ts is about music).
    const learned = new CallEngine({ sampleRate: SR, holdMusic: false });
    learned.process(concat(voice, quiet), concat(quiet, voice));
    expect(learned.snapshot().agentNormalLufs).not.toBeNull();
    expect(learned.snapshot().callerBaselineLufs).not.toBeNull();
    learned.relearnVoices();
    expect(learned.snapshot().agentNormalLufs).toBeNull();
    expect(learned.snapshot().callerBaselineLufs).toBeNull();

    const calibrated = new CallEngine({ sampleRate: SR, agentNormalLufs: -30 });
    calibrated.relearnVoices();
    expect(calibrated.snapshot().agentNormalLufs).toBeCloseTo(-30, 6);
    expect(calibrated.snapshot().agentNormalCalibrated).toBe(true);
  });
});
