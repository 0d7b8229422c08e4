import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, maxPayloadBytesOf } from '../../../preload/contract/ipc-contract';
import type { Session } from '../../../preload/contract/session-schema';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices, type SessionServices } from '../../../main/host/session-services';
import { draftAt, sessionAt, makeTimeline, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-ipc');
let dataDir: string;
let services: SessionServices;
let handlers: IpcHandlers;
const logs: string[] = [];
const STARTED = Date.parse('2025-03-14T09:00:00Z');

beforeEach(() => {
  dataDir = dirs.make();
  services = openSessionServices({ dataDir, now: () => new Date('2025-03-14T10:00:00Z') });
  handlers = createSessionHandlers(services, (message) =>
    logs.push(message),
  ) as unknown as IpcHandlers;
});
afterEach(() => dirs.cleanup());

const session = (seed = 1): Session => sessionAt(seededRandom(seed), { startedMs: STARTED });
const nothingStored = () => {
  expect(services.repository.list({}).total).toBe(0);
  expect(services.drafts.get()).toBeNull();
};

describe('session methods over dispatch: payloads', () => {
  const id = '3b241101-e2bb-4255-8caf-4136c566a962';
  it.each([
    ['saveSession', 'no session', {}],
    [
      'saveSession',
      'a session with an unknown field',
      { session: { ...session(), mood: 'angry' } },
    ],
    [
      'saveSession',
      'a session with a wrong type',
      { session: { ...session(), afterCallWorkSec: '75' } },
    ],
    [
      'saveSession',
      'a session of a newer version',
      { session: { ...session(), schemaVersion: 3 } },
    ],
    [
      'saveSession',
      'a session without a wrap-up',
      { session: { ...session(), wrapUp: undefined } },
    ],
    [
      'saveSession',
      'an id that is not a uuid',
      { session: { ...session(), id: '../../etc/passwd' } },
    ],
    ['saveSession', 'NaN', { session: { ...session(), afterCallWorkSec: Number.NaN } }],
    ['saveSession', 'an extra top-level key', { session: session(), force: true }],
    ['saveDraft', 'an unknown step', { ...draftAt(seededRandom(1), STARTED), step: 'coffee' }],
    ['saveDraft', 'no call id', { ...draftAt(seededRandom(1), STARTED), callId: undefined }],
    ['getDraft', 'a payload on a method that takes none', { all: true }],
    ['listSessions', 'a page over 500', { limit: 501 }],
    ['listSessions', 'a negative offset', { offset: -1 }],
    ['listSessions', 'a date that does not exist', { from: '2025-02-30' }],
    ['listSessions', 'an unknown resolution', { resolution: 'maybe' }],
    ['listSessions', 'an unknown filter', { mood: 'angry' }],
    ['listSessions', 'no query at all', undefined],
    ['getSession', 'a number id', { id: 42 }],
    ['getTimeline', 'a path for an id', { id: '../settings' }],
    ['listFollowUps', 'a date-time for asOf', { asOf: '2025-03-14T00:00:00Z' }],
    ['markFollowUpDone', 'an array', [id]],
    [
      'saveCallTimeline',
      'levels as text',
      { id, timeline: { ...makeTimeline(seededRandom(1), 1), stepSec: '0.1' } },
    ],
    [
      'saveCallTimeline',
      'an unknown party',
      { id, timeline: { ...makeTimeline(seededRandom(1), 1), coach: {} } },
    ],
    [
      'saveCallTimeline',
      'Infinity',
      {
        id,
        timeline: {
          stepSec: 0.1,
          caller: { momentary: [Infinity], shortTerm: [] },
          agent: { momentary: [], shortTerm: [] },
        },
      },
    ],
  ])('%s rejects %s and stores nothing', async (method, _label, payload) => {
    const result = await dispatch(handlers, method, payload);
    expect(result).toMatchObject({ ok: false, code: 'invalid-payload' });
    nothingStored();
  });

  it('rejects a __proto__ key anywhere in a session', async () => {
    const text = JSON.stringify({ session: session() }).replace(
      '"notes":',
      '"__proto__":{"polluted":true},"notes":',
    );
    expect(await dispatch(handlers, 'saveSession', JSON.parse(text))).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    nothingStored();
  });

  it('gives big-payload methods their own limits and keeps every other method at 64 KiB', async () => {
    expect(maxPayloadBytesOf('saveCallTimeline')).toBe(16 * 1024 * 1024);
    expect(maxPayloadBytesOf('saveSession')).toBe(8 * 1024 * 1024);
    expect(maxPayloadBytesOf('saveDraft')).toBe(8 * 1024 * 1024);
    for (const method of [
      'listSessions',
      'getSession',
      'getDraft',
      'markFollowUpDone',
      'updateSettings',
    ] as const) {
      expect(maxPayloadBytesOf(method)).toBe(MAX_PAYLOAD_BYTES);
    }
    const padded = await dispatch(handlers, 'listSessions', { text: 'x'.repeat(70_000) });
    expect(padded).toMatchObject({ ok: false, code: 'payload-too-large' });
  });

  it('stores a session with 1 MB of notes (emoji, right-to-left, control characters) exactly', async () => {
    const big = session(2);
    big.wrapUp.notes = 'שלום 😀 \u0001\u001f ñ '.repeat(100_000).slice(0, 1_000_000);
    expect(JSON.stringify({ session: big }).length).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    const saved = await dispatch(handlers, 'saveSession', { session: big });
    expect(saved).toEqual({ ok: true, value: big });
    expect(await dispatch(handlers, 'getSession', { id: big.id })).toEqual({
      ok: true,
      value: big,
    });
    const draft = { ...draftAt(seededRandom(3), STARTED), wrapUp: big.wrapUp };
    await dispatch(handlers, 'saveDraft', draft);
    expect(await dispatch(handlers, 'getDraft', undefined)).toEqual({ ok: true, value: draft });
  });

  it('refuses a session over 8 MiB and a timeline over 16 MiB before validating them', async () => {
    const huge = session(4);
    const cue = { start: 1.123456789, end: 2.123456789, cue: 'too-loud' as const };
    huge.call.cues = Array.from({ length: 100_000 }, () => cue);
    huge.call.overtalk = Array.from({ length: 100_000 }, () => ({
      start: 1.123456789,
      end: 2.123456789,
      startedBy: 'caller' as const,
    }));
    expect(await dispatch(handlers, 'saveSession', { session: huge })).toMatchObject({
      ok: false,
      code: 'payload-too-large',
    });
    const twoHours = makeTimeline(seededRandom(5), 7200);
    const accepted = await dispatch(handlers, 'saveCallTimeline', {
      id: huge.id,
      timeline: twoHours,
    });
    expect(accepted.ok).toBe(true);
    const eightHours = makeTimeline(seededRandom(6), 8 * 3600);
    const refused = await dispatch(handlers, 'saveCallTimeline', {
      id: huge.id,
      timeline: eightHours,
    });
    expect(refused).toMatchObject({ ok: false, code: 'payload-too-large' });
    nothingStored();
  });
});

describe('session methods over dispatch: storage failures', () => {
  it('a save the disk refuses comes back as a clear failure without paths, and the stored log is unchanged', async () => {
    const first = session(7);
    expect((await dispatch(handlers, 'saveSession', { session: first })).ok).toBe(true);
    const file = path.join(dataDir, 'sessions', '2025-03', '2025-03-14.json');
    const before = fs.readFileSync(file);
    fs.renameSync(file, `${file}.keep`);
    fs.mkdirSync(file);
    const second = { ...session(8), startedAt: first.startedAt };
    const result = await dispatch(handlers, 'saveSession', { session: second });
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(!result.ok && result.message).toMatch(
      /^The session was not saved: .*Nothing saved before was changed\.$/,
    );
    expect(!result.ok && result.message).not.toContain(dataDir);
    expect(logs.some((line) => line.startsWith('saveSession:'))).toBe(true);
    fs.rmdirSync(file);
    fs.renameSync(`${file}.keep`, file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(await dispatch(handlers, 'getSession', { id: first.id })).toEqual({
      ok: true,
      value: first,
    });
  });
});
