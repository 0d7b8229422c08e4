import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/contract/session-schema';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices } from '../../../main/host/session-services';
import { sessionAt, makeTimeline, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('timelines');
afterEach(() => dirs.cleanup());

const NOW = new Date('2025-03-31T23:58:00.000Z');

function open(dataDir: string, now = NOW) {
  const services = openSessionServices({ dataDir, now: () => now });
  return { services, handlers: createSessionHandlers(services) as unknown as IpcHandlers };
}

describe('call timelines', () => {
  it('round-trip exactly (nulls and full-precision levels) in their own file per call', async () => {
    const dataDir = dirs.make();
    const { handlers } = open(dataDir);
    const random = seededRandom(1);
    const session = sessionAt(random, { startedMs: NOW.getTime() - 600_000 });
    const timeline = makeTimeline(random, session.call.durationSec);
    const saved = await dispatch(handlers, 'saveCallTimeline', { id: session.id, timeline });
    const file = path.join(dataDir, 'timelines', '2025-03', `${session.id}.json`);
    expect(saved).toEqual({ ok: true, value: { bytes: fs.statSync(file).size } });
    expect(await dispatch(handlers, 'getTimeline', { id: session.id })).toEqual({
      ok: true,
      value: timeline,
    });
    // After a restart, in the next month, it is still found.
    const later = open(dataDir, new Date('2025-04-02T08:00:00Z'));
    expect(await dispatch(later.handlers, 'getTimeline', { id: session.id })).toEqual({
      ok: true,
      value: timeline,
    });
    expect(
      await dispatch(later.handlers, 'getTimeline', {
        id: sessionAt(random, { startedMs: 0 }).id,
      }),
    ).toEqual({
      ok: true,
      value: null,
    });
  });

  it('saveSession records whether the call has a timeline, whatever the UI claimed', async () => {
    const dataDir = dirs.make();
    const { handlers } = open(dataDir);
    const random = seededRandom(2);
    const withTimeline = sessionAt(random, { startedMs: NOW.getTime() - 900_000 });
    const without = sessionAt(random, { startedMs: NOW.getTime() - 800_000 });
    await dispatch(handlers, 'saveCallTimeline', {
      id: withTimeline.id,
      timeline: makeTimeline(random, 30),
    });
    // The wrap-up is saved after midnight, in the next month: the timeline is still found.
    const nextMonth = open(dataDir, new Date('2025-04-01T00:05:00Z'));
    const first = await dispatch(nextMonth.handlers, 'saveSession', {
      session: { ...withTimeline, hasTimeline: false },
    });
    const second = await dispatch(nextMonth.handlers, 'saveSession', {
      session: { ...without, hasTimeline: true },
    });
    expect(first.ok && (first.value as Session).hasTimeline).toBe(true);
    expect(second.ok && (second.value as Session).hasTimeline).toBe(false);
    const rows = nextMonth.services.repository.list({}).rows;
    expect(Object.fromEntries(rows.map((row) => [row.id, row.hasTimeline]))).toEqual({
      [withTimeline.id]: true,
      [without.id]: false,
    });
  });

  it('a timeline file that cannot be used is moved aside and reported; the call shows no timeline', async () => {
    const dataDir = dirs.make();
    const { services, handlers } = open(dataDir);
    const random = seededRandom(3);
    const id = sessionAt(random, { startedMs: 0 }).id;
    await dispatch(handlers, 'saveCallTimeline', { id, timeline: makeTimeline(random, 10) });
    const file = path.join(services.timelines.timelinesDir, '2025-03', `${id}.json`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 500));
    expect(await dispatch(handlers, 'getTimeline', { id })).toEqual({ ok: true, value: null });
    const [problem] = services.problems.list();
    expect(problem).toMatchObject({ kind: 'not-json', file });
    expect(fs.existsSync(problem.movedTo)).toBe(true);
  });
});
