/** The session log's in-memory index: entries per partition, one newest-first view over all of them. */
import type { IndexEntry } from './session-index-file';

export interface SessionIndex {
  /** Replaces everything known about a partition (an empty list forgets it). */
  setPartition(key: string, entries: readonly IndexEntry[]): void;
  get(id: string): IndexEntry | undefined;
  /** Every entry, newest first (ties by id). Rebuilt only after a change. */
  all(): readonly IndexEntry[];
  readonly size: number;
}

function newestFirst(a: IndexEntry, b: IndexEntry): number {
  if (a.startedMs !== b.startedMs) return b.startedMs - a.startedMs;
  return a.summary.id < b.summary.id ? 1 : a.summary.id > b.summary.id ? -1 : 0;
}

export function createSessionIndex(): SessionIndex {
  const partitions = new Map<string, IndexEntry[]>();
  const byId = new Map<string, IndexEntry>();
  let view: IndexEntry[] | undefined;

  return {
    setPartition(key, entries) {
      const incoming = new Set(entries.map((entry) => entry.summary.id));
      const dropped = (partitions.get(key) ?? []).filter((old) => !incoming.has(old.summary.id));
      if (entries.length === 0) partitions.delete(key);
      else partitions.set(key, [...entries].sort(newestFirst));
      // A session found in two partitions (a crash while one moved) is listed once: the newer partition wins.
      for (const entry of entries) {
        const known = byId.get(entry.summary.id);
        if (known === undefined || known.partition <= key) byId.set(entry.summary.id, entry);
      }
      for (const old of dropped) {
        if (byId.get(old.summary.id) !== old) continue;
        byId.delete(old.summary.id);
        let other: IndexEntry | undefined;
        for (const list of partitions.values()) {
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
        for (const entry of partitions.get(key) ?? []) if (byId.get(entry.summary.id) === entry) joined.push(entry);
      }
      // Day partitions never overlap in time, so joining them newest first is already sorted; month and
      // day partitions of the same month (after a change of granularity) may overlap: sort then.
      for (let i = 1; i < joined.length; i++) {
        if (newestFirst(joined[i - 1], joined[i]) > 0) {
          joined.sort(newestFirst);
          break;
        }
      }
      view = joined;
      return view;
    },
    get size() {
      return byId.size;
    },
  };
}
