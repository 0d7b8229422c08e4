/**
 * Reading and writing whole partitions. Writes go through a JsonStore (conf / electron-store: JSON schema
 * check, atomic replace with fsync), then the partition's index file is rewritten from the same sessions.
 * A bad partition (unreadable, invalid, newer version) is moved aside and reported before anything is
 * written to its place; a partition of an older version is kept as `<key>.v<N>-backup.json` and migrated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SESSION_SCHEMA_VERSION, type Session } from '../../preload/session-schema';
import { entryOf, fingerprintOf, writeIndexFile, type IndexEntry } from './session-index-file';
import {
  compareStarted,
  partitionFile,
  partitionIndexFile,
  partitionJsonSchema,
  readPartition,
  type PartitionData,
} from './session-partitions';
import { writeFileAtomic } from './store-atomic-write';
import type { JsonStore, JsonStoreFactory } from './store-json-store';
import { quarantine, readJsonFile, schemaVersionOf, type ProblemLog } from './store-problems';

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

export interface PartitionStore {
  /** The sessions of a partition, oldest first ([] when missing or moved aside as bad). */
  read(key: string): Session[];
  /** Reads, changes and writes a partition; returns its new index entries. Throws when the write fails. */
  update(key: string, change: (sessions: Session[]) => Session[]): IndexEntry[];
  /** Index entries of a partition from its file (rewrites the index file); [] when missing or bad. */
  rebuildIndex(key: string): IndexEntry[];
}

export function createPartitionStore(deps: PartitionStoreDeps): PartitionStore {
  const { sessionsDir, openStore, problems, now } = deps;
  const maxOpen = deps.maxOpenStores ?? 16;
  const stores = new Map<string, JsonStore<PartitionData>>();

  const storeFor = (key: string): JsonStore<PartitionData> => {
    let store = stores.get(key);
    if (store) {
      stores.delete(key);
    } else {
      const file = partitionFile(sessionsDir, key);
      store = openStore<PartitionData>({ cwd: path.dirname(file), name: key, schema: partitionJsonSchema() });
      if (stores.size >= maxOpen) stores.delete(stores.keys().next().value as string);
    }
    stores.set(key, store);
    return store;
  };

  /** Keeps the file as it was before its first migration (once per old version). */
  const backUpBeforeMigration = (file: string): void => {
    const read = readJsonFile(file);
    const version = read.status === 'ok' ? schemaVersionOf(read.value) : undefined;
    const backup = file.replace(/\.json$/, `.v${version ?? 'old'}-backup.json`);
    if (!fs.existsSync(backup)) fs.copyFileSync(file, backup);
  };

  const writeIndex = (key: string, sessions: readonly Session[]): IndexEntry[] => {
    const entries = sessions.map((session) => entryOf(session, key));
    const source = fingerprintOf(partitionFile(sessionsDir, key));
    try {
      if (source) writeIndexFile(partitionIndexFile(sessionsDir, key), entries, source);
    } catch {
      // Only a cache: the next start rebuilds it from the partition.
    }
    return entries;
  };

  /** Reads a partition for use; moves a bad one aside, migrates an old one in place. */
  const load = (key: string): Session[] => {
    const file = partitionFile(sessionsDir, key);
    const read = readPartition(file);
    if (read.status === 'missing') return [];
    if (read.status === 'bad') {
      problems.report(quarantine(file, read.kind, read.detail, now()));
      stores.delete(key);
      fs.rmSync(partitionIndexFile(sessionsDir, key), { force: true });
      deps.onMovedAside?.(key);
      return [];
    }
    if (read.migrated) {
      backUpBeforeMigration(file);
      // Written directly (same format conf writes): conf would refuse to open the old-version file.
      const data: PartitionData = { schemaVersion: SESSION_SCHEMA_VERSION, sessions: read.sessions };
      writeFileAtomic(file, JSON.stringify(data));
      stores.delete(key);
      writeIndex(key, read.sessions);
    }
    return read.sessions;
  };

  return {
    read: load,
    update(key, change) {
      const sessions = change(load(key)).sort(compareStarted);
      const store = storeFor(key);
      store.store = { schemaVersion: SESSION_SCHEMA_VERSION, sessions };
      return writeIndex(key, sessions);
    },
    rebuildIndex(key) {
      return writeIndex(key, load(key));
    },
  };
}
