/**
 * The practice methods through the real dispatch, over temp data folders: scenarios imported, listed,
 * handed out and imported again elsewhere with the same turns; foreign files refused with a reason; a
 * scenario made from a kept recording holds the caller alone; rehearsals kept as practice and never in
 * the session log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { openSessionServices, type SessionServices } from '../../../main/host/session-services';
import { recordedCallerReader } from '../../../main/host/recorded-caller';
import { createPracticeHandlers } from '../../../main/practice/practice-handlers';
import { openPracticeStore, type PracticeStore } from '../../../main/practice/practice-store';
import { createRecordingHandlers } from '../../../main/recordings/recording-handlers';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import type { PracticeRunRecord } from '../../../preload/contract/practice-schema';
import { makeScenario } from '../../../renderer/engine/practice/make-scenario';
import {
  decodeScenario,
  encodeScenario,
  type Scenario,
} from '../../../renderer/engine/practice/scenario-file';
import { bytesToBase64, interleavePcm16 } from '../../../renderer/src/recording/pcm16-base64';
import { buildDialogue, truthOf, type Dialogue, type DialogueSpec } from '../../support/dialogues';
import { tempDirs } from '../support/temp-dirs';
import { practiceRun } from '../../support/practice-runs';
import { valueOf as value } from '../../support/ipc-results';

const dirs = tempDirs('practice');
const NOW = new Date('2026-03-14T10:00:00Z');
const SR = 16000;
const CALL = '3b241101-e2bb-4255-8caf-4136c566a962';

/** A kept call: three caller turns, the agent answering in the pauses (agent left, caller right). */
const call: DialogueSpec = {
  sampleRate: SR,
  callerLine: { pinkNoiseDbfs: -60 },
  utterances: [
    { who: 'caller', at: 0.6, text: 'My order never arrived and I paid for express delivery.' },
    { who: 'agent', afterPrevEnd: 1.0, text: 'I am sorry. Let me look at it.' },
    { who: 'caller', afterPrevEnd: 1.2, text: 'This is the second time this month.' },
    { who: 'agent', afterPrevEnd: 1.0, text: 'I understand.' },
    { who: 'caller', afterPrevEnd: 1.2, text: 'I want my money back today.' },
  ],
};

let dialogue: Dialogue;
let scenario: Scenario;
let dataDir: string;
let services: SessionServices;
let store: PracticeStore;
let handlers: IpcHandlers;

beforeAll(() => {
  dialogue = buildDialogue(call);
  scenario = makeScenario(dialogue.caller, SR, {
    title: 'Lost parcel',
    priorities: ['Refund the express fee', 'Find the parcel'],
    source: { kind: 'call-file', credit: 'espeak-ng voices (GPL-3.0)' },
  });
});

function open(dir: string) {
  const practice = openPracticeStore({ dataDir: dir, now: () => NOW });
  const sessions = openSessionServices({ dataDir: dir, now: () => NOW, teamStore: false });
  const h = {
    ...createRecordingHandlers(sessions.recordings),
    ...createPracticeHandlers(practice, recordedCallerReader(sessions.recordings)),
  } as unknown as IpcHandlers;
  return { practice, sessions, handlers: h };
}

beforeEach(() => {
  dataDir = dirs.make();
  ({ practice: store, sessions: services, handlers } = open(dataDir));
});
afterEach(() => {
  services.close();
  dirs.cleanup();
});

const importFile = (h: IpcHandlers, bytes: Uint8Array, fileName = 'lost-parcel.calmscenario') =>
  dispatch(h, 'importPracticeScenario', { fileName, dataBase64: bytesToBase64(bytes) });

describe('scenarios over the practice methods', () => {
  it('imports a scenario file, lists it and hands the same file back', async () => {
    const bytes = encodeScenario(scenario);
    const summary = value(await importFile(handlers, bytes)) as { id: string; turns: number };
    expect(summary).toMatchObject({ title: 'Lost parcel', turns: 3, sampleRate: SR });
    const listed = value(await dispatch(handlers, 'listPracticeScenarios', undefined)) as unknown[];
    expect(listed).toEqual([summary]);
    const file = value(await dispatch(handlers, 'getPracticeScenario', { id: summary.id })) as {
      fileName: string;
      dataBase64: string;
    };
    expect(file.fileName).toBe('Lost-parcel.calmscenario');
    expect(Buffer.from(file.dataBase64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('gives the same turns when exported from one data folder and imported into a second', async () => {
    const first = value(await importFile(handlers, encodeScenario(scenario))) as { id: string };
    const exported = value(await dispatch(handlers, 'getPracticeScenario', { id: first.id })) as {
      dataBase64: string;
    };
    const second = open(dirs.make());
    try {
      const summary = value(
        await importFile(second.handlers, Buffer.from(exported.dataBase64, 'base64')),
      ) as { id: string };
      const back = second.practice.scenarioFile(summary.id)!;
      expect(decodeScenario(back.bytes).turns).toEqual(scenario.turns);
    } finally {
      second.sessions.close();
    }
  });

  it('refuses a foreign file with a message naming it, and keeps nothing', async () => {
    const wav = fs.readFileSync(dialogue.file);
    const result = await importFile(handlers, wav.subarray(0, 4000), 'call.wav');
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid-payload',
      message: expect.stringMatching(/call\.wav: This is not a Calm Line scenario file/),
    });
    expect(value(await dispatch(handlers, 'listPracticeScenarios', undefined))).toEqual([]);
  });

  it('refuses a payload over the contract’s cap before decoding it', async () => {
    const result = await dispatch(handlers, 'importPracticeScenario', {
      fileName: 'huge.calmscenario',
      dataBase64: 'A'.repeat(23_000_000),
    });
    expect(result).toMatchObject({ ok: false, code: 'payload-too-large' });
  });

  it('rebuilds a damaged list from the scenario files', async () => {
    const summary = value(await importFile(handlers, encodeScenario(scenario))) as { id: string };
    fs.writeFileSync(path.join(store.practiceDir, 'scenarios.json'), '{not json');
    const reopened = openPracticeStore({ dataDir, now: () => NOW });
    expect(reopened.listScenarios().map((s) => [s.id, s.turns])).toEqual([[summary.id, 3]]);
  });

  it('deletes a scenario and its file', async () => {
    const summary = value(await importFile(handlers, encodeScenario(scenario))) as { id: string };
    expect(value(await dispatch(handlers, 'deletePracticeScenario', { id: summary.id }))).toEqual({
      deleted: true,
    });
    expect(store.scenarioFile(summary.id)).toBeNull();
    expect(value(await dispatch(handlers, 'listPracticeScenarios', undefined))).toEqual([]);
  });
});

describe('a scenario made from a kept recording', () => {
  async function keepRecording() {
    const frames = dialogue.caller.length;
    for (let seq = 0, at = 0; at < frames; seq++, at += SR / 2) {
      const n = Math.min(SR / 2, frames - at);
      const pcm = interleavePcm16(
        dialogue.caller.subarray(at, at + n),
        dialogue.agent.subarray(at, at + n),
        n,
      );
      value(
        await dispatch(handlers, 'appendRecording', {
          callId: CALL,
          seq,
          pcm16Base64: bytesToBase64(pcm),
        }),
      );
    }
    value(await dispatch(handlers, 'finishRecording', { callId: CALL, sampleRate: SR }));
  }

  it('holds the caller’s three turns and none of the agent’s voice', async () => {
    await keepRecording();
    const summary = value(
      await dispatch(handlers, 'makePracticeScenario', {
        sessionId: CALL,
        title: 'From my call',
        priorities: ['Refund'],
      }),
    ) as { id: string; turns: number; source: { kind: string } };
    expect(summary).toMatchObject({ turns: 3, source: { kind: 'recording' } });
    const made = decodeScenario(store.scenarioFile(summary.id)!.bytes);
    const callerTruth = truthOf(dialogue, 'caller');
    made.turns.forEach((t, i) =>
      expect(Math.abs(t.start - callerTruth[i].start)).toBeLessThan(0.1),
    );
    // Where only the agent spoke, the scenario is the caller’s quiet line (-60 dBFS), not the agent (-24).
    for (const u of truthOf(dialogue, 'agent')) {
      const piece = made.audio.subarray(Math.round(u.start * SR), Math.round(u.end * SR));
      const rmsDb = 10 * Math.log10(piece.reduce((s, x) => s + x * x, 0) / piece.length);
      expect(rmsDb, `during "${u.text}"`).toBeLessThan(-55);
    }
  });

  it('says so when the call has no kept recording', async () => {
    const result = await dispatch(handlers, 'makePracticeScenario', {
      sessionId: CALL,
      title: 'Nothing',
      priorities: [],
    });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no kept recording/),
    });
  });
});

describe('the practice history', () => {
  const run = (id: string, startedAt: string) => practiceRun(id, startedAt);

  it('keeps rehearsals newest first, marked practice, and never in the session log', async () => {
    const a = run('11111111-1111-4111-8111-111111111111', '2026-02-27T09:00:00Z');
    const b = run('22222222-2222-4222-8222-222222222222', '2026-03-14T09:30:00Z');
    value(await dispatch(handlers, 'savePracticeRun', { run: a }));
    value(await dispatch(handlers, 'savePracticeRun', { run: b }));
    const page = value(await dispatch(handlers, 'listPracticeRuns', {})) as {
      total: number;
      runs: PracticeRunRecord[];
    };
    expect(page.total).toBe(2);
    expect(page.runs.map((r) => [r.id, r.kind])).toEqual([
      [b.id, 'practice'],
      [a.id, 'practice'],
    ]);
    expect(services.repository.list({}).total).toBe(0);
  });

  it('refuses a run that claims to be a call', async () => {
    const bad = {
      ...run('33333333-3333-4333-8333-333333333333', '2026-03-14T09:30:00Z'),
      kind: 'call',
    };
    const result = await dispatch(handlers, 'savePracticeRun', { run: bad });
    expect(result).toMatchObject({ ok: false, code: 'invalid-payload' });
  });
});
