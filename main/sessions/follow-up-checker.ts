/**
 * Announces follow-ups as they fall due: checks at start and then every `intervalMs` (the clock and the
 * timer are injected, so tests drive days by hand). Each open follow-up is announced once per run, when
 * its date is today or already past; a follow-up whose date changes is announced again for the new date.
 */
import type { FollowUpList, SessionSummary } from '../../preload/contract/session-ipc-schema';
import { localDay } from '../../preload/domain/calendar-day';

export interface FollowUpCheckerDeps {
  readonly followUps: (asOf: string) => FollowUpList;
  readonly now?: () => Date;
  /** Calls `tick` every `ms` until the returned function is called (default: setInterval, unref'd). */
  readonly every?: (ms: number, tick: () => void) => () => void;
  readonly intervalMs?: number;
  /** Told when a check fails (the checker keeps running). */
  readonly warn?: (message: string) => void;
}

export interface FollowUpChecker {
  /** Checks now, then on every tick. */
  start(): void;
  stop(): void;
  /** Checks now; returns what was newly announced (overdue first). */
  check(): SessionSummary[];
  /** Listener gets each non-empty announcement; returns an unsubscribe. */
  onDue(listener: (sessions: SessionSummary[]) => void): () => void;
}

function everyWithTimers(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
}

export function createFollowUpChecker(deps: FollowUpCheckerDeps): FollowUpChecker {
  const now = deps.now ?? (() => new Date());
  const every = deps.every ?? everyWithTimers;
  const intervalMs = deps.intervalMs ?? 60_000;
  const announced = new Set<string>();
  const listeners = new Set<(sessions: SessionSummary[]) => void>();
  let stopTimer: (() => void) | undefined;

  const check = (): SessionSummary[] => {
    const { due, overdue } = deps.followUps(localDay(now()));
    const fresh = [...overdue, ...due].filter(
      (summary) => !announced.has(`${summary.id}@${summary.followUpDate}`),
    );
    for (const summary of fresh) announced.add(`${summary.id}@${summary.followUpDate}`);
    if (fresh.length > 0) for (const listener of [...listeners]) listener(fresh);
    return fresh;
  };
  const safeCheck = (): void => {
    try {
      check();
    } catch (error) {
      deps.warn?.(`Follow-up check failed: ${(error as Error)?.message ?? error}`);
    }
  };

  return {
    start() {
      if (stopTimer) return;
      safeCheck();
      stopTimer = every(intervalMs, safeCheck);
    },
    stop() {
      stopTimer?.();
      stopTimer = undefined;
    },
    check,
    onDue(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
