/** The normal-voice calibration: measured like the engine measures the agent, robust to pauses and noise. */
import { describe, expect, it } from 'vitest';
import { NormalVoiceMeter, measureNormalVoice } from '../../renderer/engine/voice-calibration';
import { buildDialogue } from '../support/dialogues';
import { forEachBlock } from '../support/test-audio';
import { calibrationRecording } from './dialogue-scripts';

describe('normal voice calibration', () => {
  it('reads 10 LU more for a voice 10 dB louder, and the same with long pauses or line noise', () => {
    const base = buildDialogue(calibrationRecording());
    const normal = measureNormalVoice(base.agent, base.sampleRate)!;
    const louder = buildDialogue({ ...calibrationRecording(), agentLevelDbfs: -14 });
    expect(measureNormalVoice(louder.agent, louder.sampleRate)! - normal).toBeCloseTo(10, 0);
    const paused = buildDialogue({
      ...calibrationRecording(),
      tailSec: 6,
      agentLine: { pinkNoiseDbfs: -60 },
    });
    expect(Math.abs(measureNormalVoice(paused.agent, paused.sampleRate)! - normal)).toBeLessThan(
      0.5,
    );
  });

  it('refuses too little speech, and gives the same reading fed live in 128-sample blocks', () => {
    const short = buildDialogue({
      sampleRate: 16000,
      tailSec: 0.5,
      utterances: [{ who: 'agent', at: 0.2, text: 'Hi.' }],
    });
    expect(measureNormalVoice(short.agent, short.sampleRate)).toBeNull();
    const meter = new NormalVoiceMeter(short.sampleRate);
    meter.process(short.agent);
    expect(meter.reading().enough).toBe(false);
    expect(meter.reading().voicedSec).toBeGreaterThan(0);

    const d = buildDialogue(calibrationRecording(48000));
    const live = new NormalVoiceMeter(d.sampleRate);
    forEachBlock(d.agent.length, { kind: 'fixed', size: 128 }, (s, e) =>
      live.process(d.agent, s, e),
    );
    expect(live.reading().enough).toBe(true);
    expect(live.reading().normalLufs).toBe(measureNormalVoice(d.agent, d.sampleRate));
  });
});
