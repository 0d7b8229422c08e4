/**
 * Building the in-memory index at first use: from the index snapshot for partitions unchanged since it
 * was written, from each changed partition's own index file, or from the partition itself when that is
 * stale too. Search text loads separately, on the first text search.
 */
import {
  entriesOfRows,
  fingerprintOf,
  readIndexFile,
  sameFingerprint,
  type IndexEntry,
} from './session-index-file';
import { createSessionIndex, type SessionIndex } from './session-index';
import { readSnapshot } from './session-index-snapshot';
import type { PartitionStore } from './session-partition-store';
import { listPartitions, partitionFile, partitionIndexFile } from './session-partitions';
import { removeStaleTempFiles } from '../storage/atomic-write';

export interface LoadedIndex {
  readonly index: SessionIndex;
  /** Partitions not found in the snapshot (or changed since): how far behind the snapshot is. */
  readonly behind: number;
}

export function loadSessionIndex(
  sessionsDir: string,
  partitions: PartitionStore,
  nowMs: number,
): LoadedIndex {
  const index = createSessionIndex();
  const { keys, folders } = listPartitions(sessionsDir);
  for (const [folder, names] of folders) removeStaleTempFiles(folder, names, nowMs);
  const snapshot = readSnapshot(sessionsDir, 'rows');
  let behind = 0;
  for (const key of keys) {
    const source = fingerprintOf(partitionFile(sessionsDir, key));
    const section = snapshot.get(key);
    let entries: IndexEntry[] | undefined =
      section && sameFingerprint(section.source, source)
        ? entriesOfRows(section.items, undefined, key)
        : undefined;
    if (!entries) {
      behind++;
      entries = source && readIndexFile(partitionIndexFile(sessionsDir, key), key, source);
    }
    if (entries && source) {
      partitions.trust(key, source);
      index.setPartition(key, entries, source);
    } else {
      const rebuilt = partitions.rebuildIndex(key);
      index.setPartition(key, rebuilt.entries, rebuilt.source);
    }
  }
  return { index, behind };
}

/** Fills in the search text of every entry that has none yet; returns how many partitions were not in the text snapshot. */
export function loadSearchTexts(
  sessionsDir: string,
  index: SessionIndex,
  partitions: PartitionStore,
): number {
  const missing = index.withoutText();
  let behind = 0;
  const snapshot = readSnapshot(sessionsDir, 'texts');
  for (const key of missing) {
    const entries = index.entriesOf(key);
    const source = index.sourceOf(key);
    const section = snapshot.get(key);
    const texts = section && sameFingerprint(section.source, source) ? section.items : undefined;
    if (
      Array.isArray(texts) &&
      texts.length === entries.length &&
      texts.every((text) => typeof text === 'string')
    ) {
      entries.forEach((entry, i) => (entry.text = texts[i] as string));
      continue;
    }
    behind++;
    const fromFile = source && readIndexFile(partitionIndexFile(sessionsDir, key), key, source);
    const byId = new Map((fromFile ?? []).map((entry) => [entry.summary.id, entry.text]));
    if (fromFile && entries.every((entry) => byId.has(entry.summary.id))) {
      for (const entry of entries) entry.text = byId.get(entry.summary.id);
      continue;
    }
    const rebuilt = partitions.rebuildIndex(key);
    index.setPartition(key, rebuilt.entries, rebuilt.source);
  }
  return behind;
}
