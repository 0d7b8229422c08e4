import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { createRecordingHandlers } from '../../../main/recordings/recording-handlers';
import { openSessionServices, type SessionServices } from '../../../main/host/session-services';
import { createAppProtocolHandler } from '../../../main/shell/protocol/app-protocol-handler';
import { decodeWav } from '../../../renderer/engine/wav-codec';
import { RecordingTap } from '../../../renderer/src/recording/recording-tap';
import { bytesToBase64, interleavePcm16 } from '../../../renderer/src/recording/pcm16-base64';
import { sessionAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('recording');
const NOW = new Date('2025-03-14T10:00:00Z');
const RATE = 16_000;
let dataDir: string;
let services: SessionServices;
let handlers: IpcHandlers;

beforeEach(() => {
  dataDir = dirs.make();
  services = openSessionServices({ dataDir, now: () => NOW });
  handlers = {
    ...createSessionHandlers(services),
    ...createRecordingHandlers(services.recordings),
  } as unknown as IpcHandlers;
});
afterEach(() => {
  services.close();
  dirs.cleanup();
});

/** Caller: 300 Hz at 0.5; agent: 1 kHz at 0.25 (distinct, known). */
function callAudio(seconds: number) {
  const n = Math.round(seconds * RATE);
  const caller = new Float32Array(n);
  const agent = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    caller[i] = 0.5 * Math.sin((2 * Math.PI * 300 * i) / RATE);
    agent[i] = 0.25 * Math.sin((2 * Math.PI * 1000 * i) / RATE);
  }
  return { caller, agent };
}

/** Streams a call the way the page does: the worklet's tap in 128-sample blocks → base64 chunks. */
function chunksOf(caller: Float32Array, agent: Float32Array): string[] {
  const chunks: string[] = [];
  const tap = new RecordingTap(RATE / 2, (c, a, frames) =>
    chunks.push(bytesToBase64(interleavePcm16(c, a, frames))),
  );
  for (let i = 0; i < caller.length; i += 128)
    tap.write(caller, agent, i, Math.min(i + 128, caller.length));
  tap.flush();
  return chunks;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

const CALL = '3b241101-e2bb-4255-8caf-4136c566a962';

async function record(callId: string, seconds: number) {
  const { caller, agent } = callAudio(seconds);
  const chunks = chunksOf(caller, agent);
  for (const [seq, pcm16Base64] of chunks.entries()) {
    expect(await dispatch(handlers, 'appendRecording', { callId, seq, pcm16Base64 })).toMatchObject(
      { ok: true },
    );
  }
  return { caller, agent, chunks };
}

describe('recording store over the IPC handlers', () => {
  it('streams chunks into a 16-bit stereo WAV at recordings/YYYY-MM/<id>.wav with both channels intact', async () => {
    const { caller, agent, chunks } = await record(CALL, 1.3);
    expect(chunks).toHaveLength(3); // 0.5 + 0.5 + 0.3 s
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([
      path.join('2025-03', `${CALL}.wav.part`),
    ]);

    const done = await dispatch(handlers, 'finishRecording', { callId: CALL, sampleRate: RATE });
    expect(done).toEqual({ ok: true, value: { path: `recordings/2025-03/${CALL}.wav` } });
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([
      path.join('2025-03', `${CALL}.wav`),
    ]);

    const wav = decodeWav(
      fs.readFileSync(path.join(dataDir, 'recordings', '2025-03', `${CALL}.wav`)),
    );
    expect(wav.warnings).toEqual([]);
    expect(wav.sampleRate).toBe(RATE);
    expect(wav.format.channelCount).toBe(2);
    expect(wav.frameCount).toBe(caller.length);
    expect(wav.durationSec).toBeCloseTo(1.3, 6);
    // Agent left, caller right: the app's one channel convention.
    let maxError = 0;
    for (let i = 0; i < caller.length; i++) {
      maxError = Math.max(
        maxError,
        Math.abs(wav.channels[0][i] - agent[i]),
        Math.abs(wav.channels[1][i] - caller[i]),
      );
    }
    expect(maxError).toBeLessThan(1.5 / 32768);
  });

  it('refuses a chunk out of order, one that is not whole frames, one too large, and a bad id', async () => {
    const { chunks } = await record(CALL, 0.6);
    const bad = await dispatch(handlers, 'appendRecording', {
      callId: CALL,
      seq: 5,
      pcm16Base64: chunks[0],
    });
    expect(bad).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect((bad as { message: string }).message).toMatch(/out of order \(expected 2\)/);

    const other = '9d6f1f0e-6a53-4b1c-9a55-0d5b8b2a1c11';
    expect(
      await dispatch(handlers, 'appendRecording', {
        callId: other,
        seq: 1,
        pcm16Base64: chunks[0],
      }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No recording of this call/),
    });
    const oddBytes = Buffer.from([1, 2, 3]).toString('base64');
    expect(
      await dispatch(handlers, 'appendRecording', { callId: CALL, seq: 2, pcm16Base64: oddBytes }),
    ).toMatchObject({ ok: false });
    const huge = Buffer.alloc(192_000 * 4 + 4).toString('base64');
    expect(
      await dispatch(handlers, 'appendRecording', { callId: CALL, seq: 2, pcm16Base64: huge }),
    ).toMatchObject({ ok: false });
    expect(
      await dispatch(handlers, 'appendRecording', {
        callId: 'x/../../etc',
        seq: 0,
        pcm16Base64: chunks[0],
      }),
    ).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
    expect(
      await dispatch(handlers, 'appendRecording', {
        callId: CALL,
        seq: 2,
        pcm16Base64: 'not base64!',
      }),
    ).toMatchObject({ ok: false });

    // What was accepted is intact: 0.6 s.
    await dispatch(handlers, 'finishRecording', { callId: CALL, sampleRate: RATE });
    const wav = decodeWav(
      fs.readFileSync(path.join(dataDir, 'recordings', '2025-03', `${CALL}.wav`)),
    );
    expect(wav.frameCount).toBe(0.6 * RATE);
  });

  it('stops at the size limit a WAV can describe (checked with a small limit)', async () => {
    const { openRecordingStore } = await import('../../../main/recordings/recording-store');
    const store = openRecordingStore({ dataDir, now: () => NOW, maxDataBytes: 4000 });
    store.append(CALL, 0, new Uint8Array(4000));
    expect(() => store.append(CALL, 1, new Uint8Array(4))).toThrow(/largest size/);
  });

  it('discard leaves no file, in progress or finished; finish without chunks fails and writes nothing', async () => {
    await record(CALL, 0.7);
    expect(await dispatch(handlers, 'discardRecording', { callId: CALL })).toEqual({
      ok: true,
      value: null,
    });
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([]);

    await record(CALL, 0.7);
    await dispatch(handlers, 'finishRecording', { callId: CALL, sampleRate: RATE });
    await dispatch(handlers, 'discardRecording', { callId: CALL });
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([]);

    expect(
      await dispatch(handlers, 'finishRecording', { callId: CALL, sampleRate: RATE }),
    ).toMatchObject({ ok: false });
    expect(filesUnder(path.join(dataDir, 'recordings'))).toEqual([]);
  });

  it('a saved session points at its recording when one exists, never at a path the page sends', async () => {
    const base = sessionAt(seededRandom(3), { startedMs: Date.parse('2025-03-14T09:00:00Z') });
    const claimed = { ...base, recording: '../../secret.wav' };
    const saved = await dispatch(handlers, 'saveSession', { session: claimed });
    expect(saved).toMatchObject({ ok: true, value: { recording: null } });

    await record(base.id, 0.5);
    await dispatch(handlers, 'finishRecording', { callId: base.id, sampleRate: RATE });
    const again = await dispatch(handlers, 'saveSession', { session: claimed });
    expect(again).toMatchObject({
      ok: true,
      value: { recording: `recordings/2025-03/${base.id}.wav` },
    });
  });
});

describe('serving a recording (app://calm-line/recording/<id>)', () => {
  it('answers the WAV whole and by byte range; refuses bad ids; 404 for a session without audio', async () => {
    await record(CALL, 0.5);
    await dispatch(handlers, 'finishRecording', { callId: CALL, sampleRate: RATE });
    const file = fs.readFileSync(path.join(dataDir, 'recordings', '2025-03', `${CALL}.wav`));
    const handle = createAppProtocolHandler(path.join(dataDir, 'no-renderer'), services.recordings);

    const whole = await handle(new Request(`app://calm-line/recording/${CALL}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer()).equals(file)).toBe(true);

    const part = await handle(
      new Request(`app://calm-line/recording/${CALL}`, { headers: { Range: 'bytes=44-99' } }),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-99/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(44, 100))).toBe(true);

    const beyond = await handle(
      new Request(`app://calm-line/recording/${CALL}`, {
        headers: { Range: `bytes=${file.length}-` },
      }),
    );
    expect(beyond.status).toBe(416);
    expect(
      (await handle(new Request('app://calm-line/recording/..%2F..%2Fsettings.json'))).status,
    ).toBe(400);
    expect(
      (await handle(new Request('app://calm-line/recording/9d6f1f0e-6a53-4b1c-9a55-0d5b8b2a1c11')))
        .status,
    ).toBe(404);
  });
});
