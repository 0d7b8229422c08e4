import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/contract/session-schema';
import type {
  FollowUpList,
  SessionList,
  SessionSummary,
} from '../../../preload/contract/session-ipc-schema';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host';
import { frames, openSocket, writeFakeRenderer } from '../support/host-requests';
import { draftAt, sessionAt, makeTimeline, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-browser-host');
const NOW = new Date('2025-03-14T15:00:00.000Z');
const TODAY = `${NOW.getFullYear()}-${String(NOW.getMonth() + 1).padStart(2, '0')}-${String(NOW.getDate()).padStart(2, '0')}`;
let host: BrowserHost;
let cookie: string;

beforeAll(async () => {
  const root = dirs.make();
  const rendererDir = path.join(root, 'renderer');
  writeFakeRenderer(rendererDir);
  host = await startBrowserHost({ dataDir: path.join(root, 'data'), rendererDir, now: () => NOW });
  cookie = `calm-line-session-${host.port}=${new URL(host.url).searchParams.get('token')}`;
});
afterAll(async () => {
  await host.close();
  dirs.cleanup();
});

const connect = async () => {
  const socket = await openSocket(host.port, { cookie, origin: host.origin });
  return { socket, rpc: frames(socket) };
};

describe('browser host: the session methods over its WebSocket', () => {
  it('carries a whole wrap-up: timeline, drafts, save, log, review, follow-up done', async () => {
    const { socket, rpc } = await connect();
    const random = seededRandom(1);
    const draft = { ...draftAt(random, NOW.getTime() - 900_000), step: 'resolution' as const };
    const timeline = makeTimeline(random, 60);

    const savedTimeline = await rpc.call('saveCallTimeline', { id: draft.callId, timeline });
    expect(savedTimeline).toMatchObject({ ok: true, value: { bytes: expect.any(Number) } });
    expect(await rpc.call('saveDraft', draft)).toEqual({
      ok: true,
      value: { savedAt: NOW.toISOString() },
    });
    expect(await rpc.call('getDraft')).toEqual({ ok: true, value: draft });

    const session: Session = {
      schemaVersion: 2,
      id: draft.callId,
      agent: 'Ana Silva',
      startedAt: draft.startedAt,
      endedAt: draft.endedAt,
      call: draft.call,
      wrapUp: {
        ...draft.wrapUp,
        caseReference: 'INC-2025',
        followUp: { date: TODAY, channel: 'email', doneAt: null },
      },
      afterCallWorkSec: 95,
      savedAt: NOW.toISOString(),
      hasTimeline: false,
      recording: null,
    };
    const saved = await rpc.call('saveSession', { session });
    expect(saved).toEqual({ ok: true, value: { ...session, hasTimeline: true } });
    expect(await rpc.call('getDraft')).toEqual({ ok: true, value: null });

    const list = await rpc.call('listSessions', { text: 'inc-2025' });
    expect(list.ok && (list.value as SessionList).rows.map((row) => row.id)).toEqual([session.id]);
    expect(list.ok && (list.value as SessionList).total).toBe(1);
    expect(await rpc.call('getSession', { id: session.id })).toEqual({
      ok: true,
      value: { ...session, hasTimeline: true },
    });
    expect(await rpc.call('getTimeline', { id: session.id })).toEqual({
      ok: true,
      value: timeline,
    });

    const followUps = await rpc.call('listFollowUps', {});
    expect(followUps.ok && (followUps.value as FollowUpList).due.map((s) => s.id)).toEqual([
      session.id,
    ]);
    const done = await rpc.call('markFollowUpDone', { id: session.id });
    expect(done.ok && (done.value as Session).wrapUp.followUp.doneAt).toBe(NOW.toISOString());

    const partition = path.join(
      host.dataDir,
      'sessions',
      '2025-03',
      `${session.startedAt.slice(0, 10)}.json`,
    );
    expect(JSON.parse(fs.readFileSync(partition, 'utf8')).sessions[0].wrapUp.followUp.doneAt).toBe(
      NOW.toISOString(),
    );
    socket.close();
  });

  it('carries the timeline of a 90-minute call and a wrap-up with 1 MB of notes', async () => {
    const { socket, rpc } = await connect();
    const random = seededRandom(7);
    const draft = draftAt(random, NOW.getTime() - 600_000);
    const timeline = makeTimeline(random, 90 * 60);
    expect(JSON.stringify(timeline).length).toBeGreaterThan(1024 * 1024);
    expect(await rpc.call('saveCallTimeline', { id: draft.callId, timeline })).toMatchObject({
      ok: true,
    });
    expect(await rpc.call('getTimeline', { id: draft.callId })).toEqual({
      ok: true,
      value: timeline,
    });
    const notes = 'Caller read out the whole contract. '.repeat(28_000).slice(0, 1_000_000);
    const big = { ...draft, wrapUp: { ...draft.wrapUp, notes } };
    expect(await rpc.call('saveDraft', big)).toMatchObject({ ok: true });
    expect(await rpc.call('getDraft')).toEqual({ ok: true, value: big });
    socket.close();
  });

  it('answers malformed session calls with results and keeps the connection', async () => {
    const { socket, rpc } = await connect();
    expect(await rpc.call('saveSession', { session: { id: 'x' } })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
    expect(await rpc.call('listSessions', { limit: 10_000 })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
    expect(await rpc.call('getTimeline', { id: '../../settings' })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
    expect((await rpc.call('listSessions', {})).ok).toBe(true);
    socket.close();
  });

  it('sends follow-up-due to every open window when a follow-up falls due', async () => {
    const first = await connect();
    const second = await connect();
    const random = seededRandom(2);
    const due = sessionAt(random, {
      startedMs: NOW.getTime() - 3_600_000,
      followUpDate: TODAY,
    });
    expect((await first.rpc.call('saveSession', { session: due })).ok).toBe(true);
    host.services.sessions?.followUps.check();
    for (const { rpc } of [first, second]) {
      const event = await rpc.next(
        (frame) => frame.type === 'event' && frame.event === 'follow-up-due',
      );
      const sessions =
        event.type === 'event' ? (event.payload as { sessions: SessionSummary[] }).sessions : [];
      expect(sessions.map((s) => s.id)).toEqual([due.id]);
    }
    first.socket.close();
    second.socket.close();
  });
});
