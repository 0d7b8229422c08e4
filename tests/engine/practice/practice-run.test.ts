/**
 * PracticeRun plays a scenario at whatever rate the audio device runs: an 8 kHz phone caller in a 48 kHz
 * rehearsal is heard by the engine where the run says it played each turn, and a caller left without an
 * answer goes on after maxWaitSec with the turn marked unanswered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallAnalysis } from '../../../renderer/engine/call-types';
import { PracticeRun } from '../../../renderer/engine/practice/practice-run';
import {
  cutScenarioTurns,
  type ScenarioTurn,
} from '../../../renderer/engine/practice/scenario-turns';
import { buildDialogue } from '../../support/dialogues';
import { callerScenarioCall } from './practice-scripts';

const EDGE_SEC = 0.1;

describe('an 8 kHz scenario rehearsed at 48 kHz with nobody answering', () => {
  let turns: ScenarioTurn[];
  let run: PracticeRun;
  let analysis: CallAnalysis;
  beforeAll(() => {
    const caller = buildDialogue(callerScenarioCall(8000)).caller;
    turns = cutScenarioTurns(caller, 8000);
    run = new PracticeRun({
      sampleRate: 48000,
      scenario: { sampleRate: 8000, audio: caller, turns },
      maxWaitSec: 2,
    });
    const mic = new Float32Array(48000 * 40);
    const out = new Float32Array(mic.length);
    for (let pos = 0; pos < mic.length && run.phase !== 'done'; pos += 480)
      run.process(mic, out, pos, pos + 480);
    analysis = run.finish();
  });

  it('plays every turn for as long as it lasts in the scenario', () => {
    expect(run.played).toHaveLength(3);
    run.played.forEach((p, k) =>
      expect(p.end - p.start).toBeCloseTo(turns[k].end - turns[k].start, 6),
    );
  });

  it('is heard by the engine where it was played', () => {
    for (const p of run.played) {
      const heard = analysis.speech.caller.filter((c) => c.end > p.start && c.start < p.end);
      expect(heard.length, `turn ${p.index + 1}`).toBeGreaterThan(0);
      expect(Math.abs(heard[0].start - p.start), `turn ${p.index + 1} start`).toBeLessThan(
        EDGE_SEC,
      );
      // To its end and no further: between turns the line carries the recording's own noise, so the
      // clip's tail of it is not taken for voice.
      expect(Math.abs(heard[heard.length - 1].end - p.end), `turn ${p.index + 1} end`).toBeLessThan(
        EDGE_SEC,
      );
    }
  });

  it('goes on after maxWaitSec without an answer, each turn unanswered', () => {
    expect(run.played.map((p) => p.unanswered)).toEqual([true, true, true]);
    for (let k = 1; k < run.played.length; k++) {
      const wait = run.played[k].start - run.played[k - 1].end;
      expect(wait).toBeGreaterThan(2);
      expect(wait).toBeLessThan(2 + 0.3);
    }
  });
});
