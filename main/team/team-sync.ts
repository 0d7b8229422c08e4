/**
 * Sync: sends what the queue holds to the team store, in batches, in the background — the app never waits
 * for it. A batch is one upsert (all or none); once the store has committed it, its entries are
 * acknowledged. When the store is down, slow or refuses the connection, the queue stays as it is and the
 * next try comes after a backoff (1 s, doubling to 60 s, ±20 % jitter so a room of agents does not retry
 * in step); a new save tries again at once. A batch the store refuses for one of its rows (row-level
 * security, a constraint) is sent row by row, and only the refused rows are set aside with the reason.
 *
 * Status: 'synced', 'queued' (N waiting), or 'error' with the reason and the time of the next try.
 */
import type { Session } from '../../preload/contract/session-schema';
import type { TeamSyncStatus } from '../../preload/contract/team-store-schema';
import { describeStore, type TeamConfig } from './team-config';
import { describeStoreError, isRowRefusal } from './store-connection';
import { StoreVersionError } from './store-migrations';
import type { QueueEntry, SyncQueue } from './sync-queue';
import type { SessionToStore, TeamStore } from './team-store';

/** What sync reads from the local data folder. */
export interface LocalSessions {
  /** The sessions with these ids that exist (one partition read each, not one per session). */
  getMany(ids: readonly string[]): Session[];
  /** Every saved session's id. */
  allIds(): string[];
  /** The session's timeline as JSON text, or null. */
  timelineJson?(session: Session): string | null;
}

export interface TeamSyncDeps {
  readonly config: TeamConfig;
  readonly store: TeamStore;
  readonly queue: SyncQueue;
  readonly local: LocalSessions;
  readonly now?: () => Date;
  /** Sessions per upsert (default 500). */
  readonly batchSize?: number;
  /** First and longest wait between failed tries (ms). */
  readonly backoffMs?: { readonly first: number; readonly max: number };
  readonly random?: () => number;
  readonly log?: (message: string) => void;
}

export interface PushResult {
  readonly sent: number;
  readonly refused: number;
  /** Why the last try stopped early (null: the queue was emptied). */
  readonly error: string | null;
}

export interface TeamSync {
  /** Queue sessions for the store and schedule a try soon (never waits for the store). */
  queued(ids: readonly string[]): void;
  /** Sends everything pending now; resolves when the queue is empty or a try failed. */
  pushNow(): Promise<PushResult>;
  /** Starts background tries (after a backfill when the store is new to this data folder); sessions
   * refused in an earlier run are tried once more. */
  start(): void;
  /** Sessions the store refused are tried again on the next push. */
  retryRefused(): void;
  status(): TeamSyncStatus;
  onStatus(listener: (status: TeamSyncStatus) => void): () => void;
  /** Stops background tries; resolves when a running push has finished. */
  stop(): Promise<void>;
}

/** Which store a backfill was for: another team, agent or database means every session goes again. */
export function storeFingerprint(config: TeamConfig): string {
  return `${config.teamId}/${config.agentId}@${describeStore(config.url)}`;
}

export function createTeamSync(deps: TeamSyncDeps): TeamSync {
  const { config, store, queue, local } = deps;
  const now = deps.now ?? (() => new Date());
  const batchSize = deps.batchSize ?? 500;
  const backoff = deps.backoffMs ?? { first: 1_000, max: 60_000 };
  const random = deps.random ?? Math.random;
  const listeners = new Set<(status: TeamSyncStatus) => void>();
  let running: Promise<PushResult> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let stopped = true;
  let lastError: string | null = null;
  let lastSyncedAt: string | null = null;
  let nextTryAt: string | null = null;

  const status = (): TeamSyncStatus => {
    const queuedCount = queue.size();
    const refused = queue.refusedCount();
    const state = lastError !== null ? 'error' : queuedCount > 0 ? 'queued' : 'synced';
    return {
      state,
      queued: queuedCount,
      refused,
      teamId: config.teamId,
      agentId: config.agentId,
      store: describeStore(config.url),
      lastSyncedAt,
      error: lastError,
      nextTryAt: lastError !== null ? nextTryAt : null,
    };
  };
  const emit = (): void => {
    const current = status();
    for (const listener of listeners) listener(current);
  };

  const ensureBackfilled = (): void => {
    const fingerprint = storeFingerprint(config);
    if (queue.backfilledFor() !== fingerprint) queue.backfill(fingerprint, local.allIds());
  };

  const sendBatch = async (entries: QueueEntry[]): Promise<{ sent: number; refused: number }> => {
    const items: SessionToStore[] = [];
    const sent: QueueEntry[] = [];
    const missing: string[] = [];
    const found = new Map(local.getMany(entries.map((entry) => entry.id)).map((s) => [s.id, s]));
    for (const entry of entries) {
      const session = found.get(entry.id);
      if (session === undefined) {
        missing.push(entry.id);
        continue;
      }
      const timelineJson =
        config.includeTimeline && session.hasTimeline
          ? (local.timelineJson?.(session) ?? null)
          : null;
      items.push({ session, timelineJson });
      sent.push(entry);
    }
    if (missing.length > 0) queue.drop(missing);
    if (items.length === 0) return { sent: 0, refused: 0 };
    try {
      await store.upsert(items);
      queue.acknowledge(sent);
      return { sent: items.length, refused: 0 };
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      if (items.length === 1) {
        const reason = describeStoreError(error, config);
        deps.log?.(`Team store refused session ${items[0].session.id}: ${reason}`);
        queue.refuse(sent, reason);
        return { sent: 0, refused: 1 };
      }
    }
    // One row spoiled the batch: send one by one so only that row is set aside.
    let ok = 0;
    let refused = 0;
    for (let i = 0; i < items.length; i++) {
      const one = await sendBatch([sent[i]]);
      ok += one.sent;
      refused += one.refused;
    }
    return { sent: ok, refused };
  };

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    nextTryAt = new Date(now().getTime() + delayMs).toISOString();
    timer = setTimeout(() => {
      timer = null;
      void pushNow();
    }, delayMs);
    timer.unref?.();
  };

  const pushAll = async (): Promise<PushResult> => {
    let sent = 0;
    let refused = 0;
    try {
      ensureBackfilled();
      for (;;) {
        again = false;
        const pending = queue.pending();
        if (pending.length === 0) break;
        for (let start = 0; start < pending.length; start += batchSize) {
          const result = await sendBatch(pending.slice(start, start + batchSize));
          sent += result.sent;
          refused += result.refused;
          emit();
        }
        if (!again) break;
      }
      failures = 0;
      const refusedNow = queue.refusedCount();
      lastError =
        refusedNow > 0
          ? `${refusedNow} session${refusedNow === 1 ? ' was' : 's were'} refused by the store and kept on this computer: ${queue.refusedReason()}`
          : null;
      lastSyncedAt = now().toISOString();
      nextTryAt = null;
      return { sent, refused, error: null };
    } catch (error) {
      failures++;
      lastError =
        error instanceof StoreVersionError ? error.message : describeStoreError(error, config);
      const base = Math.min(backoff.max, backoff.first * 2 ** (failures - 1));
      schedule(Math.round(base * (0.8 + 0.4 * random())));
      deps.log?.(`Team sync: ${lastError}`);
      return { sent, refused, error: lastError };
    } finally {
      emit();
    }
  };

  const pushNow = (): Promise<PushResult> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = pushAll().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    queued(ids) {
      queue.enqueue(ids);
      again = true;
      emit();
      if (!stopped) schedule(50);
    },
    pushNow,
    retryRefused: () => queue.clearRefused(),
    start() {
      queue.clearRefused();
      // Queue what is already saved now, so the status counts it from the first moment (not "synced").
      try {
        ensureBackfilled();
      } catch (error) {
        deps.log?.(`Team sync: the saved sessions could not be queued yet: ${String(error)}`);
      }
      stopped = false;
      schedule(0);
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
