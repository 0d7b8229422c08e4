/**
 * The team sync's retry schedule on a fake clock: the app's own sync (createTeamSync with its default
 * backoff) against a store that is down. Each try's time is recorded; the waits between tries must be
 * what the README says — 1 s, doubling, never more than 60 s, each spread ±20 % — and a success or a new
 * save must start over at once. A fixed or jitter-free retry fails here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTeamConfig } from '../../../main/team/team-config';
import { openSyncQueue } from '../../../main/team/sync-queue';
import { createTeamSync, type TeamSync } from '../../../main/team/team-sync';
import type { TeamStore } from '../../../main/team/team-store';
import { makeSessions } from '../../support/session-factory';
import { describeHostFailure } from '../../../renderer/src/api/host-failure-text';
import { intlForLocale } from '../../support/intl-for-locale';

const CONFIG = parseTeamConfig(
  {
    url: 'postgres://ana@127.0.0.1:5999/calm',
    tls: { mode: 'disable' },
    teamId: 'north',
    agentId: 'ana',
  },
  'test',
);
const DOWN = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), {
  code: 'ECONNREFUSED',
});
/** The documented waits before jitter: 1 s doubling, capped at 60 s. */
const DOCUMENTED = [1, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * 1000);

describe('team sync backoff (fake clock)', () => {
  let dir: string;
  let sync: TeamSync | null = null;
  /** The fake clock's time of each try the store saw. */
  let tries: number[];
  let storeUp: boolean;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-backoff-'));
    tries = [];
    storeUp = false;
  });
  afterEach(async () => {
    await sync?.stop();
    sync = null;
    vi.useRealTimers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function startSync(random: () => number): TeamSync {
    const sessions = makeSessions(3, { seed: 9, agents: ['Ana'] });
    const store = {
      async checkReady() {
        tries.push(Date.now());
        if (!storeUp) throw DOWN;
      },
      async upsert(items: readonly unknown[]) {
        return { stored: items.length, notTaken: [] };
      },
    } as unknown as TeamStore;
    sync = createTeamSync({
      config: CONFIG,
      store,
      queue: openSyncQueue({ dataDir: dir }),
      local: { getMany: () => sessions, allIds: () => sessions.map((s) => s.id) },
      random,
    });
    sync.start();
    return sync;
  }

  const gaps = (): number[] => tries.slice(1).map((t, i) => t - tries[i]);

  /** Runs the fake clock until `count` tries were made (or 20 minutes passed). */
  async function untilTries(count: number): Promise<void> {
    for (let i = 0; i < 2400 && tries.length < count; i++) await vi.advanceTimersByTimeAsync(500);
  }

  it('waits 1 s, 2 s, 4 s … up to 60 s between failed tries (jitter at its middle)', async () => {
    const running = startSync(() => 0.5);
    await untilTries(DOCUMENTED.length + 1);
    expect(gaps()).toEqual(DOCUMENTED);
    // The status names the next try at the last try plus the next wait.
    expect(running.status()).toMatchObject({
      state: 'error',
      nextTryAt: new Date(tries[tries.length - 1] + 60_000).toISOString(),
    });
    // The header words why in the agent's language (the store's problem comes as data).
    const german = intlForLocale('de');
    const { problem } = running.status();
    expect(problem).toMatchObject({ problem: 'refused', where: '127.0.0.1:5999/calm' });
    const why = {
      code: 'internal',
      message: '',
      reason: 'team-store',
      values: { ...problem },
    } as const;
    expect(describeHostFailure(why, german)).toBe(
      'Die Team-Datenbank auf 127.0.0.1:5999/calm hat die Verbindung abgelehnt (läuft der Server?).',
    );
  });

  it('spreads each wait ±20 %: the lowest and highest draws reach the bounds, every draw stays within them', async () => {
    startSync(() => 0);
    await untilTries(DOCUMENTED.length + 1);
    expect(gaps()).toEqual(DOCUMENTED.map((d) => d * 0.8));
    await sync!.stop();

    tries = [];
    startSync(() => 0.999_999);
    await untilTries(DOCUMENTED.length + 1);
    expect(gaps()).toEqual(DOCUMENTED.map((d) => Math.round(d * 1.2)));
    await sync!.stop();

    // A spread of draws: each wait within its bounds, and the waits are not the bare documented values.
    tries = [];
    let seed = 7;
    startSync(() => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646);
    await untilTries(DOCUMENTED.length + 1);
    const waits = gaps();
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(DOCUMENTED[i] * 0.8);
      expect(wait).toBeLessThanOrEqual(DOCUMENTED[i] * 1.2);
    });
    expect(waits.filter((wait, i) => wait !== DOCUMENTED[i]).length).toBeGreaterThan(5);
  });

  it('starts over after a success, and a new save tries at once whatever the wait', async () => {
    const running = startSync(() => 0.5);
    await untilTries(5); // waits 1, 2, 4, 8 s so far
    storeUp = true;
    await untilTries(6); // the 16 s wait, then a try that succeeds
    expect(gaps().at(-1)).toBe(16_000);
    expect(running.status().state).toBe('synced');

    storeUp = false;
    const failedAt = Date.now();
    running.queued([makeSessions(1, { seed: 10, agents: ['Ana'] })[0].id]);
    await untilTries(7);
    // The save's try came within a tick of the save, not after the backoff.
    expect(tries[6] - failedAt).toBeLessThanOrEqual(500);
    await untilTries(8);
    expect(gaps().at(-1)).toBe(1_000);
  });
});
