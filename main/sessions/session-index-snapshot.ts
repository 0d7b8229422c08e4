/**
 * The whole session index in two files, so a cold start reads two files instead of one per day:
 *   sessions/index-snapshot.json        per partition: the fingerprint it was built from, and its rows
 *   sessions/index-snapshot-text.json   per partition: the fingerprint, and its sessions' search text
 * Written when the repository is flushed (app shutdown) or after a start that found it far behind. A
 * partition whose file changed since (its fingerprint differs) is read from its own index file instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rowOf, type FileFingerprint, type IndexEntry } from './session-index-file';
import { writeFileAtomic } from '../storage/atomic-write';

const SNAPSHOT_FORMAT = 1;
export const ROW_SNAPSHOT_FILE = 'index-snapshot.json';
export const TEXT_SNAPSHOT_FILE = 'index-snapshot-text.json';

export interface SnapshotPartition {
  readonly key: string;
  readonly source: FileFingerprint;
  /** Newest first. */
  readonly entries: readonly IndexEntry[];
}

export interface SnapshotSection {
  readonly source: unknown;
  readonly items: unknown;
}

function write(file: string, sections: unknown[]): void {
  writeFileAtomic(file, JSON.stringify({ format: SNAPSHOT_FORMAT, partitions: sections }), {
    fsync: false,
  });
}

export function writeRowSnapshot(
  sessionsDir: string,
  partitions: Iterable<SnapshotPartition>,
): void {
  const sections = [...partitions].map(({ key, source, entries }) => [
    key,
    source,
    entries.map(rowOf),
  ]);
  write(path.join(sessionsDir, ROW_SNAPSHOT_FILE), sections);
}

/** Only partitions whose texts are all loaded; returns false (writes nothing) when none are. */
export function writeTextSnapshot(
  sessionsDir: string,
  partitions: Iterable<SnapshotPartition>,
): boolean {
  const sections = [...partitions]
    .filter(({ entries }) => entries.every((entry) => entry.text !== undefined))
    .map(({ key, source, entries }) => [key, source, entries.map((entry) => entry.text)]);
  if (sections.length === 0) return false;
  write(path.join(sessionsDir, TEXT_SNAPSHOT_FILE), sections);
  return true;
}

/** Sections by partition key (unchecked: callers compare the fingerprint and validate the items). */
export function readSnapshot(
  sessionsDir: string,
  kind: 'rows' | 'texts',
): Map<string, SnapshotSection> {
  const sections = new Map<string, SnapshotSection>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      fs.readFileSync(
        path.join(sessionsDir, kind === 'rows' ? ROW_SNAPSHOT_FILE : TEXT_SNAPSHOT_FILE),
        'utf8',
      ),
    );
  } catch {
    return sections;
  }
  const { format, partitions } = (parsed ?? {}) as Record<string, unknown>;
  if (format !== SNAPSHOT_FORMAT || !Array.isArray(partitions)) return sections;
  for (const section of partitions) {
    if (Array.isArray(section) && section.length === 3 && typeof section[0] === 'string') {
      sections.set(section[0], { source: section[1], items: section[2] });
    }
  }
  return sections;
}
