/**
 * A partition's index file: the log rows and search text of its sessions, so opening the log reads small
 * files instead of every session. It is a cache: it names the partition file it was built from (size,
 * mtime, inode), and a missing, stale or malformed one is rebuilt from the partition.
 */
import fs from 'node:fs';
import {
  ESCALATION_VALUES,
  RESOLUTION_VALUES,
  type Session,
} from '../../preload/contract/session-schema';
import type { SessionSummary } from '../../preload/contract/session-ipc-schema';
import { searchTextOf, summarizeSession } from './session-summary';
import { writeFileAtomic } from '../storage/atomic-write';

export interface IndexEntry {
  readonly summary: SessionSummary;
  readonly startedMs: number;
  /** Partition key of the file that holds the session. */
  readonly partition: string;
  /** Folded search text (see searchTextOf); undefined until loaded (the log's first page needs none). */
  text: string | undefined;
}

export interface FileFingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export const INDEX_FORMAT = 2;

/** A summary as a compact row (the order of SessionSummary's fields). */
export type IndexRow = [
  id: string,
  agent: string,
  startedAt: string,
  durationSec: number,
  resolution: SessionSummary['resolution'],
  escalation: SessionSummary['escalation'],
  followUpDate: string | null,
  followUpDone: 0 | 1,
  caseReference: string,
  priorityCount: number,
  confirmedPriorityCount: number,
  overtalkCount: number,
  tooLoudCount: number,
  heatedCount: number,
  hasTimeline: 0 | 1,
];

export function fingerprintOf(file: string): FileFingerprint | undefined {
  try {
    const stat = fs.statSync(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
  } catch {
    return undefined;
  }
}

export function sameFingerprint(a: unknown, b: FileFingerprint | undefined): boolean {
  if (typeof a !== 'object' || a === null || b === undefined) return false;
  const f = a as Record<string, unknown>;
  return f.size === b.size && f.mtimeMs === b.mtimeMs && f.ino === b.ino;
}

export function entryOf(session: Session, partition: string): IndexEntry {
  return {
    summary: summarizeSession(session),
    startedMs: Date.parse(session.startedAt),
    partition,
    text: searchTextOf(session),
  };
}

/** Newest first, ties by id (descending) — the log's order. */
export function newestFirst(a: IndexEntry, b: IndexEntry): number {
  if (a.startedMs !== b.startedMs) return b.startedMs - a.startedMs;
  return a.summary.id < b.summary.id ? 1 : a.summary.id > b.summary.id ? -1 : 0;
}

export function rowOf({ summary: s }: IndexEntry): IndexRow {
  return [
    s.id,
    s.agent,
    s.startedAt,
    s.durationSec,
    s.resolution,
    s.escalation,
    s.followUpDate,
    s.followUpDone ? 1 : 0,
    s.caseReference,
    s.priorityCount,
    s.confirmedPriorityCount,
    s.overtalkCount,
    s.tooLoudCount,
    s.heatedCount,
    s.hasTimeline ? 1 : 0,
  ];
}

const RESOLUTIONS: ReadonlySet<unknown> = new Set([...RESOLUTION_VALUES, null]);
const ESCALATIONS: ReadonlySet<unknown> = new Set(ESCALATION_VALUES);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** An entry from a row (checked: the file is a cache anyone could have edited); undefined when malformed. */
export function entryOfRow(row: unknown, partition: string, text: unknown): IndexEntry | undefined {
  if (!Array.isArray(row) || row.length !== 15 || (text !== undefined && !isString(text)))
    return undefined;
  const [
    id,
    agent,
    startedAt,
    durationSec,
    resolution,
    escalation,
    followUpDate,
    done,
    caseReference,
  ] = row;
  const [priorityCount, confirmedCount, overtalkCount, tooLoudCount, heatedCount, hasTimeline] =
    row.slice(9);
  const startedMs = isString(startedAt) ? Date.parse(startedAt) : Number.NaN;
  const valid =
    isString(id) &&
    isString(agent) &&
    Number.isFinite(startedMs) &&
    typeof durationSec === 'number' &&
    RESOLUTIONS.has(resolution) &&
    ESCALATIONS.has(escalation) &&
    (followUpDate === null || isString(followUpDate)) &&
    (done === 0 || done === 1) &&
    isString(caseReference) &&
    isCount(priorityCount) &&
    isCount(confirmedCount) &&
    isCount(overtalkCount) &&
    isCount(tooLoudCount) &&
    isCount(heatedCount) &&
    (hasTimeline === 0 || hasTimeline === 1);
  if (!valid) return undefined;
  const summary = {
    id,
    agent,
    startedAt,
    durationSec,
    resolution,
    escalation,
    followUpDate,
    followUpDone: done === 1,
    caseReference,
    priorityCount,
    confirmedPriorityCount: confirmedCount,
    overtalkCount,
    tooLoudCount,
    heatedCount,
    hasTimeline: hasTimeline === 1,
  } as SessionSummary;
  return { summary, startedMs, partition, text: text as string | undefined };
}

/** Entries from rows and (optional) texts; undefined when any row is malformed. */
export function entriesOfRows(
  rows: unknown,
  texts: unknown,
  partition: string,
): IndexEntry[] | undefined {
  if (
    !Array.isArray(rows) ||
    (texts !== undefined && (!Array.isArray(texts) || texts.length !== rows.length))
  )
    return undefined;
  const entries: IndexEntry[] = [];
  for (let i = 0; i < rows.length; i++) {
    const entry = entryOfRow(rows[i], partition, (texts as unknown[] | undefined)?.[i]);
    if (!entry) return undefined;
    entries.push(entry);
  }
  return entries;
}

/** Writes the index of a partition just written (no fsync: it can always be rebuilt). Entries newest first. */
export function writeIndexFile(
  file: string,
  entries: readonly IndexEntry[],
  source: FileFingerprint,
): void {
  const sorted = [...entries].sort(newestFirst);
  const content = {
    format: INDEX_FORMAT,
    source,
    rows: sorted.map(rowOf),
    texts: sorted.map((entry) => entry.text ?? ''),
  };
  writeFileAtomic(file, JSON.stringify(content), { fsync: false });
}

/** The entries in an index file, or undefined when it is missing, malformed or not built from `source`. */
export function readIndexFile(
  file: string,
  partition: string,
  source: FileFingerprint,
): IndexEntry[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { format, source: built, rows, texts } = parsed as Record<string, unknown>;
  if (format !== INDEX_FORMAT || !sameFingerprint(built, source) || texts === undefined)
    return undefined;
  return entriesOfRows(rows, texts, partition);
}
