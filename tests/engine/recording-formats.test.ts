/**
 * Recorded calls as call recorders store them (tests/support/recording-formats.ts), read as the analyser
 * reads them and scored against the truth of the floor calls:
 *   - at 8 kHz in G.711 µ-law and A-law: each floor call's (and in µ-law each audio path call's) caller
 *     and agent speech accuracy within 0.03 of the same call at 48 kHz, the same your-turn cues found,
 *     no warning;
 *   - stereo Opus at 24 kbit/s codes the pair as intensity stereo, each party's voice on the other's
 *     channel too: the analysis warns of crosstalk both ways with its level, and the copy is not coached:
 *     agent accuracy within 0.03 of PCM, no false overtalk and every interruption found, on the floor
 *     calls and on the path calls (before: 2–7 false a call, 40 in all);
 *   - stereo Opus at 64 kbit/s and PCM: no warning;
 *   - a known crosstalk (the caller mixed into the agent's channel, no delay): the warning's level within
 *     1.5 dB of it, the agent's speech as on the clean call, and the same analysis in 128-frame blocks as
 *     in 65,536-frame ones.
 */
import { describe, expect, it } from 'vitest';
import { CallAnalyser, type AnalysisReport } from '../../renderer/engine/call-analysis-report';
import {
  FLOOR_CONDITIONS,
  PATH_CONDITIONS,
  floorCall,
  frameAccuracy,
  scoreFloorCall,
  type FloorCall,
  type FloorCondition,
} from '../support/floor-calls';
import { analyseRecording, recordCall, type RecordingFormat } from '../support/recording-formats';
import { cachedFixture, dbToGain, readWavFile, writeWavFile } from '../support/test-audio';

const TOLERANCE = 0.03;
const reports = new Map<string, Promise<AnalysisReport>>();

function analysed(call: FloorCall, format: RecordingFormat): Promise<AnalysisReport> {
  const key = `${call.condition}/${format}`;
  let r = reports.get(key);
  if (!r) reports.set(key, (r = analyseRecording(recordCall(call.wav, format))));
  return r;
}

describe('a call recorded at 8 kHz in G.711 reads as the same call at 48 kHz', () => {
  // The floor set in both laws; the audio paths (echo, AGC, near voices, line steps) in µ-law, the
  // recorders' usual (the two laws read alike on every floor call).
  const cases: [FloorCondition, RecordingFormat][] = [
    ...FLOOR_CONDITIONS.flatMap((c) =>
      (['mulaw-8k', 'alaw-8k'] as const).map((f): [FloorCondition, RecordingFormat] => [c, f]),
    ),
    ...PATH_CONDITIONS.map((c): [FloorCondition, RecordingFormat] => [c, 'mulaw-8k']),
  ];
  it.each(cases)(
    '%s as %s',
    async (condition, format) => {
      const call = floorCall(condition);
      const wide = scoreFloorCall(call, await analysed(call, 'pcm-48k'));
      const report = await analysed(call, format);
      const narrow = scoreFloorCall(call, report);
      expect(report.sampleRate).toBe(8000);
      expect(Math.abs(narrow.accuracy.agent - wide.accuracy.agent)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(narrow.accuracy.caller - wide.accuracy.caller)).toBeLessThanOrEqual(
        TOLERANCE,
      );
      expect(narrow.yourTurn).toEqual(wide.yourTurn);
      expect(narrow.falseOvertalk).toBe(wide.falseOvertalk);
      expect(report.warnings).toBeUndefined();
    },
    60_000,
  );
});

describe('stereo Opus at 24 kbit/s: crosstalk warned of, not coached', () => {
  it.each(FLOOR_CONDITIONS)(
    '%s',
    async (condition) => {
      const call = floorCall(condition);
      const pcm = scoreFloorCall(call, await analysed(call, 'pcm-48k'));
      const report = await analysed(call, 'opus-24k');
      const opus = scoreFloorCall(call, report);
      const warnings = report.warnings ?? [];
      expect(warnings.map((w) => `${w.kind} ${w.from}→${w.into}`).sort()).toEqual([
        'crosstalk agent→caller',
        'crosstalk caller→agent',
      ]);
      // Intensity stereo's copy, measured on these calls: 18–35 dB under its source.
      for (const w of warnings) {
        expect(w.levelDb).toBeLessThan(-15);
        expect(w.levelDb).toBeGreaterThan(-40);
      }
      expect(Math.abs(opus.accuracy.agent - pcm.accuracy.agent)).toBeLessThanOrEqual(TOLERANCE);
      expect(pcm.falseOvertalk).toBe(0);
      // Before the codec's work on the quiet line was recognised: 0–1 false a call here (2 in all), 6 on
      // the path calls with 2 of their interruptions missed.
      expect(opus.falseOvertalk).toBe(0);
      expect(opus.interruptionsFound).toBe(call.interruptions.length);
    },
    60_000,
  );

  it.each(PATH_CONDITIONS)(
    '%s (audio path): no false "talking over", every interruption found',
    async (condition) => {
      const call = floorCall(condition);
      const opus = scoreFloorCall(call, await analysed(call, 'opus-24k'));
      expect(opus.falseOvertalk).toBe(0);
      expect(opus.interruptionsFound).toBe(call.interruptions.length);
    },
    60_000,
  );

  it.each(['clean', 'leak-28', 'heated-soft'] as const)(
    '%s at 64 kbit/s and as PCM: no warning',
    async (condition) => {
      const call = floorCall(condition);
      for (const format of ['opus-64k', 'pcm-48k'] as const)
        expect((await analysed(call, format)).warnings, format).toBeUndefined();
    },
    60_000,
  );
});

/** The clean floor call with the caller mixed into the agent's channel `db` down, no delay (cached). */
function withCrosstalk(db: number): string {
  const source = floorCall('clean').wav;
  return cachedFixture({ kind: 'floor-crosstalk', source, db, v: 1 }, (out) => {
    const { channels, sampleRate } = readWavFile(source);
    const [agent, caller] = channels;
    const g = dbToGain(db);
    const mixed = agent.map((a, i) => a + g * caller[i]);
    writeWavFile(out, [mixed, caller], sampleRate, 16);
  });
}

describe('a known crosstalk', () => {
  it.each([-6, -12, -20, -30])(
    'caller into agent %d dB: warned at its level, the agent as on the clean call, no overtalk',
    async (db) => {
      const call = floorCall('clean');
      const clean = await analysed(call, 'pcm-48k');
      const report = await analyseRecording(withCrosstalk(db));
      expect(report.warnings).toHaveLength(1);
      const [w] = report.warnings!;
      expect(w).toMatchObject({ kind: 'crosstalk', from: 'caller', into: 'agent' });
      expect(Math.abs(w.levelDb - db)).toBeLessThanOrEqual(1.5);
      const score = scoreFloorCall(call, report);
      expect(score.falseOvertalk).toBe(0);
      expect(score.interruptionsFound).toBe(call.interruptions.length);
      const agentAcc = frameAccuracy(call.truth.agent, report.speech.agent, call.durationSec);
      const cleanAcc = frameAccuracy(call.truth.agent, clean.speech.agent, call.durationSec);
      expect(agentAcc).toBeGreaterThanOrEqual(cleanAcc - 0.01);
    },
    60_000,
  );

  it('gives the same analysis in 128-frame blocks as in 65,536-frame blocks', async () => {
    const file = withCrosstalk(-20);
    const whole = await analyseRecording(file);
    const { channels, sampleRate } = readWavFile(file);
    const analyser = new CallAnalyser({ sampleRate, channelCount: 2, agentChannel: 'left' });
    for (let p = 0; p < channels[0].length; p += 128)
      analyser.push(channels, p, Math.min(channels[0].length, p + 128));
    expect(analyser.finish(file)).toStrictEqual(whole);
  }, 60_000);
});
