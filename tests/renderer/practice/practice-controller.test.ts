/**
 * The Practice screen's controller through the real host methods (dispatch over a temp data folder) and
 * the real engine: the audio is PracticeRun fed by a scripted microphone that answers each caller turn as
 * it is played (espeak-ng voices, tests/engine/practice/practice-scripts.ts). One rehearsal that waits and
 * answers softly, one that cuts in loudly: the scores follow the scripts, the history shows both, marked
 * practice, and the session log stays empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createPracticeHandlers } from '../../../main/practice/practice-handlers';
import { openPracticeStore } from '../../../main/practice/practice-store';
import { openSessionServices, type SessionServices } from '../../../main/host/session-services';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { DEFAULT_SETTINGS, type Settings } from '../../../preload/contract/settings-schema';
import type { IpcResult } from '../../../preload/contract/ipc-result';
import { createLiveSnapshot } from '../../../renderer/engine/call-engine';
import { makeScenario } from '../../../renderer/engine/practice/make-scenario';
import { PracticeRun, type PlayedTurn } from '../../../renderer/engine/practice/practice-run';
import type { CallAnalysis } from '../../../renderer/engine/call-types';
import { encodeScenario } from '../../../renderer/engine/practice/scenario-file';
import { measureNormalVoice } from '../../../renderer/engine/voice-calibration';
import { agentDeviceKey } from '../../../renderer/src/live-coach/device-key';
import {
  createPracticeController,
  type PracticeApi,
  type PracticeController,
  type PracticeControllerDeps,
} from '../../../renderer/src/practice/practice-controller';
import { buildDialogue, truthOf } from '../../support/dialogues';
import { problemReason } from '../../../renderer/src/practice/practice-words';
import { dbToGain, mixInto } from '../../support/test-audio';
import { agentRepliesCall, callerScenarioCall } from '../../engine/practice/practice-scripts';
import { tempDirs } from '../../main/support/temp-dirs';
import { scenarioFromCallFile } from '../../../renderer/src/practice/scenario-from-call-file';
import { decodeScenario } from '../../../renderer/engine/practice/scenario-file';
import { readFileSync } from 'node:fs';
import { intlForLocale } from '../../support/intl-for-locale';

const SR = 16000;
const dirs = tempDirs('practice-screen');
let sessions: SessionServices;
let api: PracticeApi;
let clips: Float32Array[];
let settings: Settings;
let scenarioBytes: Uint8Array;

beforeAll(() => {
  const dataDir = dirs.make();
  sessions = openSessionServices({ dataDir, teamStore: false });
  const handlers = createPracticeHandlers(openPracticeStore({ dataDir })) as unknown as IpcHandlers;
  // The page's api: each method goes through the host's dispatch, as over IPC.
  api = new Proxy({} as PracticeApi, {
    get:
      (_target, method: string) =>
      (payload?: unknown): Promise<IpcResult<unknown>> =>
        dispatch(
          handlers,
          method,
          payload === undefined ? undefined : JSON.parse(JSON.stringify(payload)),
        ),
  });
  const caller = buildDialogue(callerScenarioCall(SR));
  scenarioBytes = encodeScenario(
    makeScenario(caller.caller, SR, {
      title: 'Three weeks waiting',
      priorities: ['Call back today', 'Refund', 'Apology'],
      source: { kind: 'call-file', credit: 'espeak-ng voices (GPL-3.0)' },
    }),
  );
  const agent = buildDialogue(agentRepliesCall(SR));
  clips = truthOf(agent, 'agent').map((u) =>
    agent.agent.slice(Math.round(u.start * SR), Math.round(u.end * SR)),
  );
  settings = {
    ...DEFAULT_SETTINGS,
    profile: { ...DEFAULT_SETTINGS.profile, agentName: 'Ana' },
    agentNormalLufs: {
      [agentDeviceKey(DEFAULT_SETTINGS.audio)]: measureNormalVoice(agent.agent, SR)!,
    },
  };
});
afterAll(() => {
  sessions.close();
  dirs.cleanup();
});

/** The rehearsal's audio: PracticeRun with a microphone that answers each turn by the script. */
function scriptedAudio(
  replyAt: (turn: { start: number; end: number }) => number,
  gainDb: number,
  turnsSeen: number[],
): PracticeControllerDeps['openAudio'] {
  return async (config, onState) => {
    const run = new PracticeRun({
      sampleRate: SR,
      scenario: config.scenario,
      settings: config.settings,
      agentNormalLufs: config.agentNormalLufs,
    });
    const total = 90 * SR;
    const mic = new Float32Array(total);
    const out = new Float32Array(total);
    const snapshot = createLiveSnapshot();
    const finished = (async () => {
      let answered = 0;
      for (let pos = 0; pos < total && run.phase !== 'done'; pos += 128) {
        while (answered < run.played.length) {
          const at = Math.round(replyAt(run.played[answered]) * SR);
          mixInto(mic, clips[answered], at, dbToGain(gainDb));
          answered++;
        }
        run.process(mic, out, pos, pos + 128);
        if (pos % (SR / 4) < 128) {
          await Promise.resolve();
          onState(run.snapshot(snapshot), run.phase, run.turn);
          turnsSeen.push(run.turn);
        }
      }
      return { analysis: run.finish(), played: run.played };
    })();
    return { finished, stop: () => undefined };
  };
}

let ids = 0;
function controller(openAudio: PracticeControllerDeps['openAudio']): PracticeController {
  return createPracticeController({
    api,
    openAudio,
    settings: () => settings,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    makeScenario: scenarioFromCallFile,
  });
}

async function rehearse(c: PracticeController, confirmed: boolean[]) {
  await c.start();
  expect(c.getState().step).toBe('wrap-up');
  c.setPriorities(
    confirmed.map((ok, i) => ({
      id: `p${i}`,
      text: `priority ${i}`,
      kind: 'technical',
      confirmed: ok,
    })),
  );
  c.setNote('Breathe first.');
  await c.finishWrapUp();
  return c.getState();
}

describe('the Practice screen’s controller', () => {
  it('refuses a foreign file with the host’s reason and lists nothing', async () => {
    const c = controller(scriptedAudio(() => 0, 0, []));
    await c.load();
    expect(await c.importFile('notes.txt', new TextEncoder().encode('hello'))).toBe(false);
    expect(c.getState().problem).toMatchObject({
      kind: 'import',
      reason: expect.stringMatching(/notes\.txt: This is not a Calm Line scenario file/),
    });
    expect(c.getState().scenarios).toEqual([]);
  });

  it('says in French why a call file cannot make a scenario (the engine’s problem, worded by the page)', async () => {
    const c = controller(scriptedAudio(() => 0, 0, []));
    await c.load();
    const notes = new TextEncoder().encode('Call notes: customer wants a refund. '.repeat(10));
    expect(await c.makeFromCallFile('notes.wav', notes)).toBe(false);
    const problem = c.getState().problem!;
    expect(problem).toMatchObject({
      kind: 'import',
      file: 'notes.wav',
      audioProblem: { code: 'not-audio' },
    });
    const french = intlForLocale('fr');
    expect(problemReason(problem, french)).toMatch(
      /^notes\.wav: Ce n’est pas un fichier audio que nous lisons\u00a0: il ressemble à du texte\u00a0;/,
    );
    expect(problemReason(problem, french)).not.toBe(problemReason(problem));
  });

  it('makes a scenario from a recorded stereo call: the caller’s turns, none of the agent’s voice', async () => {
    const call = buildDialogue({
      ...callerScenarioCall(SR),
      layout: 'agent-left',
      utterances: [
        ...callerScenarioCall(SR).utterances.slice(0, 2),
        { who: 'agent', afterPrevEnd: 0.8, text: 'I am so sorry to hear that.' },
        { who: 'caller', afterPrevEnd: 1.2, text: 'It is the same problem every single month.' },
      ],
    });
    const c = controller(scriptedAudio(() => 0, 0, []));
    await c.load();
    expect(await c.makeFromCallFile('angry-call.wav', readFileSync(call.file))).toBe(true);
    const made = c.getState().scenarios.find((s) => s.title === 'angry-call')!;
    expect(made).toMatchObject({ turns: 2, source: { kind: 'call-file' } });
    const file = await c.exportFile(made.id);
    const scenario = decodeScenario(file!.bytes);
    const agentLine = truthOf(call, 'agent')[0];
    const piece = scenario.audio.subarray(
      Math.round(agentLine.start * SR),
      Math.round(agentLine.end * SR),
    );
    const rmsDb = 10 * Math.log10(piece.reduce((sum, x) => sum + x * x, 0) / piece.length);
    expect(rmsDb, 'the scenario during the agent’s words').toBeLessThan(-45);
    await c.deleteScenario(made.id);
  });

  it('rehearses a scenario that waits and answers softly, turn by turn, and keeps the score', async () => {
    const turnsSeen: number[] = [];
    const c = controller(scriptedAudio((t) => t.end + 0.9, -8, turnsSeen));
    await c.load();
    expect(await c.importFile('three-weeks.calmscenario', scenarioBytes)).toBe(true);
    expect(c.getState().scenarios.map((s) => [s.title, s.turns])).toEqual([
      ['Three weeks waiting', 3],
    ]);
    const s = await rehearse(c, [true, true, false]);
    expect([...new Set(turnsSeen)]).toEqual([-1, 0, 1, 2]);
    expect(s.step).toBe('score');
    expect(s.score!.overall).toMatchObject({
      turns: 3,
      waited: 3,
      answeredSoftly: 3,
      talkedOver: 0,
      unanswered: 0,
      priorities: { expected: 3, restated: 3, confirmed: 2 },
    });
    expect(s.history.map((r) => [r.kind, r.agent, r.score.overall.waited, r.note])).toEqual([
      ['practice', 'Ana', 3, 'Breathe first.'],
    ]);
  });

  it('scores an agent who cuts in loudly, shows both runs, and leaves the session log empty', async () => {
    const c = controller(scriptedAudio((t) => t.start + 1.2, 8, []));
    await c.load();
    const s = await rehearse(c, [false]);
    expect(s.score!.overall).toMatchObject({ waited: 0, answeredSoftly: 0, talkedOver: 3 });
    expect(s.historyTotal).toBe(2);
    expect(s.history.map((r) => r.score.overall.talkedOver)).toEqual([3, 0]);
    expect(sessions.repository.list({}).total).toBe(0);
    c.back();
    expect(c.getState()).toMatchObject({ step: 'pick', score: null, priorities: [] });
  });
  it('saves the whole history as one JSON file, every run marked practice', async () => {
    const c = controller(scriptedAudio(() => 0, 0, []));
    await c.load();
    const file = await c.historyFile();
    const saved = JSON.parse(new TextDecoder().decode(file!.bytes)) as {
      kind: string;
      runs: { kind: string; score: { overall: { talkedOver: number } } }[];
    };
    expect(file!.fileName).toMatch(/^practice-\d{4}-\d{2}-\d{2}\.json$/);
    expect(saved.kind).toBe('calm-line-practice-history');
    expect(saved.runs.map((r) => [r.kind, r.score.overall.talkedOver])).toEqual([
      ['practice', 3],
      ['practice', 0],
    ]);
  });

  it('says why a rehearsal could not start, and stays on the scenarios', async () => {
    const c = controller(() => Promise.reject(new Error('Permission denied')));
    await c.load();
    await c.start();
    expect(c.getState()).toMatchObject({
      step: 'pick',
      problem: { kind: 'audio', reason: 'Permission denied' },
    });
  });

  it('stopped during the first turn, scores the turn so far as unanswered', async () => {
    let stopped = () => undefined as void;
    const c = controller(async (config) => {
      const run = new PracticeRun({ sampleRate: SR, scenario: config.scenario });
      const silent = new Float32Array(3 * SR);
      run.process(silent, new Float32Array(3 * SR));
      const finished = new Promise<{ analysis: CallAnalysis; played: PlayedTurn[] }>((resolve) => {
        stopped = () => resolve({ analysis: run.finish(), played: run.played });
      });
      return { finished, stop: () => stopped() };
    });
    await c.load();
    const started = c.start();
    await expect.poll(() => c.getState().step).toBe('rehearsing');
    c.stop();
    await started;
    expect(c.getState().step).toBe('wrap-up');
    await c.finishWrapUp();
    expect(c.getState().score!.overall).toMatchObject({ turns: 1, unanswered: 1, waited: 0 });
  });
});
