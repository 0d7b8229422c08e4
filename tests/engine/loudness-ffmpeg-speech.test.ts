/**
 * The meter against ffmpeg's ebur128 on the same samples: a generated two-party call (espeak-ng voices at
 * different levels, sox-resampled to 48 and 44.1 kHz, the caller band-limited with a noise floor, the agent
 * with digital silence between turns). Each channel is metered as a mono programme, as ffmpeg meters it after
 * `pan=mono|c0=cN`. Momentary and short-term every 100 ms (after the first 0.4 / 3 s) and integrated must agree
 * within 0.1 LU; ffmpeg's values are read from frame metadata (3 decimals).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LoudnessMeter } from '../../renderer/engine/loudness-meter';
import {
  ffmpegEbur128,
  forEachBlock,
  readWavFile,
  renderConversation,
  scratchDir,
  seededRandom,
  writeWavFile,
  cachedFixture,
  dbToGain,
  type ConversationSpec,
  type Ebur128Frame,
  type Utterance,
} from '../support/test-audio';

const TOLERANCE_LU = 0.1;
/** ffmpeg's values near -70 may fall either side of the absolute gate; frames this close are not compared. */
const GATE_MARGIN_LU = 0.2;

const CALLER = 'en-us+m3';
const AGENT = 'en-gb+f2';

function callScript(): Utterance[] {
  return [
    {
      channel: 0,
      at: 0.5,
      voice: CALLER,
      amplitude: 110,
      text: 'Hello? Yes, I have been waiting for forty minutes and nobody called me back.',
    },
    {
      channel: 1,
      at: 5.2,
      voice: AGENT,
      amplitude: 80,
      text: 'I am sorry about the wait. Can I have your account number, please?',
    },
    {
      channel: 0,
      at: 9.8,
      voice: CALLER,
      amplitude: 150,
      gainDb: -3,
      speed: 190,
      text: 'This is the third time I am explaining this to you people!',
    },
    { channel: 1, at: 11.5, voice: AGENT, amplitude: 60, speed: 150, text: 'Mm-hm.' },
    {
      channel: 0,
      at: 13.6,
      voice: CALLER,
      amplitude: 40,
      gainDb: -8,
      text: 'Okay. Fine. It is four four seven.',
    },
    {
      channel: 1,
      at: 17.0,
      voice: AGENT,
      amplitude: 170,
      gainDb: -2,
      speed: 200,
      text: 'Sir, please let me finish, I am trying to help you.',
    },
    { channel: 0, at: 18.2, voice: CALLER, amplitude: 130, text: 'No, you listen to me.' },
    {
      channel: 1,
      at: 26.5,
      voice: AGENT,
      amplitude: 90,
      speed: 140,
      text: 'I understand. Let me look into that for you right now.',
    },
    {
      channel: 0,
      at: 31.0,
      voice: CALLER,
      amplitude: 70,
      gainDb: -4,
      speed: 130,
      text: 'Thank you. I appreciate it.',
    },
  ];
}

function conversation(sampleRate: number): ConversationSpec {
  return {
    sampleRate,
    durationSec: 36,
    utterances: callScript(),
    telephoneBand: [true, false],
    noiseDb: [-42, null],
  };
}

interface Series {
  t: number;
  momentary: number | null;
  shortTerm: number | null;
  integrated: number | null;
}

/** Our readings every 100 ms, fed in 128-sample render quanta (cut at the 100 ms marks). */
function engineSeries(channel: Float32Array, sampleRate: number): Series[] {
  const meter = new LoudnessMeter(sampleRate, 1);
  const marks: number[] = [];
  for (let k = 1; (k * sampleRate) / 10 <= channel.length; k++)
    marks.push(Math.round((k * sampleRate) / 10));
  const out: Series[] = [];
  forEachBlock(
    channel.length,
    { kind: 'fixed', size: 128 },
    (s, e) => meter.process([channel], s, e),
    marks,
    (i) =>
      out.push({
        t: (i + 1) / 10,
        momentary: meter.momentaryLufs(),
        shortTerm: meter.shortTermLufs(),
        integrated: meter.integratedLufs(),
      }),
  );
  return out;
}

interface Comparison {
  compared: number;
  /** Frames where ffmpeg printed nan (its running sums can dip below zero after loud-to-silent steps). */
  ffmpegNaN: number;
  maxDeviation: number;
  worstAt: number;
  gateMismatches: string[];
}

function compare(
  ours: Series[],
  ref: Ebur128Frame[],
  key: 'momentary' | 'shortTerm' | 'integrated',
  fromSec: number,
): Comparison {
  const byT = new Map(ours.map((s) => [Math.round(s.t * 10), s]));
  const result: Comparison = {
    compared: 0,
    ffmpegNaN: 0,
    maxDeviation: 0,
    worstAt: 0,
    gateMismatches: [],
  };
  for (const f of ref) {
    if (f.t < fromSec - 1e-9) continue;
    const mine = byT.get(Math.round(f.t * 10));
    if (!mine) continue;
    const theirs = f[key];
    const value = mine[key];
    if (Number.isNaN(theirs)) {
      result.ffmpegNaN++;
      continue;
    }
    if (Math.abs(theirs + 70) <= GATE_MARGIN_LU) continue;
    if (theirs < -70) {
      if (value !== null)
        result.gateMismatches.push(`${key} at ${f.t}s: ffmpeg ${theirs}, ours ${value.toFixed(3)}`);
      continue;
    }
    if (value === null) {
      result.gateMismatches.push(`${key} at ${f.t}s: ffmpeg ${theirs}, ours null`);
      continue;
    }
    result.compared++;
    const d = Math.abs(value - theirs);
    if (d > result.maxDeviation) {
      result.maxDeviation = d;
      result.worstAt = f.t;
    }
  }
  return result;
}

const report: Record<string, unknown> = {};

describe('speech: engine against ffmpeg ebur128', () => {
  for (const sampleRate of [48000, 44100]) {
    const file = () => renderConversation(conversation(sampleRate));
    for (const [channel, who] of [
      [0, 'caller (phone band, noise floor)'],
      [1, 'agent (silence between turns)'],
    ] as const) {
      it(`${sampleRate} Hz, ${who}: M, S and I within ${TOLERANCE_LU} LU of ffmpeg every 100 ms`, () => {
        const decoded = readWavFile(file());
        expect(decoded.sampleRate).toBe(sampleRate);
        const ours = engineSeries(decoded.channels[channel], sampleRate);
        const ref = ffmpegEbur128(file(), channel);
        expect(ref.decimals).toBe(3);
        expect(ref.frames.length).toBe(ours.length);

        const m = compare(ours, ref.frames, 'momentary', 0.4);
        const s = compare(ours, ref.frames, 'shortTerm', 3);
        // Integrated as it evolves is reported, not asserted: ffmpeg bins block energies in 0.01 LU steps before
        // gating, so early in a programme a block within 0.01 LU of the relative gate can fall on the other side
        // (seen: a block 0.0004 LU below the exact gate counted by ffmpeg, 0.2 LU off for a moment). The exact
        // gating is checked against a brute-force BS.1770 reference in loudness-meter.test.ts.
        const i = compare(ours, ref.frames, 'integrated', 0.4);
        const finalOurs = ours[ours.length - 1].integrated!;
        const finalTheirs = ref.frames[ref.frames.length - 1].integrated;
        report[`${sampleRate} Hz ch${channel}`] = {
          momentary: {
            frames: m.compared,
            maxDeviationLu: +m.maxDeviation.toFixed(4),
            at: m.worstAt,
          },
          shortTerm: {
            frames: s.compared,
            maxDeviationLu: +s.maxDeviation.toFixed(4),
            at: s.worstAt,
          },
          integratedSeries: {
            frames: i.compared,
            maxDeviationLu: +i.maxDeviation.toFixed(4),
            at: i.worstAt,
          },
          integratedFinal: {
            ours: +finalOurs.toFixed(3),
            ffmpeg: finalTheirs,
            ffmpegSummary: ref.integrated,
          },
        };

        // Enough material compared that the test means something (36 s of audio = 360 frames).
        expect(m.compared).toBeGreaterThan(channel === 0 ? 300 : 100);
        expect(s.compared).toBeGreaterThan(200);
        expect(m.gateMismatches).toEqual([]);
        expect(s.gateMismatches).toEqual([]);
        expect(i.gateMismatches).toEqual([]);
        expect(m.maxDeviation, `momentary worst at ${m.worstAt}s`).toBeLessThanOrEqual(
          TOLERANCE_LU,
        );
        expect(s.maxDeviation, `short-term worst at ${s.worstAt}s`).toBeLessThanOrEqual(
          TOLERANCE_LU,
        );
        expect(Math.abs(finalOurs - finalTheirs)).toBeLessThanOrEqual(TOLERANCE_LU);
        expect(Math.abs(finalOurs - ref.integrated)).toBeLessThanOrEqual(TOLERANCE_LU);
      });
    }

    it(`${sampleRate} Hz: the two parties read as different programmes (the comparison is not trivially equal)`, () => {
      const decoded = readWavFile(file());
      const caller = engineSeries(decoded.channels[0], sampleRate);
      const agent = engineSeries(decoded.channels[1], sampleRate);
      const differing = caller.filter(
        (c, k) =>
          c.momentary !== null &&
          agent[k].momentary !== null &&
          Math.abs(c.momentary - agent[k].momentary!) > 3,
      );
      expect(differing.length).toBeGreaterThan(20);
      expect(agent.some((a) => a.momentary === null && a.t > 1)).toBe(true); // silence between the agent's turns
    });
  }
});

describe('other sample rates against ffmpeg ebur128', () => {
  /** Seeded noise bursts, a little low-passed, at random levels with pauses. */
  function bursts(sampleRate: number): Float32Array {
    const rnd = seededRandom(sampleRate);
    const out = new Float32Array(sampleRate * 12);
    let lp = 0;
    for (let at = Math.round(0.3 * sampleRate); at < out.length;) {
      const len = Math.round((0.3 + rnd() * 1.5) * sampleRate);
      const gain = dbToGain(-40 + rnd() * 30);
      for (let i = at; i < Math.min(out.length, at + len); i++) {
        lp = 0.6 * lp + 0.4 * (rnd() * 2 - 1);
        out[i] = gain * lp;
      }
      at += len + Math.round(rnd() * sampleRate);
    }
    return out;
  }

  for (const sampleRate of [8000, 16000, 22050, 32000, 96000]) {
    it(`${sampleRate} Hz: integrated${sampleRate % 100 === 0 ? ', momentary and short-term' : ''} within 0.1 LU of ffmpeg`, () => {
      const file = cachedFixture({ what: 'rate-bursts', sampleRate, v: 1 }, (out) =>
        writeWavFile(out, [bursts(sampleRate)], sampleRate, 16),
      );
      const decoded = readWavFile(file);
      const ours = engineSeries(decoded.channels[0], sampleRate);
      const ref = ffmpegEbur128(file, 'all');
      const finalOurs = ours[ours.length - 1].integrated!;
      expect(Math.abs(finalOurs - ref.integrated)).toBeLessThanOrEqual(TOLERANCE_LU);
      const entry: Record<string, number> = {
        integratedOurs: +finalOurs.toFixed(3),
        integratedFfmpeg: ref.integrated,
      };
      // 10 ms is a whole number of samples only where the rate is a multiple of 100 Hz (22.05 kHz: 221 vs 220.5).
      if (sampleRate % 100 === 0) {
        const m = compare(ours, ref.frames, 'momentary', 0.4);
        const s = compare(ours, ref.frames, 'shortTerm', 3);
        expect(m.compared).toBeGreaterThan(50);
        expect(m.gateMismatches).toEqual([]);
        expect(s.gateMismatches).toEqual([]);
        expect(m.maxDeviation).toBeLessThanOrEqual(TOLERANCE_LU);
        expect(s.maxDeviation).toBeLessThanOrEqual(TOLERANCE_LU);
        entry.momentaryMaxDeviation = +m.maxDeviation.toFixed(4);
        entry.momentaryFrames = m.compared;
        entry.ffmpegNaNFrames = m.ffmpegNaN + s.ffmpegNaN;
        entry.shortTermMaxDeviation = +s.maxDeviation.toFixed(4);
      }
      report[`${sampleRate} Hz bursts`] = entry;
    });
  }
});

afterAll(() => {
  writeFileSync(
    path.join(scratchDir('loudness'), 'speech-vs-ffmpeg.json'),
    JSON.stringify(report, null, 1),
  );
});
