import { afterEach, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import type { Session } from '../../../preload/contract/session-schema';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createFollowUpChecker } from '../../../main/sessions/follow-up-checker';
import { localDay } from '../../../preload/domain/calendar-day';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices } from '../../../main/host/session-services';
import { sessionAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('follow-ups');
afterEach(() => dirs.cleanup());

/** A clock and a timer the test moves by hand. */
function manualTime(start: Date) {
  let now = start;
  const ticks: { ms: number; tick: () => void }[] = [];
  return {
    now: () => now,
    set(next: Date) {
      now = next;
    },
    every(ms: number, tick: () => void) {
      const entry = { ms, tick };
      ticks.push(entry);
      return () => void ticks.splice(ticks.indexOf(entry), 1);
    },
    fire: () => ticks.forEach((entry) => entry.tick()),
    get timers() {
      return ticks.length;
    },
  };
}

const at = (day: number, hour = 9) => new Date(2025, 2, day, hour);

function setup(start: Date) {
  const time = manualTime(start);
  const services = openSessionServices({
    dataDir: dirs.make(),
    now: time.now,
    every: time.every,
    followUpIntervalMs: 60_000,
  });
  const random = seededRandom(5);
  const save = (followUpDate: string | null): Session =>
    services.repository.save(
      sessionAt(random, {
        startedMs: at(1, 10).getTime() + random() * 86_400_000,
        followUpDate,
      }),
    );
  const heard: SessionSummary[][] = [];
  services.followUps.onDue((sessions) => heard.push(sessions));
  return {
    time,
    services,
    save,
    heard,
    handlers: createSessionHandlers(services) as unknown as IpcHandlers,
  };
}

describe('follow-ups', () => {
  it('lists follow-ups due on a day and overdue before it, without done ones', async () => {
    const { services, save, handlers } = setup(at(20));
    const due = save('2025-03-20');
    const overdueOld = save('2025-03-02');
    const overdue = save('2025-03-19');
    save('2025-03-21');
    save(null);
    const done = save('2025-03-18');
    services.repository.markFollowUpDone(done.id);
    const result = await dispatch(handlers, 'listFollowUps', {});
    expect(result.ok).toBe(true);
    const value = result.ok
      ? (result.value as { due: SessionSummary[]; overdue: SessionSummary[] })
      : undefined;
    expect(value?.due.map((s) => s.id)).toEqual([due.id]);
    expect(value?.overdue.map((s) => s.id)).toEqual([overdueOld.id, overdue.id]);
    const asOf = await dispatch(handlers, 'listFollowUps', { asOf: '2025-03-02' });
    expect(asOf.ok && (asOf.value as { due: SessionSummary[] }).due.map((s) => s.id)).toEqual([
      overdueOld.id,
    ]);
  });

  it('marking one done records when (from the clock) and keeps the first time', async () => {
    const { time, save, handlers } = setup(at(20, 14));
    const session = save('2025-03-20');
    const first = await dispatch(handlers, 'markFollowUpDone', { id: session.id });
    expect(first.ok && (first.value as Session).wrapUp.followUp.doneAt).toBe(
      at(20, 14).toISOString(),
    );
    time.set(at(21));
    const again = await dispatch(handlers, 'markFollowUpDone', { id: session.id });
    expect(again.ok && (again.value as Session).wrapUp.followUp.doneAt).toBe(
      at(20, 14).toISOString(),
    );
    const stored = await dispatch(handlers, 'getSession', { id: session.id });
    expect(stored.ok && (stored.value as Session).wrapUp.followUp.doneAt).toBe(
      at(20, 14).toISOString(),
    );
    const none = save(null);
    expect(await dispatch(handlers, 'markFollowUpDone', { id: none.id })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
    const unknown = await dispatch(handlers, 'markFollowUpDone', {
      id: '0f0e0d0c-0b0a-4909-8807-060504030201',
    });
    expect(unknown).toMatchObject({
      ok: false,
      code: 'invalid-payload',
      message: 'No saved session has this id.',
    });
  });

  it('announces due and overdue follow-ups at start, each once, then new ones as days pass', () => {
    const { time, services, save, heard } = setup(at(20, 8));
    const overdue = save('2025-03-19');
    const today = save('2025-03-20');
    const tomorrow = save('2025-03-21');
    const done = save('2025-03-20');
    services.repository.markFollowUpDone(done.id);
    services.followUps.start();
    expect(time.timers).toBe(1);
    expect(heard.map((list) => list.map((s) => s.id))).toEqual([[overdue.id, today.id]]);
    time.fire();
    expect(heard).toHaveLength(1);
    // A wrap-up saved during the day with a follow-up for today is announced at the next check.
    const later = save(localDay(time.now()));
    time.fire();
    expect(heard[1].map((s) => s.id)).toEqual([later.id]);
    time.set(at(21, 0));
    time.fire();
    expect(heard[2].map((s) => s.id)).toEqual([tomorrow.id]);
    services.repository.markFollowUpDone(tomorrow.id);
    time.set(at(22, 0));
    time.fire();
    expect(heard).toHaveLength(3);
    services.followUps.stop();
    expect(time.timers).toBe(0);
  });

  it('keeps checking after a failed check and reports it', () => {
    const warnings: string[] = [];
    let fail = true;
    const time = manualTime(at(20));
    const checker = createFollowUpChecker({
      followUps: () => {
        if (fail) throw new Error('disk unavailable');
        return { due: [], overdue: [] };
      },
      now: time.now,
      every: time.every,
      warn: (message) => warnings.push(message),
    });
    checker.start();
    expect(warnings).toEqual(['Follow-up check failed: disk unavailable']);
    fail = false;
    time.fire();
    expect(warnings).toHaveLength(1);
    checker.stop();
  });
});
