import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createRecordingHandlers } from '../../../main/recordings/recording-handlers';
import { openRecordingStore, type RecordingStore } from '../../../main/recordings/recording-store';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host';
import { decodeWav } from '../../../renderer/engine/wav-codec';
import {
  RecordingUpload,
  type RecordingApi,
} from '../../../renderer/src/recording/recording-upload';
import type { IpcResult } from '../../../preload/contract/ipc-result';
import { request, writeFakeRenderer } from '../support/host-requests';
import { tempDirs } from '../support/temp-dirs';
import { describeHostFailure } from '../../../renderer/src/api/host-failure-text';
import { intlForLocale } from '../../support/intl-for-locale';

const dirs = tempDirs('recording-upload');
const RATE = 8000;
const CALL = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
let dataDir: string;
let store: RecordingStore;
let handlers: IpcHandlers;

beforeEach(() => {
  dataDir = dirs.make();
  store = openRecordingStore({ dataDir });
  handlers = createRecordingHandlers(store) as unknown as IpcHandlers;
});
afterEach(() => dirs.cleanup());

/** The page's API over the real handlers (validation included); `failSeq`: that chunk's write finds the disk full. */
function apiOverHandlers(failSeq?: number): RecordingApi {
  const append = store.append.bind(store);
  store.append = (callId, seq, bytes) => {
    if (seq === failSeq)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return append(callId, seq, bytes);
  };
  const call = (method: string) => (payload: unknown) =>
    dispatch(handlers, method, payload) as Promise<IpcResult<never>>;
  return {
    appendRecording: call('appendRecording'),
    finishRecording: call('finishRecording'),
    discardRecording: call('discardRecording'),
  } as RecordingApi;
}

const ramp = (n: number, scale: number) =>
  Float32Array.from({ length: n }, (_, i) => scale * Math.sin(i / 7));

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe('the page’s recording upload', () => {
  it('sends chunks in order and completes the file', async () => {
    const upload = new RecordingUpload(apiOverHandlers(), CALL, RATE);
    for (let i = 0; i < 4; i++)
      upload.push(ramp(4000, 0.5), ramp(4000, -0.25), i === 3 ? 1000 : 4000);
    const relative = await upload.finish();
    expect(relative).toMatch(new RegExp(`^recordings/\\d{4}-\\d{2}/${CALL}\\.wav$`));
    const wav = decodeWav(fs.readFileSync(path.join(dataDir, relative!)));
    expect(wav.frameCount).toBe(13_000);
    // push(caller, agent): agent left, caller right.
    expect(wav.channels[0][100]).toBeCloseTo(-0.25 * Math.sin(100 / 7), 4);
    expect(wav.channels[1][100]).toBeCloseTo(0.5 * Math.sin(100 / 7), 4);
  });

  it('keeps nothing when a chunk failed (no recording with a gap) and says why', async () => {
    const upload = new RecordingUpload(apiOverHandlers(1), CALL, RATE);
    for (let i = 0; i < 3; i++) upload.push(ramp(4000, 0.5), ramp(4000, 0.5), 4000);
    expect(await upload.finish()).toBeNull();
    expect(upload.problem).toMatchObject({
      reason: 'disk-full',
      message: 'The call audio was not stored: the disk is full.',
    });
    const german = intlForLocale('de');
    expect(describeHostFailure(upload.problem!, german)).toBe(
      'Der Datenträger ist voll. Nichts zuvor Gespeichertes wurde geändert.',
    );
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([]);
  });

  it('says in German that a host without recordings keeps none (the English message kept)', async () => {
    const none = createRecordingHandlers(undefined) as unknown as IpcHandlers;
    const result = await dispatch(none, 'discardRecording', { callId: CALL });
    if (result.ok) throw new Error('expected a failure');
    expect(result.message).toBe('This host keeps no recordings.');
    const german = intlForLocale('de');
    expect(describeHostFailure(result, german)).toBe(
      'Dieses Fenster speichert keine Anrufaufnahmen.',
    );
  });

  it('a call too short for any chunk leaves no file', async () => {
    expect(await new RecordingUpload(apiOverHandlers(), CALL, RATE).finish()).toBeNull();
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([]);
  });
});

describe('part files of calls that never finished', () => {
  it('are removed when the store opens, once untouched for the stale time; a fresh one stays', () => {
    // A call in progress whose page went away: chunks appended, never finished.
    store.append(CALL, 0, new Uint8Array(1600));
    const parts = filesUnder(path.join(dataDir, 'recordings'));
    expect(parts).toHaveLength(1);
    expect(parts[0].endsWith('.wav.part')).toBe(true);
    openRecordingStore({ dataDir, stalePartMs: 60_000 });
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual(parts);
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(path.join(dataDir, 'recordings', parts[0]), old, old);
    openRecordingStore({ dataDir, stalePartMs: 60_000 });
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([]);
  });
});

describe('browser host: /recording/<session id>', () => {
  let host: BrowserHost;
  afterEach(async () => host?.close());

  it('serves the WAV only with the session cookie, by range too; bad ids and sessions without audio are refused', async () => {
    const root = dirs.make();
    writeFakeRenderer(path.join(root, 'renderer'));
    host = await startBrowserHost({
      dataDir: path.join(root, 'data'),
      rendererDir: path.join(root, 'renderer'),
    });
    const hostStore = openRecordingStore({ dataDir: path.join(root, 'data') });
    hostStore.append(CALL, 0, new Uint8Array(4 * 800).fill(7));
    hostStore.finish(CALL, RATE);
    const token = new URL(host.url).searchParams.get('token') ?? '';
    const cookie = `calm-line-session-${host.port}=${token}`;

    expect((await request(host.port, `/recording/${CALL}`)).status).toBe(401);
    const whole = await request(host.port, `/recording/${CALL}`, { Cookie: cookie });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.headers['content-length']).toBe(String(44 + 3200));
    expect(whole.body.startsWith('RIFF')).toBe(true);
    const range = await request(host.port, `/recording/${CALL}`, {
      Cookie: cookie,
      Range: 'bytes=0-3',
    });
    expect(range.status).toBe(206);
    expect(range.body).toBe('RIFF');
    expect(
      (await request(host.port, '/recording/..%2F..%2Fsettings.json', { Cookie: cookie })).status,
    ).toBe(400);
    expect(
      (
        await request(host.port, '/recording/9d6f1f0e-6a53-4b1c-9a55-0d5b8b2a1c11', {
          Cookie: cookie,
        })
      ).status,
    ).toBe(404);
  });
});
