/**
 * Reading and writing whole partitions. Writes go through a JsonStore (conf / electron-store: JSON schema
 * check, atomic replace with fsync), then the partition's index file is rewritten from the same sessions.
 * A bad partition (unreadable, invalid, newer version) is moved aside and reported before anything is
 * written to its place; a partition of an older version is kept as `<key>.v<N>-backup.json` and migrated.
 *
 * Files this store wrote or fully validated are remembered by fingerprint (size, mtime, inode): reading
 * one again skips the deep schema check, and the last few partitions stay parsed in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SESSION_SCHEMA_VERSION, type Session } from '../../preload/contract/session-schema';
import {
  entryOf,
  fingerprintOf,
  sameFingerprint,
  writeIndexFile,
  type FileFingerprint,
  type IndexEntry,
} from './session-index-file';
import {
  compareStarted,
  partitionFile,
  partitionIndexFile,
  partitionJsonSchema,
  readPartition,
  type PartitionData,
} from './session-partitions';
import { writeFileAtomic } from '../storage/atomic-write';
import type { JsonStore, JsonStoreFactory } from '../storage/json-store';
import {
  quarantine,
  readJsonFile,
  schemaVersionOf,
  type ProblemLog,
} from '../storage/store-problems';

export interface PartitionStoreDeps {
  readonly sessionsDir: string;
  readonly openStore: JsonStoreFactory;
  readonly problems: ProblemLog;
  readonly now: () => Date;
  /** Told when a bad partition was moved aside (after it was reported). */
  readonly onMovedAside?: (key: string) => void;
  /** Open stores kept (each costs a schema compile to open). */
  readonly maxOpenStores?: number;
}

export interface IndexedPartition {
  readonly entries: IndexEntry[];
  /** Fingerprint of the partition file the entries describe (undefined when there is no file). */
  readonly source: FileFingerprint | undefined;
}

export interface PartitionStore {
  /** The sessions of a partition, oldest first ([] when missing or moved aside as bad). Treat as read-only. */
  read(key: string, options?: { readonly bypassCache?: boolean }): Session[];
  /** Reads, changes and writes a partition; returns its new index entries. Throws when the write fails. */
  update(key: string, change: (sessions: Session[]) => Session[]): IndexedPartition;
  /** Index entries of a partition from its file (rewrites the index file); [] when missing or bad. */
  rebuildIndex(key: string): IndexedPartition;
  /** Marks a partition file as known good (its index file was built from exactly this file). */
  trust(key: string, source: FileFingerprint): void;
}

const PARSED_KEPT = 4;

export function createPartitionStore(deps: PartitionStoreDeps): PartitionStore {
  const { sessionsDir, openStore, problems, now } = deps;
  const maxOpen = deps.maxOpenStores ?? 16;
  const stores = new Map<string, JsonStore<PartitionData>>();
  const trusted = new Map<string, FileFingerprint>();
  const parsed = new Map<string, { source: FileFingerprint; sessions: Session[] }>();

  const touch = <V>(map: Map<string, V>, key: string, value: V, max: number): void => {
    map.delete(key);
    if (map.size >= max) map.delete(map.keys().next().value as string);
    map.set(key, value);
  };

  const storeFor = (key: string): JsonStore<PartitionData> => {
    const store =
      stores.get(key) ??
      openStore<PartitionData>({
        cwd: path.dirname(partitionFile(sessionsDir, key)),
        name: key,
        schema: partitionJsonSchema(),
      });
    touch(stores, key, store, maxOpen);
    return store;
  };

  const remember = (key: string, sessions: Session[]): FileFingerprint | undefined => {
    const source = fingerprintOf(partitionFile(sessionsDir, key));
    if (source) {
      trusted.set(key, source);
      touch(parsed, key, { source, sessions }, PARSED_KEPT);
    }
    return source;
  };

  /** Keeps the file as it was before its first migration (once per old version). */
  const backUpBeforeMigration = (file: string): void => {
    const read = readJsonFile(file);
    const version = read.status === 'ok' ? schemaVersionOf(read.value) : undefined;
    const backup = file.replace(/\.json$/, `.v${version ?? 'old'}-backup.json`);
    if (!fs.existsSync(backup)) fs.copyFileSync(file, backup);
  };

  // Index entries of sessions already summarized (the parsed cache keeps the same objects across saves).
  const summarized = new WeakMap<Session, IndexEntry>();
  const writeIndex = (
    key: string,
    sessions: readonly Session[],
    source: FileFingerprint | undefined,
  ): IndexedPartition => {
    const entries = sessions.map((session) => {
      const known = summarized.get(session);
      if (known && known.partition === key) return known;
      const entry = entryOf(session, key);
      summarized.set(session, entry);
      return entry;
    });
    try {
      if (source) writeIndexFile(partitionIndexFile(sessionsDir, key), entries, source);
    } catch {
      // Only a cache: the next start rebuilds it from the partition.
    }
    return { entries, source };
  };

  /** Reads a partition for use; moves a bad one aside, migrates an old one in place. */
  const load = (key: string, bypassCache = false): Session[] => {
    const file = partitionFile(sessionsDir, key);
    const current = fingerprintOf(file);
    if (current === undefined) return [];
    const cached = parsed.get(key);
    if (!bypassCache && cached && sameFingerprint(cached.source, current)) return cached.sessions;
    const read = readPartition(file, sameFingerprint(trusted.get(key), current));
    if (read.status === 'missing') return [];
    if (read.status === 'bad') {
      problems.report(quarantine(file, read.kind, read.why, now()));
      stores.delete(key);
      trusted.delete(key);
      parsed.delete(key);
      fs.rmSync(partitionIndexFile(sessionsDir, key), { force: true });
      deps.onMovedAside?.(key);
      return [];
    }
    if (read.migrated) {
      backUpBeforeMigration(file);
      // Written directly (same format conf writes): conf would refuse to open the old-version file.
      const data: PartitionData = {
        schemaVersion: SESSION_SCHEMA_VERSION,
        sessions: read.sessions,
      };
      writeFileAtomic(file, JSON.stringify(data));
      stores.delete(key);
      writeIndex(key, read.sessions, remember(key, read.sessions));
    } else if (bypassCache) {
      trusted.set(key, current);
    } else {
      trusted.set(key, current);
      touch(parsed, key, { source: current, sessions: read.sessions }, PARSED_KEPT);
    }
    return read.sessions;
  };

  return {
    read: (key, options) => load(key, options?.bypassCache),
    update(key, change) {
      const sessions = change(load(key)).sort(compareStarted);
      // conf re-reads the whole file on every write to keep its own `__internal__` key unless the new
      // value has one: an empty one saves that read (a third of a save's time).
      storeFor(key).store = { schemaVersion: SESSION_SCHEMA_VERSION, sessions, __internal__: {} };
      return writeIndex(key, sessions, remember(key, sessions));
    },
    rebuildIndex(key) {
      const sessions = load(key);
      return writeIndex(key, sessions, fingerprintOf(partitionFile(sessionsDir, key)));
    },
    trust(key, source) {
      trusted.set(key, source);
    },
  };
}
