/**
 * Sync: sends what the queue holds to the team store, in batches, in the background — the app never waits
 * for it. Each push first asks the store whether it can take this login's sessions at all (its schema,
 * and the agent row IT registered for the login in the configured team): a setup mistake is one line in
 * the status, found in one round trip, and nothing is sent one session at a time.
 *
 * A batch is one upsert (all or none) that says which ids it did not take (another agent's session id in
 * the team: set aside with that reason, never reported as sent). A batch the store refuses outright for
 * one of its rows (a constraint, a value it cannot take) is split in halves until the refused rows are
 * found — a few round trips, not one per session. The queue file is written once every SETTLE_EVERY
 * batches and at the end of a pass (acknowledgements and refusals together): a crash before that only
 * means those sessions are sent again, which the upsert by id makes harmless.
 *
 * When the store is down, slow or refuses the connection, the queue stays as it is and the next try comes
 * after a backoff (sync-backoff.ts: 1 s doubling to 60 s, ±20 %); a new save tries again at once. The same
 * failure is logged once, not on every try.
 *
 * Rehearsals (Practice) take the same path through their own queue (`team-sync/practice-queue.json`) to
 * the store's practice table, after the sessions: never among them.
 *
 * Status: 'synced', 'queued' (N waiting, sessions and rehearsals), or 'error' with the reason and the time
 * of the next try.
 */
import type { Session } from '../../preload/contract/session-schema';
import type { PracticeRunRecord } from '../../preload/contract/practice-schema';
import type { TeamSyncStatus } from '../../preload/contract/team-store-schema';
import { describeStore, type TeamConfig } from './team-config';
import { describeStoreError, isRowRefusal, storeProblem } from './store-connection';
import type { SessionRefusal, TeamStoreProblem } from '../../preload/contract/team-store-problem';
import { StoreSetupError } from './store-membership';
import { StoreVersionError } from './store-migrations';
import { backoffDelayMs, SYNC_BACKOFF, type SyncBackoff } from './sync-backoff';
import type { QueueEntry, RefusedEntry, SyncQueue } from './sync-queue';
import type { SessionToStore, TeamStore, UpsertResult } from './team-store';

/** Batches sent between two writes of the queue file. */
export const SETTLE_EVERY = 10;

/** What sync reads from the local data folder. */
export interface LocalSessions {
  /** The sessions with these ids that exist (one partition read each, not one per session). */
  getMany(ids: readonly string[]): Session[];
  /** Every saved session's id. */
  allIds(): string[];
  /** The session's timeline as JSON text, or null. */
  timelineJson?(session: Session): string | null;
}

/** The practice history the sync sends to the store's own practice table (never among the sessions). */
export interface LocalPracticeRuns {
  /** The rehearsals with these ids that exist. */
  getMany(ids: readonly string[]): PracticeRunRecord[];
  /** Every kept rehearsal's id. */
  allIds(): string[];
}

export interface TeamSyncDeps {
  readonly config: TeamConfig;
  readonly store: TeamStore;
  readonly queue: SyncQueue;
  readonly local: LocalSessions;
  /** Rehearsals and their own queue (`team-sync/practice-queue.json`); absent: none are sent. */
  readonly practice?: { readonly queue: SyncQueue; readonly local: LocalPracticeRuns };
  readonly now?: () => Date;
  /** Sessions per upsert (default 500). */
  readonly batchSize?: number;
  /** The waits between failed tries (default SYNC_BACKOFF). */
  readonly backoff?: SyncBackoff;
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
  /** The same for rehearsals (they go to the store's practice table). */
  queuedPractice(ids: readonly string[]): void;
  /** Sends everything pending now; resolves when the queue is empty or a try failed. */
  pushNow(): Promise<PushResult>;
  /** Starts background tries (after a backfill when the store is new to this data folder); sessions
   * refused in an earlier run are tried once more. */
  start(): void;
  /** Sessions the store refused are tried again on the next push. */
  retryRefused(): void;
  /** Queues every saved session the first time this data folder syncs to this store (as start() and
   * every push do), so the counts include them before anything is sent. */
  queueSaved(): void;
  status(): TeamSyncStatus;
  onStatus(listener: (status: TeamSyncStatus) => void): () => void;
  /** Stops background tries; resolves when a running push has finished. */
  stop(): Promise<void>;
}

/** Which store a backfill was for: another team, agent or database means every session goes again. */
export function storeFingerprint(config: TeamConfig): string {
  return `${config.teamId}/${config.agentId}@${describeStore(config.url)}`;
}

/** One queued entry read for sending. */
interface Outgoing<T> {
  readonly entry: QueueEntry;
  readonly item: T;
}

/** What a push has to write to the queue file (acknowledged and refused entries). */
interface Unsettled {
  sent: QueueEntry[];
  refused: RefusedEntry[];
}

/** How one kind of thing the sync sends (sessions; rehearsals) is read from the data folder (entries
 * whose item is gone are left out) and taken by the store. */
interface Outbox<T> {
  read(entries: readonly QueueEntry[]): Outgoing<T>[];
  upsert(items: T[]): Promise<UpsertResult>;
}

/** A kind of thing the sync sends: its queue, what a push has yet to write to it, and how a batch goes. */
interface Lane {
  readonly queue: SyncQueue;
  readonly unsettled: Unsettled;
  send(entries: QueueEntry[]): Promise<{ sent: number; refused: number }>;
}

/** The entries whose item the data folder still has, each with what is sent for it. */
function foundFor<I extends { readonly id: string }, T>(
  entries: readonly QueueEntry[],
  items: readonly I[],
  toSend: (item: I) => T,
): Outgoing<T>[] {
  const found = new Map(items.map((item) => [item.id, item]));
  return entries.flatMap((entry) => {
    const item = found.get(entry.id);
    return item === undefined ? [] : [{ entry, item: toSend(item) }];
  });
}

const describeFailure = (error: unknown, config: TeamConfig): string =>
  error instanceof StoreVersionError || error instanceof StoreSetupError
    ? error.message
    : describeStoreError(error, config);

/** The store's problem as data (the page words it), for the failures describeStoreError words. */
const failureProblem = (error: unknown, config: TeamConfig): TeamStoreProblem | null =>
  error instanceof StoreVersionError || error instanceof StoreSetupError
    ? null
    : storeProblem(error, config);

export function createTeamSync(deps: TeamSyncDeps): TeamSync {
  const { config, store, queue, local, practice } = deps;
  const now = deps.now ?? (() => new Date());
  const batchSize = deps.batchSize ?? 500;
  const backoff = deps.backoff ?? SYNC_BACKOFF;
  const random = deps.random ?? Math.random;
  const listeners = new Set<(status: TeamSyncStatus) => void>();
  let running: Promise<PushResult> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let stopped = true;
  let lastError: string | null = null;
  let lastProblem: TeamStoreProblem | null = null;
  let lastRefusal: SessionRefusal | undefined;
  let lastLogged: string | null = null;
  let lastSyncedAt: string | null = null;
  let nextTryAt: string | null = null;
  const sessions: Outbox<SessionToStore> = {
    read: (entries) =>
      foundFor(entries, local.getMany(entries.map((entry) => entry.id)), (session) => ({
        session,
        timelineJson:
          config.includeTimeline && session.hasTimeline
            ? (local.timelineJson?.(session) ?? null)
            : null,
      })),
    upsert: (items) => store.upsert(items),
  };
  // Rehearsals go to the store's practice table, never among the sessions.
  const lanes: Lane[] = [laneOf(queue, sessions)];
  if (practice) {
    const rehearsals: Outbox<PracticeRunRecord> = {
      read: (entries) =>
        foundFor(entries, practice.local.getMany(entries.map((entry) => entry.id)), (run) => run),
      upsert: (runs) => store.upsertPractice(runs),
    };
    lanes.push(laneOf(practice.queue, rehearsals));
  }
  const sum = (count: (lane: Lane) => number) => lanes.reduce((n, lane) => n + count(lane), 0);

  const status = (): TeamSyncStatus => {
    const queuedCount = sum((lane) => lane.queue.size() - lane.unsettled.sent.length);
    const refused = sum((lane) => lane.queue.refusedCount() + lane.unsettled.refused.length);
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
      ...(lastError !== null && lastProblem !== null ? { problem: lastProblem } : {}),
      ...(lastError !== null && lastRefusal !== undefined ? { refusal: lastRefusal } : {}),
      nextTryAt: lastError !== null ? nextTryAt : null,
    };
  };
  const emit = (): void => {
    const current = status();
    for (const listener of listeners) listener(current);
  };
  const log = (message: string): void => {
    if (message === lastLogged) return;
    lastLogged = message;
    deps.log?.(message);
  };

  const ensureBackfilled = (): void => {
    const fingerprint = storeFingerprint(config);
    if (queue.backfilledFor() !== fingerprint) queue.backfill(fingerprint, local.allIds());
    if (practice && practice.queue.backfilledFor() !== fingerprint)
      practice.queue.backfill(fingerprint, practice.local.allIds());
  };

  /** Writes what the push has settled so far to the queue files (one write each). */
  const settle = (): void => {
    for (const { queue: laneQueue, unsettled } of lanes) {
      if (unsettled.sent.length === 0 && unsettled.refused.length === 0) continue;
      const { sent, refused } = unsettled;
      unsettled.sent = [];
      unsettled.refused = [];
      laneQueue.settle(sent, refused);
    }
  };

  /** Sends items; a batch refused for one of its rows is split until the refused rows are found. */
  async function sendItems<T>(
    outbox: Outbox<T>,
    unsettled: Unsettled,
    items: readonly Outgoing<T>[],
  ): Promise<{ sent: number; refused: number }> {
    try {
      const result = await outbox.upsert(items.map((one) => one.item));
      const notTaken = new Map(result.notTaken.map((n) => [n.id, n]));
      for (const one of items) {
        const why = notTaken.get(one.entry.id);
        if (why === undefined) unsettled.sent.push(one.entry);
        else unsettled.refused.push({ ...one.entry, reason: why.reason, refusal: why.refusal });
      }
      return { sent: items.length - notTaken.size, refused: notTaken.size };
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      if (items.length === 1) {
        const reason = describeStoreError(error, config);
        log(`Team store refused ${items[0].entry.id}: ${reason}`);
        const refusal: SessionRefusal = { refusal: 'store', ...storeProblem(error, config) };
        unsettled.refused.push({ ...items[0].entry, reason, refusal });
        return { sent: 0, refused: 1 };
      }
    }
    const half = Math.ceil(items.length / 2);
    const first = await sendItems(outbox, unsettled, items.slice(0, half));
    const second = await sendItems(outbox, unsettled, items.slice(half));
    return { sent: first.sent + second.sent, refused: first.refused + second.refused };
  }

  /** A lane over a queue: a batch of its entries is sent, and those whose item is gone leave the queue. */
  function laneOf<T>(laneQueue: SyncQueue, outbox: Outbox<T>): Lane {
    const unsettled: Unsettled = { sent: [], refused: [] };
    return {
      queue: laneQueue,
      unsettled,
      async send(entries) {
        const outgoing = outbox.read(entries);
        if (outgoing.length < entries.length) {
          const found = new Set(outgoing.map((one) => one.entry.id));
          laneQueue.drop(entries.filter((e) => !found.has(e.id)).map((e) => e.id));
        }
        if (outgoing.length === 0) return { sent: 0, refused: 0 };
        return sendItems(outbox, unsettled, outgoing);
      },
    };
  }

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
      // Asked even with nothing queued: `team sync` says so when the store cannot be used. The login's
      // agent row only matters with something to send (a lead's app with no calls of its own has none; a
      // session queued meanwhile is still checked: the upsert asks for the row first).
      await store.checkReady(lanes.some((lane) => lane.queue.pending().length > 0));
      // Sessions first, then rehearsals; again while something was queued meanwhile.
      for (;;) {
        again = false;
        for (const lane of lanes) {
          const pending = lane.queue.pending();
          for (let start = 0, batches = 0; start < pending.length; start += batchSize) {
            const result = await lane.send(pending.slice(start, start + batchSize));
            sent += result.sent;
            refused += result.refused;
            if (++batches % SETTLE_EVERY === 0) settle();
            emit();
          }
          settle();
        }
        if (!again) break;
      }
      failures = 0;
      const refusedNow = sum((lane) => lane.queue.refusedCount());
      const firstRefused = lanes.find((lane) => lane.queue.refusedCount() > 0)?.queue;
      lastError =
        firstRefused !== undefined
          ? `${refusedNow} session${refusedNow === 1 ? ' was' : 's were'} refused by the store and kept on this computer: ${firstRefused.refusedReason()}`
          : null;
      lastRefusal = firstRefused?.refusedAs();
      lastProblem = null;
      if (lastError !== null) log(`Team sync: ${lastError}`);
      lastLogged = lastError === null ? null : lastLogged;
      lastSyncedAt = now().toISOString();
      nextTryAt = null;
      return { sent, refused, error: null };
    } catch (error) {
      settle();
      failures++;
      lastError = describeFailure(error, config);
      lastProblem = failureProblem(error, config);
      lastRefusal = undefined;
      schedule(backoffDelayMs(failures, random, backoff));
      log(`Team sync: ${lastError}`);
      return { sent, refused, error: lastError };
    } finally {
      emit();
    }
  };
  const queuedIn = (laneQueue: SyncQueue, ids: readonly string[]): void => {
    laneQueue.enqueue(ids);
    again = true;
    emit();
    if (!stopped) schedule(50);
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
    queued: (ids) => queuedIn(queue, ids),
    queuedPractice: (ids) => {
      if (practice) queuedIn(practice.queue, ids);
    },
    pushNow,
    retryRefused: () => lanes.forEach((lane) => lane.queue.clearRefused()),
    queueSaved: ensureBackfilled,
    start() {
      for (const lane of lanes) lane.queue.clearRefused();
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
