/**
 * How long the team sync waits after a failed try (the store down, slow, refusing the login): 1 s after
 * the first failure, doubling after each further one, never more than 60 s — each wait spread ±20 % at
 * random, so a room of agents whose store came back does not retry in step. A success starts again at 1 s.
 * Pure (the random source is passed in), so a test on a fake clock checks every delay.
 */
export interface SyncBackoff {
  /** The wait after the first failure (ms). */
  readonly firstMs: number;
  /** The longest wait before jitter (ms). */
  readonly maxMs: number;
  /** The spread: each wait is base × (1 ± jitter). */
  readonly jitter: number;
}

export const SYNC_BACKOFF: SyncBackoff = { firstMs: 1_000, maxMs: 60_000, jitter: 0.2 };

/** The wait (ms) after `failures` failed tries in a row (1 = the first); `random` in [0, 1). */
export function backoffDelayMs(
  failures: number,
  random: () => number,
  backoff: SyncBackoff = SYNC_BACKOFF,
): number {
  const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 - backoff.jitter + 2 * backoff.jitter * random()));
}
