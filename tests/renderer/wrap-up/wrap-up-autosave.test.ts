/**
 * The draft autosave: a burst of edits is one write of the newest draft, writes never overlap or arrive
 * out of order, flush writes at once, a failed write is reported and the next edit retries, and cancel
 * drops what is pending. Fake timers stand in for the debounce; no timing is measured.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDraftAutosaver,
  type AutosaveStatus,
} from '../../../renderer/src/wrap-up/draft-autosave';

interface Write {
  draft: number;
  resolve(error: string | null): void;
}

function harness() {
  const writes: Write[] = [];
  const statuses: AutosaveStatus[] = [];
  let active = 0;
  let maxActive = 0;
  const saver = createDraftAutosaver<number>({
    delayMs: 300,
    save: (draft) =>
      new Promise((resolve) => {
        active++;
        maxActive = Math.max(maxActive, active);
        writes.push({
          draft,
          resolve: (e) => {
            active--;
            resolve(e);
          },
        });
      }),
    onStatus: (s) => statuses.push(s),
  });
  return { saver, writes, statuses, maxActive: () => maxActive };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('draft autosave', () => {
  it('writes a burst of changes once, with the newest draft, after the debounce', async () => {
    const h = harness();
    for (let i = 1; i <= 5; i++) {
      h.saver.schedule(i);
      vi.advanceTimersByTime(100);
    }
    expect(h.writes).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(h.writes.map((w) => w.draft)).toEqual([5]);
    h.writes[0].resolve(null);
    await vi.runAllTimersAsync();
    expect(h.statuses.at(-1)).toBe('saved');
  });

  it('flush writes at once; changes made during a write follow it, one write at a time, newest last', async () => {
    const h = harness();
    h.saver.schedule(1);
    const flushed = h.saver.flush();
    expect(h.writes.map((w) => w.draft)).toEqual([1]);
    h.saver.schedule(2);
    h.saver.schedule(3);
    const again = h.saver.flush();
    expect(h.writes).toHaveLength(1); // still writing 1
    h.writes[0].resolve(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.writes.map((w) => w.draft)).toEqual([1, 3]);
    h.writes[1].resolve(null);
    await Promise.all([flushed, again]);
    expect(h.maxActive()).toBe(1);
    expect(h.statuses.at(-1)).toBe('saved');
  });

  it('reports a failed write, and the next change writes again', async () => {
    const h = harness();
    h.saver.schedule(1);
    void h.saver.flush();
    h.writes[0].resolve('disk full');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.at(-1)).toBe('error');
    h.saver.schedule(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(h.writes.map((w) => w.draft)).toEqual([1, 2]);
  });

  it('cancel drops the pending draft (the wrap-up was saved as a session)', async () => {
    const h = harness();
    h.saver.schedule(1);
    h.saver.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    await h.saver.flush();
    expect(h.writes).toHaveLength(0);
  });
});
