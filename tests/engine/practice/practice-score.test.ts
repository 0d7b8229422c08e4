/**
 * Two rehearsals of one scenario, through the real engine end to end: the scenario cut from an espeak-ng
 * caller by the engine, played turn by turn by PracticeRun, and a scripted microphone that answers each
 * turn as it is played — one agent who waits 0.9 s after the caller's end and answers 8 dB under their
 * normal voice, one who cuts in 1.2 s into each turn 8 dB over it. Every expectation comes from the
 * script (reply times, gains) and the generator's truth, never from an earlier run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallAnalysis } from '../../../renderer/engine/call-types';
import { DEFAULT_CUE_SETTINGS } from '../../../renderer/engine/cue-settings';
import { measureNormalVoice } from '../../../renderer/engine/voice-calibration';
import { PracticeRun } from '../../../renderer/engine/practice/practice-run';
import {
  scorePractice,
  type PracticeScore,
} from '../../../renderer/engine/practice/practice-score';
import {
  cutScenarioTurns,
  type ScenarioTurn,
} from '../../../renderer/engine/practice/scenario-turns';
import { buildDialogue, truthOf, type Dialogue } from '../../support/dialogues';
import { dbToGain, mixInto } from '../../support/test-audio';
import { agentRepliesCall, callerScenarioCall } from './practice-scripts';

const SR = 16000;
const S = DEFAULT_CUE_SETTINGS;
/** The engine's speech edges against the generator's (onset, last voiced frame): within a frame or few. */
const EDGE_SEC = 0.1;

interface Script {
  /** When reply k starts, from the turn as played. */
  replyAt(turn: { start: number; end: number }): number;
  gainDb: number;
}

interface Rehearsal {
  played: PracticeRun['played'];
  analysis: CallAnalysis;
  score: PracticeScore;
  /** Where each reply was put on the microphone (truth): [start, end] s. */
  replies: [number, number][];
  callerOut: Float32Array;
}

function rehearse(
  scenario: { sampleRate: number; audio: Float32Array; turns: ScenarioTurn[] },
  clips: Float32Array[],
  agentNormalLufs: number,
  script: Script,
): Rehearsal {
  const run = new PracticeRun({ sampleRate: SR, scenario, agentNormalLufs });
  const total = 90 * SR;
  const mic = new Float32Array(total);
  const callerOut = new Float32Array(total);
  const replies: [number, number][] = [];
  for (let pos = 0; pos < total && run.phase !== 'done'; pos += 128) {
    // The scripted agent hears each turn begin and answers it from the script.
    while (replies.length < run.played.length) {
      const k = replies.length;
      const at = Math.round(script.replyAt(run.played[k]) * SR);
      expect(at, 'the script answers in the future').toBeGreaterThan(pos + 128);
      mixInto(mic, clips[k], at, dbToGain(script.gainDb));
      replies.push([at / SR, (at + clips[k].length) / SR]);
    }
    run.process(mic, callerOut, pos, pos + 128);
  }
  expect(run.phase).toBe('done');
  const analysis = run.finish();
  const score = scorePractice({
    played: run.played,
    analysis,
    priorities: [{ confirmed: true }, { confirmed: false }],
    expectedPriorities: 3,
  });
  return { played: run.played, analysis, score, replies, callerOut };
}

let caller: Dialogue;
let turns: ScenarioTurn[];
let clips: Float32Array[];
let normalLufs: number;

beforeAll(() => {
  caller = buildDialogue(callerScenarioCall(SR));
  turns = cutScenarioTurns(caller.caller, SR);
  const agent = buildDialogue(agentRepliesCall(SR));
  clips = truthOf(agent, 'agent').map((u) =>
    agent.agent.slice(Math.round(u.start * SR), Math.round(u.end * SR)),
  );
  normalLufs = measureNormalVoice(agent.agent, SR)!;
});

describe('a scenario cut by the engine', () => {
  it('has one turn per stretch of caller speech, joined across a 0.3 s breath, at the scripted times', () => {
    const t = truthOf(caller, 'caller');
    const expected = [
      [t[0].start, t[1].end],
      [t[2].start, t[2].end],
      [t[3].start, t[3].end],
    ];
    expect(turns).toHaveLength(3);
    turns.forEach((turn, i) => {
      expect(Math.abs(turn.start - expected[i][0]), `turn ${i + 1} start`).toBeLessThan(EDGE_SEC);
      expect(Math.abs(turn.end - expected[i][1]), `turn ${i + 1} end`).toBeLessThan(EDGE_SEC);
    });
    expect(Math.abs(turns[0].answerPauseSec - 2.5)).toBeLessThan(2 * EDGE_SEC);
  });
});

describe('an agent who waits for the pause and answers softly', () => {
  let r: Rehearsal;
  beforeAll(() => {
    r = rehearse({ sampleRate: SR, audio: caller.caller, turns }, clips, normalLufs, {
      replyAt: (turn) => turn.end + 0.9,
      gainDb: -8,
    });
  });

  it('waited for every turn, about 0.9 s after the caller finished', () => {
    expect(r.score.turns).toHaveLength(3);
    for (const t of r.score.turns) {
      expect(t.waited, `turn ${t.turn + 1}`).toBe(true);
      expect(Math.abs(t.waitSec! - 0.9), `turn ${t.turn + 1} wait`).toBeLessThan(EDGE_SEC);
    }
    expect(r.score.overall.waited).toBe(3);
    expect(Math.abs(r.score.overall.medianWaitSec! - 0.9)).toBeLessThan(EDGE_SEC);
  });

  it('answered softly: about 8 LU under their normal voice and under the caller', () => {
    for (const t of r.score.turns) {
      expect(t.answeredSoftly, `turn ${t.turn + 1}`).toBe(true);
      expect(Math.abs(t.overNormalLu! + 8), `turn ${t.turn + 1} against normal`).toBeLessThan(2);
      expect(t.overCallerLu!, `turn ${t.turn + 1} against the caller`).toBeLessThan(-3);
    }
    expect(r.score.overall.answeredSoftly).toBe(3);
  });

  it('never talked over the caller', () => {
    expect(r.score.turns.map((t) => t.talkedOver.agentStarted)).toEqual([0, 0, 0]);
    expect(r.score.overall.talkedOver).toBe(0);
  });

  it('made each caller turn wait until the reply had finished', () => {
    for (let k = 1; k < r.played.length; k++) {
      const gap = r.played[k].start - r.replies[k - 1][1];
      expect(gap, `turn ${k + 1} after reply ${k}`).toBeGreaterThan(S.pauseSec);
      expect(gap, `turn ${k + 1} after reply ${k}`).toBeLessThan(S.pauseSec + 1.2);
    }
  });

  it('counts the priorities restated and confirmed from the pad', () => {
    expect(r.score.overall.priorities).toEqual({ expected: 3, restated: 2, confirmed: 1 });
  });
});

describe('an agent who interrupts and answers loudly', () => {
  let r: Rehearsal;
  beforeAll(() => {
    r = rehearse({ sampleRate: SR, audio: caller.caller, turns }, clips, normalLufs, {
      replyAt: (turn) => turn.start + 1.2,
      gainDb: 8,
    });
  });

  it('did not wait: started about 1.2 s into each turn, before the caller finished', () => {
    for (const t of r.score.turns) {
      const p = r.played[t.turn];
      expect(t.waited, `turn ${t.turn + 1}`).toBe(false);
      expect(Math.abs(t.reply!.start - (p.start + 1.2)), `turn ${t.turn + 1} start`).toBeLessThan(
        EDGE_SEC,
      );
      expect(t.waitSec!, `turn ${t.turn + 1}`).toBeLessThan(0);
    }
    expect(r.score.overall.waited).toBe(0);
  });

  it('talked over the caller in every turn, and the agent started it', () => {
    for (const t of r.score.turns) {
      expect(t.talkedOver.agentStarted, `turn ${t.turn + 1}`).toBeGreaterThanOrEqual(1);
      expect(t.talkedOver.sec, `turn ${t.turn + 1}`).toBeGreaterThan(S.backchannelSec);
    }
    expect(r.score.overall.talkedOver).toBe(3);
  });

  it('did not answer softly: about 8 LU over their normal voice and over the caller', () => {
    for (const t of r.score.turns) {
      expect(t.answeredSoftly, `turn ${t.turn + 1}`).toBe(false);
      expect(Math.abs(t.overNormalLu! - 8), `turn ${t.turn + 1} against normal`).toBeLessThan(2);
      expect(t.overCallerLu!, `turn ${t.turn + 1} against the caller`).toBeGreaterThan(3);
    }
  });

  it('takes a reply that cut in and stopped as the answer: the caller goes on after the pause', () => {
    for (let k = 0; k + 1 < r.played.length; k++) {
      const lastWord = Math.max(r.played[k].end, r.replies[k][1]);
      const gap = r.played[k + 1].start - lastWord;
      expect(r.played[k].unanswered, `turn ${k + 1}`).toBe(false);
      expect(gap, `turn ${k + 2} after turn ${k + 1}`).toBeGreaterThan(S.pauseSec);
      expect(gap, `turn ${k + 2} after turn ${k + 1}`).toBeLessThan(S.pauseSec + 1.2);
    }
  });

  it('let the caller finish every turn the agent talked over', () => {
    for (const p of r.played) {
      const heard = r.analysis.speech.caller.filter((c) => c.end > p.start && c.start < p.end);
      expect(heard.length, `turn ${p.index + 1}`).toBeGreaterThan(0);
      expect(Math.abs(heard[heard.length - 1].end - p.end), `turn ${p.index + 1} end`).toBeLessThan(
        EDGE_SEC,
      );
    }
  });
});

describe('a turn played heated and faster', () => {
  it('plays the turn at its gain and pace', () => {
    const heated = turns.map((t, i) => (i === 1 ? { ...t, gainDb: 8, pace: 1.25 } : t));
    const calm = rehearse({ sampleRate: SR, audio: caller.caller, turns }, clips, normalLufs, {
      replyAt: (turn) => turn.end + 0.9,
      gainDb: 0,
    });
    const hot = rehearse(
      { sampleRate: SR, audio: caller.caller, turns: heated },
      clips,
      normalLufs,
      {
        replyAt: (turn) => turn.end + 0.9,
        gainDb: 0,
      },
    );
    const length = (p: { start: number; end: number }) => p.end - p.start;
    expect(length(hot.played[1])).toBeCloseTo(length(calm.played[1]) / 1.25, 3);
    const rise = hot.score.turns[1].callerLufs! - calm.score.turns[1].callerLufs!;
    expect(Math.abs(rise - 8)).toBeLessThan(1.5);
    expect(Math.abs(hot.score.turns[0].callerLufs! - calm.score.turns[0].callerLufs!)).toBeLessThan(
      0.5,
    );
  });
});
