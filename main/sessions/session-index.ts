/** The session log's in-memory index: entries per partition, one newest-first view over all of them. */
import { newestFirst, type FileFingerprint, type IndexEntry } from './session-index-file';
import type { SnapshotPartition } from './session-index-snapshot';

export interface SessionIndex {
  /** Replaces everything known about a partition (an empty list forgets it). */
  setPartition(
    key: string,
    entries: readonly IndexEntry[],
    source: FileFingerprint | undefined,
  ): void;
  get(id: string): IndexEntry | undefined;
  /** Every entry, newest first (ties by id). Rebuilt only after a change. */
  all(): readonly IndexEntry[];
  /** Partitions with the fingerprint of the file their entries came from (for snapshots). */
  partitions(): SnapshotPartition[];
  /** Keys of partitions with entries whose search text is not loaded yet. */
  withoutText(): string[];
  /** A partition's entries, newest first (their `text` may be filled in place). */
  entriesOf(key: string): readonly IndexEntry[];
  /** The fingerprint of the file a partition's entries came from. */
  sourceOf(key: string): FileFingerprint | undefined;
  readonly size: number;
}

function isSorted(entries: readonly IndexEntry[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (newestFirst(entries[i - 1], entries[i]) > 0) return false;
  return true;
}

export function createSessionIndex(): SessionIndex {
  const partitions = new Map<
    string,
    { entries: IndexEntry[]; source: FileFingerprint | undefined }
  >();
  const byId = new Map<string, IndexEntry>();
  let view: IndexEntry[] | undefined;

  return {
    setPartition(key, entries, source) {
      const incoming = new Set(entries.map((entry) => entry.summary.id));
      const dropped = (partitions.get(key)?.entries ?? []).filter(
        (old) => !incoming.has(old.summary.id),
      );
      const sorted = isSorted(entries) ? [...entries] : [...entries].sort(newestFirst);
      if (sorted.length === 0) partitions.delete(key);
      else partitions.set(key, { entries: sorted, source });
      // A session found in two partitions (a crash while one moved) is listed once: the newer partition wins.
      for (const entry of sorted) {
        const known = byId.get(entry.summary.id);
        if (known === undefined || known.partition <= key) byId.set(entry.summary.id, entry);
      }
      for (const old of dropped) {
        if (byId.get(old.summary.id) !== old) continue;
        byId.delete(old.summary.id);
        let other: IndexEntry | undefined;
        for (const { entries: list } of partitions.values()) {
          const found = list.find((entry) => entry.summary.id === old.summary.id);
          if (found && (other === undefined || found.partition > other.partition)) other = found;
        }
        if (other) byId.set(other.summary.id, other);
      }
      view = undefined;
    },
    get: (id) => byId.get(id),
    all() {
      if (view) return view;
      const keys = [...partitions.keys()].sort().reverse();
      const joined: IndexEntry[] = [];
      for (const key of keys) {
        for (const entry of partitions.get(key)?.entries ?? [])
          if (byId.get(entry.summary.id) === entry) joined.push(entry);
      }
      // Day partitions never overlap in time, so joining them newest first is already sorted; month and
      // day partitions of the same month (after a change of granularity) may overlap: sort then.
      if (!isSorted(joined)) joined.sort(newestFirst);
      view = joined;
      return view;
    },
    partitions() {
      const list: SnapshotPartition[] = [];
      for (const [key, { entries, source }] of partitions)
        if (source) list.push({ key, source, entries });
      return list;
    },
    withoutText() {
      const keys: string[] = [];
      for (const [key, { entries }] of partitions)
        if (entries.some((entry) => entry.text === undefined)) keys.push(key);
      return keys;
    },
    entriesOf: (key) => partitions.get(key)?.entries ?? [],
    sourceOf: (key) => partitions.get(key)?.source,
    get size() {
      return byId.size;
    },
  };
}
