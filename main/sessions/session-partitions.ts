/**
 * Where sessions live on disk. conf rewrites a whole file on every save, so sessions are split into
 * partitions by the UTC day they started (about 80 calls, a few hundred KB): a save rewrites one day.
 *
 *   <data>/sessions/2025-03/2025-03-14.json         partition (conf store): { schemaVersion, sessions[] }
 *   <data>/sessions/2025-03/2025-03-14.index.json   its index (summaries + search text), a rebuildable cache
 *
 * Month partitions (`2025-03/2025-03.json`) are read the same way (the bench compares both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  SESSION_SCHEMA_VERSION,
  sessionSchema,
  type Session,
} from '../../preload/contract/session-schema';
import { migrateSession } from './session-migrations';
import { jsonSchemaProperties } from '../storage/json-store';
import {
  readJsonFile,
  schemaVersionOf,
  type StoreProblemKind,
  type StoreProblemWhy,
} from '../storage/store-problems';

export type PartitionGranularity = 'day' | 'month';

/** Partition key: 'YYYY-MM-DD' (day) or 'YYYY-MM' (month) of the UTC time a session started. */
export function partitionKeyOf(
  startedAt: string,
  granularity: PartitionGranularity = 'day',
): string {
  const utc = new Date(Date.parse(startedAt)).toISOString();
  return granularity === 'day' ? utc.slice(0, 10) : utc.slice(0, 7);
}

const KEY_PATTERN = /^(\d{4}-\d{2})(-\d{2})?$/;
const PARTITION_FILE = /^(\d{4}-\d{2}(?:-\d{2})?)\.json$/;
const MONTH_FOLDER = /^\d{4}-\d{2}$/;

export function partitionFolder(sessionsDir: string, key: string): string {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new Error(`Not a partition key: ${key}`);
  return path.join(sessionsDir, match[1]);
}
export function partitionFile(sessionsDir: string, key: string): string {
  return path.join(partitionFolder(sessionsDir, key), `${key}.json`);
}
export function partitionIndexFile(sessionsDir: string, key: string): string {
  return path.join(partitionFolder(sessionsDir, key), `${key}.index.json`);
}

export interface PartitionListing {
  /** Partition keys, newest first. */
  readonly keys: string[];
  /** Every file name per month folder (for sidecars and leftover temp files). */
  readonly folders: ReadonlyMap<string, readonly string[]>;
}

export function listPartitions(sessionsDir: string): PartitionListing {
  const keys: string[] = [];
  const folders = new Map<string, string[]>();
  let months: string[];
  try {
    months = fs.readdirSync(sessionsDir).filter((name) => MONTH_FOLDER.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys, folders };
    throw error;
  }
  for (const month of months) {
    const folder = path.join(sessionsDir, month);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    folders.set(folder, names);
    for (const name of names) {
      const match = PARTITION_FILE.exec(name);
      if (match && match[1].startsWith(month)) keys.push(match[1]);
    }
  }
  // 'YYYY-MM' sorts before 'YYYY-MM-DD' of the same month; newest first either way.
  keys.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return { keys, folders };
}

/** What a partition file holds (current version). */
export interface PartitionData extends Record<string, unknown> {
  schemaVersion: number;
  sessions: Session[];
}

export const partitionSchema = z.strictObject({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  sessions: z.array(sessionSchema),
});

let cachedJsonSchema: Record<string, unknown> | undefined;
/** The JSON schema conf validates every partition read and write against. */
export function partitionJsonSchema(): Record<string, unknown> {
  cachedJsonSchema ??= jsonSchemaProperties(partitionSchema);
  return cachedJsonSchema;
}

export type PartitionRead =
  | { readonly status: 'missing' }
  | {
      readonly status: 'ok';
      readonly sessions: Session[];
      /** Held older records (now migrated). */ readonly migrated: boolean;
    }
  | { readonly status: 'bad'; readonly kind: StoreProblemKind; readonly why: StoreProblemWhy };

/**
 * Reads a partition of any known version: parsed, migrated, validated. Never changes the file.
 * `trusted`: the file is one this app wrote or validated (same fingerprint), so current-version records
 * skip the deep check (about 0.15 ms a session); anything else is still checked.
 */
export function readPartition(file: string, trusted = false): PartitionRead {
  const read = readJsonFile(file);
  if (read.status === 'missing') return read;
  if (read.status === 'bad') return { status: 'bad', kind: 'not-json', why: read.why };
  const raw = read.value;
  const version = schemaVersionOf(raw);
  if (version !== undefined && version > SESSION_SCHEMA_VERSION) {
    const why = {
      code: 'newer-version',
      found: version,
      readsUpTo: SESSION_SCHEMA_VERSION,
    } as const;
    return { status: 'bad', kind: 'future-version', why };
  }
  const list = (raw as { sessions?: unknown } | null)?.sessions;
  if (version === undefined || !Array.isArray(list)) {
    return { status: 'bad', kind: 'invalid', why: { code: 'no-sessions' } };
  }
  if (
    trusted &&
    version === SESSION_SCHEMA_VERSION &&
    list.every((record) => schemaVersionOf(record) === version)
  ) {
    return { status: 'ok', sessions: list as Session[], migrated: false };
  }
  const sessions: Session[] = [];
  let migrated = version < SESSION_SCHEMA_VERSION;
  for (const [position, record] of list.entries()) {
    const outcome = migrateSession(record);
    if (!outcome.ok) {
      const kind = outcome.reason === 'future-version' ? 'future-version' : 'invalid';
      const why = {
        code: 'invalid-session',
        position: position + 1,
        issues: outcome.message,
      } as const;
      return { status: 'bad', kind, why };
    }
    if (outcome.from !== SESSION_SCHEMA_VERSION) migrated = true;
    sessions.push(outcome.session);
  }
  return { status: 'ok', sessions, migrated };
}

/** Sessions in a partition are kept oldest first (a new call is appended). */
export function compareStarted(a: Session, b: Session): number {
  const delta = Date.parse(a.startedAt) - Date.parse(b.startedAt);
  return delta !== 0 ? delta : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
