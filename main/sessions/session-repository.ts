/**
 * The session repository: every saved call, kept in day partitions (see session-partitions.ts) with an
 * in-memory index loaded on first use (session-index-loader.ts). Saves rewrite one partition; listing,
 * search and follow-ups run on the index; whole sessions are read from their partition.
 * Export and import build on `iterate`, `get` and `saveMany`.
 */
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Session } from '../../preload/contract/session-schema';
import type {
  FollowUpList,
  SessionList,
  SessionQuery,
} from '../../preload/contract/session-ipc-schema';
import { localDay } from '../../preload/domain/calendar-day';
import type { SessionIndex } from './session-index';
import type { IndexEntry } from './session-index-file';
import { loadSearchTexts, loadSessionIndex } from './session-index-loader';
import { writeRowSnapshot, writeTextSnapshot } from './session-index-snapshot';
import { createPartitionStore } from './session-partition-store';
import { partitionKeyOf, type PartitionGranularity } from './session-partitions';
import { followUpsOf, listEntries, matcherFor, needsText } from './session-query';
import { followUpDetailOf, followUpPageOf, type FollowUpDetail } from './follow-up-page';
import type {
  FollowUpPage,
  FollowUpPageRequest,
} from '../../preload/contract/follow-up-ipc-schema';
import { openConfJsonStore, type JsonStoreFactory } from '../storage/json-store';
import { createProblemLog, type ProblemLog } from '../storage/store-problems';

export interface SessionRepositoryDeps {
  /** Sessions live in `<dataDir>/sessions`. */
  readonly dataDir: string;
  /** conf (default) or electron-store. */
  readonly openStore?: JsonStoreFactory;
  readonly now?: () => Date;
  /** Where moved-aside files are reported (shared with the other stores of the host). */
  readonly problems?: ProblemLog;
  /** Partition size (default 'day'; 'month' only for comparisons). */
  readonly partitionBy?: PartitionGranularity;
}

export interface SessionRepository {
  readonly sessionsDir: string;
  readonly problems: ProblemLog;
  /** Stores (or replaces, by id) one session. Throws when it could not be written; nothing stored before changes. */
  save(session: Session): Session;
  /** Stores many sessions with one write per partition (imports). Returns how many were stored. */
  saveMany(sessions: readonly Session[]): number;
  get(id: string): Session | null;
  /** Removes a session from the log (one partition rewritten); the removed session, or null when none. */
  remove(id: string): Session | null;
  /** Several sessions by id (missing ones left out), reading each partition once: the team sync's batches. */
  getMany(ids: readonly string[]): Session[];
  has(id: string): boolean;
  /** One page of the log, newest first, with the total of matches. `today` defaults to the local date. */
  list(query: SessionQuery, today?: string): SessionList;
  /** Every session matching the query (offset and limit ignored), newest first, one partition in memory at a time. */
  iterate(query?: SessionQuery, today?: string): AsyncGenerator<Session>;
  followUps(asOf?: string): FollowUpList;
  /** Marks a session's follow-up done at `at` (kept when already done); null when there is no such session. */
  markFollowUpDone(id: string, at?: Date): Session | null;
  /** One page of a follow-up section (see follow-up-page.ts). */
  followUpPage(request: FollowUpPageRequest): FollowUpPage;
  /** Marks follow-ups done at `at` (done) or open again (not done); one write per partition. Returns the
   * sessions that changed (ids without a session or a follow-up, or already so, are left out). */
  setFollowUpsDone(ids: readonly string[], done: boolean, at?: Date): Session[];
  /** Loads the index now (it loads on first use otherwise). Returns the number of sessions. */
  warmUp(): number;
  /** Writes the index snapshot when it is behind (call at shutdown: the next start reads two files, not one per day). */
  flush(): void;
}

/** A start that finds this many partitions missing from the snapshot writes a new one right away. */
const SNAPSHOT_BEHIND_LIMIT = 16;

export function openSessionRepository(deps: SessionRepositoryDeps): SessionRepository {
  const sessionsDir = path.join(deps.dataDir, 'sessions');
  const now = deps.now ?? (() => new Date());
  const problems = deps.problems ?? createProblemLog();
  const granularity = deps.partitionBy ?? 'day';
  let index: SessionIndex | undefined;
  let rowsDirty = false;
  /** What the follow-ups screen shows beyond the index, by session id; dropped when a session is written. */
  const followUpDetails = new Map<string, FollowUpDetail>();
  let textsDirty = false;
  const partitions = createPartitionStore({
    sessionsDir,
    openStore: deps.openStore ?? openConfJsonStore,
    problems,
    now,
    // A partition found bad while running is moved aside: the log stops listing its sessions.
    onMovedAside: (key) => index?.setPartition(key, [], undefined),
  });

  const flush = (): void => {
    if (!index) return;
    try {
      if (rowsDirty) writeRowSnapshot(sessionsDir, index.partitions());
      rowsDirty = false;
      if (
        textsDirty &&
        index.withoutText().length === 0 &&
        writeTextSnapshot(sessionsDir, index.partitions())
      ) {
        textsDirty = false;
      }
    } catch {
      // Only a cache: the next start reads the partitions' own index files instead.
    }
  };
  const ensureIndex = (): SessionIndex => {
    if (index) return index;
    const loaded = loadSessionIndex(sessionsDir, partitions, now().getTime());
    index = loaded.index;
    rowsDirty = textsDirty = loaded.behind > 0;
    if (loaded.behind >= SNAPSHOT_BEHIND_LIMIT) flush();
    return index;
  };
  const entriesFor = (query: SessionQuery): readonly IndexEntry[] => {
    const current = ensureIndex();
    if (needsText(query) && current.withoutText().length > 0) {
      if (loadSearchTexts(sessionsDir, current, partitions) > 0) textsDirty = true;
      if (textsDirty) flush();
    }
    return current.all();
  };
  const today = () => localDay(now());

  const writeSessions = (sessions: readonly Session[]): void => {
    const current = ensureIndex();
    const byPartition = new Map<string, Session[]>();
    for (const session of sessions) {
      const key = partitionKeyOf(session.startedAt, granularity);
      byPartition.set(key, [...(byPartition.get(key) ?? []), session]);
    }
    for (const session of sessions) followUpDetails.delete(session.id);
    const moved = new Map<string, Set<string>>();
    for (const [key, incoming] of byPartition) {
      const ids = new Set(incoming.map((session) => session.id));
      for (const id of ids) {
        const before = current.get(id)?.partition;
        if (before !== undefined && before !== key)
          moved.set(before, (moved.get(before) ?? new Set()).add(id));
      }
      const { entries, source } = partitions.update(key, (stored) => [
        ...stored.filter((s) => !ids.has(s.id)),
        ...incoming,
      ]);
      current.setPartition(key, entries, source);
    }
    // Only after the new copies are safely written: drop the old ones (a session whose start moved to another day).
    for (const [key, ids] of moved) {
      const { entries, source } = partitions.update(key, (stored) =>
        stored.filter((s) => !ids.has(s.id)),
      );
      current.setPartition(key, entries, source);
    }
    rowsDirty = textsDirty = true;
  };

  const readSession = (entry: IndexEntry): Session | null => {
    const found = partitions
      .read(entry.partition)
      .find((session) => session.id === entry.summary.id);
    return found ? structuredClone(found) : null;
  };

  const getMany = (ids: readonly string[]): Session[] => {
    const current = ensureIndex();
    const byPartition = new Map<string, string[]>();
    for (const id of ids) {
      const key = current.get(id)?.partition;
      if (key !== undefined) byPartition.set(key, [...(byPartition.get(key) ?? []), id]);
    }
    const found: Session[] = [];
    for (const [key, wanted] of byPartition) {
      // Fresh objects (not the parsed cache): the caller may keep them.
      const byId = new Map(
        partitions.read(key, { bypassCache: true }).map((session) => [session.id, session]),
      );
      for (const id of wanted) {
        const session = byId.get(id);
        if (session) found.push(session);
      }
    }
    return found;
  };

  const detailsOf = (entries: readonly IndexEntry[]): ReadonlyMap<string, FollowUpDetail> => {
    const byPartition = new Map<string, Set<string>>();
    for (const { summary, partition } of entries) {
      if (followUpDetails.has(summary.id)) continue;
      byPartition.set(partition, (byPartition.get(partition) ?? new Set()).add(summary.id));
    }
    for (const [key, wanted] of byPartition) {
      for (const session of partitions.read(key)) {
        if (wanted.has(session.id)) followUpDetails.set(session.id, followUpDetailOf(session));
      }
    }
    return followUpDetails;
  };

  return {
    sessionsDir,
    problems,
    save(session) {
      // A copy: the repository keeps recent partitions parsed, and the caller may change its object later.
      writeSessions([structuredClone(session)]);
      return structuredClone(session);
    },
    saveMany(sessions) {
      if (sessions.length > 0) writeSessions(sessions.map((session) => structuredClone(session)));
      return sessions.length;
    },
    get(id) {
      const entry = ensureIndex().get(id);
      return entry ? readSession(entry) : null;
    },
    remove(id) {
      const current = ensureIndex();
      const entry = current.get(id);
      const session = entry ? readSession(entry) : null;
      if (!entry || !session) return null;
      const { entries, source } = partitions.update(entry.partition, (stored) =>
        stored.filter((s) => s.id !== id),
      );
      current.setPartition(entry.partition, entries, source);
      followUpDetails.delete(id);
      rowsDirty = textsDirty = true;
      return session;
    },
    getMany,
    has: (id) => ensureIndex().get(id) !== undefined,
    list: (query, day = today()) => listEntries(entriesFor(query), query, day),
    async *iterate(query = {}, day = today()) {
      const wanted = entriesFor(query).filter(matcherFor(query, day));
      for (let start = 0; start < wanted.length;) {
        const key = wanted[start].partition;
        let end = start;
        while (end < wanted.length && wanted[end].partition === key) end++;
        // Fresh objects (not the parsed cache): the consumer may keep or change them.
        const byId = new Map(
          partitions.read(key, { bypassCache: true }).map((session) => [session.id, session]),
        );
        for (let i = start; i < end; i++) {
          const session = byId.get(wanted[i].summary.id);
          if (session) yield session;
        }
        start = end;
        await nextTurn();
      }
    },
    followUps: (asOf = today()) => followUpsOf(ensureIndex().all(), asOf),
    markFollowUpDone(id, at = now()) {
      const entry = ensureIndex().get(id);
      const session = entry ? readSession(entry) : null;
      if (!session) return null;
      if (session.wrapUp.followUp.doneAt !== null) return session;
      const done: Session = {
        ...session,
        wrapUp: {
          ...session.wrapUp,
          followUp: { ...session.wrapUp.followUp, doneAt: at.toISOString() },
        },
      };
      writeSessions([done]);
      return done;
    },
    followUpPage(request) {
      const asOf = request.asOf ?? today();
      const text = { text: request.text };
      const entries = needsText(text)
        ? entriesFor(text).filter(matcherFor(text, asOf))
        : ensureIndex().all();
      return followUpPageOf(entries, request, asOf, detailsOf);
    },
    setFollowUpsDone(ids, done, at = now()) {
      const changed: Session[] = [];
      for (const session of getMany(ids)) {
        const followUp = session.wrapUp.followUp;
        if (followUp.date === null || (followUp.doneAt !== null) === done) continue;
        changed.push({
          ...session,
          wrapUp: {
            ...session.wrapUp,
            followUp: { ...followUp, doneAt: done ? at.toISOString() : null },
          },
        });
      }
      if (changed.length > 0) writeSessions(changed);
      return changed;
    },
    warmUp: () => ensureIndex().size,
    flush,
  };
}
