/**
 * Voice activity against generated truth: frame-level precision and recall on espeak-ng speech at several
 * levels, with pink noise and mains hum at several SNRs, on a band-limited phone line and on a headset.
 */
import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import { VoiceActivityDetector } from '../../renderer/engine/voice-activity';
import { buildDialogue, truthOf, type DialogueSpec } from '../support/dialogues';
import { seededRandom } from '../support/test-audio';

const LINES = [
  'I have been waiting for three weeks and nobody called me back.',
  'This is the third time I am calling about the same bill.',
  'Can you tell me why my internet keeps dropping every evening?',
  'I want to speak to someone who can actually fix this.',
  'Thank you, that would help a lot.',
  'No, the number on the letter is wrong.',
];

function monologue(
  sampleRate: number,
  levelDbfs: number,
  extra: Partial<DialogueSpec> = {},
): DialogueSpec {
  // Pauses of 1.1 to 2.9 s between sentences.
  return {
    sampleRate,
    callerLevelDbfs: levelDbfs,
    utterances: LINES.map((text, i) =>
      i === 0
        ? { who: 'caller', at: 0.7, text }
        : { who: 'caller', afterPrevEnd: 1.1 + (i % 3) * 0.9, text },
    ),
    ...extra,
  };
}

interface Agreement {
  precision: number;
  recall: number;
  startErrors: number[];
}

/** Frame-level agreement (10 ms frames) between detected caller speech and the truth. */
function agreement(spec: DialogueSpec): Agreement {
  const d = buildDialogue(spec);
  const engine = new CallEngine({ sampleRate: d.sampleRate });
  engine.process(d.caller, d.agent);
  const found = engine.finish().speech.caller;
  const truth = truthOf(d, 'caller');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let t = 0.005; t < d.durationSec; t += 0.01) {
    const inTruth = truth.some((u) => t >= u.start && t < u.end);
    const inFound = found.some((s) => t >= s.start && t < s.end);
    if (inTruth && inFound) tp++;
    else if (inFound) fp++;
    else if (inTruth) fn++;
  }
  const startErrors = truth.map((u) => Math.min(...found.map((s) => Math.abs(s.start - u.start))));
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), startErrors };
}

describe.each([8000, 48000])('voice activity at %i Hz', (sampleRate) => {
  it.each([-45, -35, -26, -10])(
    'finds clean phone speech at %i dBFS with true boundaries',
    (level) => {
      const a = agreement(monologue(sampleRate, level));
      expect(a.precision).toBeGreaterThan(0.98);
      expect(a.recall).toBeGreaterThan(0.98);
      for (const e of a.startErrors) expect(e).toBeLessThan(0.05);
    },
  );

  it.each([30, 20, 10])('holds up in pink noise at %i dB SNR', (snr) => {
    const a = agreement(monologue(sampleRate, -26, { callerLine: { pinkNoiseDbfs: -26 - snr } }));
    expect(a.precision).toBeGreaterThan(0.97);
    expect(a.recall).toBeGreaterThan(0.92);
  });

  it('still finds most speech at 5 dB SNR without inventing any', () => {
    const a = agreement(monologue(sampleRate, -26, { callerLine: { pinkNoiseDbfs: -31 } }));
    expect(a.precision).toBeGreaterThan(0.97);
    expect(a.recall).toBeGreaterThan(0.85);
  });

  it.each([
    ['50 Hz hum at 0 dB SNR', { humDbfs: -26, humHz: 50 as const }],
    [
      '60 Hz hum at 10 dB SNR with pink noise at 20 dB',
      { humDbfs: -36, humHz: 60 as const, pinkNoiseDbfs: -46 },
    ],
  ])('ignores mains hum: %s', (_label, line) => {
    const a = agreement(monologue(sampleRate, -26, { callerLine: line }));
    expect(a.precision).toBeGreaterThan(0.97);
    expect(a.recall).toBeGreaterThan(0.88);
  });

  it('works on a close headset mic (full band) and on quiet speech in noise', () => {
    const headset = agreement(
      monologue(sampleRate, -20, { callerBandLimit: false, callerLine: { pinkNoiseDbfs: -40 } }),
    );
    expect(headset.precision).toBeGreaterThan(0.97);
    expect(headset.recall).toBeGreaterThan(0.95);
    const quiet = agreement(monologue(sampleRate, -45, { callerLine: { pinkNoiseDbfs: -65 } }));
    expect(quiet.precision).toBeGreaterThan(0.97);
    expect(quiet.recall).toBeGreaterThan(0.95);
  });
});

describe('voice activity without speech', () => {
  it('finds nothing in 20 s of line noise and hum at any level', () => {
    for (const [noise, hum] of [
      [-60, null],
      [-30, -35],
      [-20, null],
    ] as const) {
      const d = buildDialogue({
        ...monologue(16000, -26),
        utterances: [{ who: 'agent', at: 20, text: 'Hello?' }],
        callerLine: { pinkNoiseDbfs: noise, humDbfs: hum },
      });
      const engine = new CallEngine({ sampleRate: d.sampleRate });
      engine.process(d.caller, d.agent);
      expect(engine.finish().speech.caller, `noise ${noise} dBFS`).toEqual([]);
    }
  });

  it('ignores single clicks', () => {
    const sr = 16000;
    const rnd = seededRandom(11);
    const x = new Float32Array(sr * 6).map(() => (rnd() - 0.5) * 0.001);
    for (let k = 1; k < 6; k++) x[k * sr] = 0.9; // one-sample clicks, once a second
    const vad = new VoiceActivityDetector(sr, 160);
    let segments = 0;
    for (let f = 0; (f + 1) * 160 <= x.length; f++) {
      vad.accumulate(x, f * 160, (f + 1) * 160);
      vad.endFrame((f + 1) * 160);
      if (vad.segmentStarted) segments++;
    }
    expect(segments).toBe(0);
  });
});
