/**
 * The durable offline queue: which saved sessions still have to reach the team store. It holds session
 * ids, not copies — the sync reads each session's latest version from the local repository when it sends
 * it. The file (`team-sync/queue.json` in the data folder) is replaced atomically on every change, so a
 * crash leaves the old or the new queue, never a torn one; the sync settles many batches in one change
 * (`settle`), so a sync of thousands of sessions writes the file a few times, not once per session.
 *
 * A session is queued BEFORE it is saved locally: a crash between the two leaves an id whose session is
 * missing (the sync drops it) or older (sent, then sent again after the next save) — never a saved session
 * the store will not get. Each queueing takes a new sequence number; the sync acknowledges (removes) an
 * entry only if its number is the one it read before sending, so an edit made while a batch was on its
 * way stays queued and goes in the next one.
 *
 * `backfilledFor` records the store (team, agent, host/database) every already-saved session was queued
 * for: configuring a store — or pointing at another — queues every session once. A queue file found
 * unreadable is moved aside and everything is queued again (upserts by id make that harmless).
 *
 * The app and `team sync` may hold the same queue at once: every change starts from the file as it is on
 * disk when another process has replaced it since (its size or time changed), so neither undoes the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-write';
import {
  TEAM_STORE_PROBLEM_KINDS,
  type SessionRefusal,
} from '../../preload/contract/team-store-problem';

const QUEUE_VERSION = 1;

const words = z.string().max(1000);
/** Why the store refused a session, as data (preload/contract/team-store-problem.ts). */
const refusalSchema = z.discriminatedUnion('refusal', [
  z.strictObject({ refusal: z.literal('otherAgent'), session: words, team: words }),
  z.strictObject({
    refusal: z.literal('store'),
    problem: z.enum(TEAM_STORE_PROBLEM_KINDS),
    where: words,
    user: words,
    detail: words,
  }),
]);

const entrySchema = z.strictObject({
  id: z.uuid(),
  seq: z.number().int().min(0),
  queuedAt: z.iso.datetime({ offset: true }),
  /** Why the store refused this session (it stays queued until the next backfill or edit). */
  refused: z.string().max(1000).optional(),
  /** The same as data, for the page to word (absent in queues written before it was kept). */
  refusal: refusalSchema.optional(),
});
const queueFileSchema = z.strictObject({
  version: z.literal(QUEUE_VERSION),
  backfilledFor: z.string().max(2000).nullable(),
  nextSeq: z.number().int().min(0),
  entries: z.array(entrySchema),
});

export type QueueEntry = z.infer<typeof entrySchema>;

/** An entry the store did not take, and why. */
export type RefusedEntry = Pick<QueueEntry, 'id' | 'seq'> & {
  readonly reason: string;
  readonly refusal?: SessionRefusal;
};

export interface SyncQueue {
  readonly file: string;
  /** Queues (or re-queues) sessions: durable when this returns. */
  enqueue(ids: readonly string[]): void;
  /** Entries waiting to be sent, oldest first (refused ones left out). */
  pending(): QueueEntry[];
  /** Every entry, refused ones included. */
  size(): number;
  refusedCount(): number;
  /** Why the first refused entry was refused ('' when none was). */
  refusedReason(): string;
  /** The same as data, when it was kept (undefined when none was refused). */
  refusedAs(): SessionRefusal | undefined;
  /** Removes the entries that were not re-queued since they were read (same seq). */
  acknowledge(sent: readonly Pick<QueueEntry, 'id' | 'seq'>[]): void;
  /** Marks entries refused by the store, with the reason. */
  refuse(entries: readonly Pick<QueueEntry, 'id' | 'seq'>[], reason: string): void;
  /** Acknowledges `sent` and marks `refused` (each with its reason) in one write of the file; entries
   * re-queued since they were read (another seq) are left as they are. */
  settle(sent: readonly Pick<QueueEntry, 'id' | 'seq'>[], refused: readonly RefusedEntry[]): void;
  /** Makes refused entries pending again (an administrator may have fixed what the store refused). */
  clearRefused(): void;
  /** Removes entries whose session no longer exists locally. */
  drop(ids: readonly string[]): void;
  backfilledFor(): string | null;
  /** Queues every id (refused ones again too) and records the store they were queued for. */
  backfill(store: string, ids: readonly string[]): void;
}

export interface SyncQueueDeps {
  readonly dataDir: string;
  /** The file in `team-sync/` (default `queue.json`, the sessions; rehearsals have their own). */
  readonly fileName?: string;
  readonly now?: () => Date;
  /** Told when a damaged queue file was moved aside. */
  readonly warn?: (message: string) => void;
}

type QueueFile = z.infer<typeof queueFileSchema>;

export function openSyncQueue(deps: SyncQueueDeps): SyncQueue {
  const file = path.join(deps.dataDir, 'team-sync', deps.fileName ?? 'queue.json');
  const now = deps.now ?? (() => new Date());
  const load = (): QueueFile => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { version: QUEUE_VERSION, backfilledFor: null, nextSeq: 1, entries: [] };
      throw error;
    }
    try {
      return queueFileSchema.parse(JSON.parse(text));
    } catch {
      const aside = `${file}.damaged-${now().getTime()}`;
      fs.renameSync(file, aside);
      deps.warn?.(
        `The team sync queue was damaged and moved to ${aside}; every session will be sent again.`,
      );
      return { version: QUEUE_VERSION, backfilledFor: null, nextSeq: 1, entries: [] };
    }
  };
  const stamp = (): string => {
    try {
      const stat = fs.statSync(file);
      return `${stat.size}/${stat.mtimeMs}/${stat.ino}`;
    } catch {
      return 'absent';
    }
  };
  let state = load();
  let seen = stamp();
  let byId = new Map(state.entries.map((entry) => [entry.id, entry]));
  const use = (next: QueueFile): void => {
    state = next;
    byId = new Map(next.entries.map((entry) => [entry.id, entry]));
  };
  /** The queue as on disk (re-read only when another process replaced the file since). */
  const fresh = (): void => {
    const current = stamp();
    if (current === seen) return;
    use(load());
    seen = stamp();
  };
  /** Applies a change to the freshest queue and writes it. */
  const change = (edit: () => QueueFile | null): void => {
    fresh();
    const next = edit();
    if (next === null) return;
    writeFileAtomic(file, JSON.stringify(next));
    use(next);
    seen = stamp();
  };
  const requeued = (ids: readonly string[]): QueueFile => {
    const fresh = new Set(ids);
    let seq = state.nextSeq;
    const at = now().toISOString();
    const kept = state.entries.filter((entry) => !fresh.has(entry.id));
    const added = [...fresh].map((id) => ({ id, seq: seq++, queuedAt: at }));
    return { ...state, nextSeq: seq, entries: [...kept, ...added] };
  };
  const sameAsRead = (sent: readonly Pick<QueueEntry, 'id' | 'seq'>[]) => {
    const matching = new Set<string>();
    for (const { id, seq } of sent) if (byId.get(id)?.seq === seq) matching.add(id);
    return matching;
  };

  const settle = (
    sent: readonly Pick<QueueEntry, 'id' | 'seq'>[],
    refused: readonly RefusedEntry[],
  ): void => {
    change(() => {
      const done = sameAsRead(sent);
      const reasons = new Map<string, RefusedEntry>();
      for (const entry of refused)
        if (byId.get(entry.id)?.seq === entry.seq) reasons.set(entry.id, entry);
      if (done.size === 0 && reasons.size === 0) return null;
      const entries: QueueEntry[] = [];
      for (const entry of state.entries) {
        if (done.has(entry.id)) continue;
        const why = reasons.get(entry.id);
        entries.push(
          why === undefined
            ? entry
            : {
                ...entry,
                refused: why.reason.slice(0, 1000),
                ...(why.refusal ? { refusal: clipped(why.refusal) } : {}),
              },
        );
      }
      return { ...state, entries };
    });
  };

  return {
    file,
    enqueue(ids) {
      if (ids.length > 0) change(() => requeued(ids));
    },
    pending: () => (fresh(), state.entries.filter((entry) => entry.refused === undefined)),
    size: () => (fresh(), state.entries.length),
    refusedCount: () => (
      fresh(),
      state.entries.filter((entry) => entry.refused !== undefined).length
    ),
    refusedReason: () => (
      fresh(),
      state.entries.find((entry) => entry.refused !== undefined)?.refused ?? ''
    ),
    refusedAs: () => (fresh(), state.entries.find((entry) => entry.refused !== undefined)?.refusal),
    acknowledge(sent) {
      settle(sent, []);
    },
    refuse(sent, reason) {
      settle(
        [],
        sent.map((entry) => ({ ...entry, reason })),
      );
    },
    settle,
    clearRefused() {
      change(() =>
        state.entries.some((entry) => entry.refused !== undefined)
          ? {
              ...state,
              entries: state.entries.map(
                ({ refused: _refused, refusal: _refusal, ...entry }) => entry,
              ),
            }
          : null,
      );
    },
    drop(ids) {
      change(() => {
        const gone = new Set(ids);
        if (!state.entries.some((entry) => gone.has(entry.id))) return null;
        return { ...state, entries: state.entries.filter((entry) => !gone.has(entry.id)) };
      });
    },
    backfilledFor: () => (fresh(), state.backfilledFor),
    backfill(store, ids) {
      change(() => ({ ...requeued(ids), backfilledFor: store }));
    },
  };
}

/** A refusal's words cut to what the queue file keeps (the driver's detail can be long). */
function clipped(refusal: SessionRefusal): SessionRefusal {
  return Object.fromEntries(
    Object.entries(refusal).map(([key, value]) => [key, String(value).slice(0, 1000)]),
  ) as unknown as SessionRefusal;
}
