/**
 * Store files that cannot be used as they are — truncated, not JSON, invalid, or written by a newer
 * version of Calm Line — are moved aside untouched as `<name>.corrupt-<timestamp>.json` (never
 * overwritten, never deleted), and the move is reported so the user can be told what happened and where.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  StorageNotice,
  StoreProblemKind,
  StoreProblemWhy,
} from '../../preload/contract/storage-notice';

export type { StoreProblemKind, StoreProblemWhy } from '../../preload/contract/storage-notice';

export interface StoreProblem {
  readonly kind: StoreProblemKind;
  /** The file as it was found. */
  readonly file: string;
  /** Where it is now. */
  readonly movedTo: string;
  /** What was wrong, as data (the page words it in the agent's language). */
  readonly why: StoreProblemWhy;
  /** The same in English, for the log (e.g. "schema version 3, this app reads up to 2"). */
  readonly detail: string;
  /** When it was moved (ISO). */
  readonly at: string;
}

export type ReadJson =
  | { status: 'missing' }
  | { status: 'ok'; value: unknown }
  | { status: 'bad'; why: StoreProblemWhy };

/** Reads and parses a JSON file. An empty or cut-off file is 'bad' (a crash or full disk mid-write). */
export function readJsonFile(file: string): ReadJson {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    return { status: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    const why: StoreProblemWhy =
      text.trim() === ''
        ? { code: 'empty' }
        : { code: 'not-json', parser: (error as Error).message };
    return { status: 'bad', why };
  }
}

/** Version number in a stored object: its `schemaVersion` when it is a positive integer. */
export function schemaVersionOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isSafeInteger(version) && version > 0
    ? version
    : undefined;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Renames `file` to `<name>.corrupt-<timestamp>.json` in the same folder (adds -2, -3… if taken). */
export function moveAside(file: string, now: Date): string {
  const folder = path.dirname(file);
  const base = path.basename(file).replace(/\.json$/, '');
  const stamp = timestamp(now);
  for (let attempt = 1; ; attempt++) {
    const target = path.join(
      folder,
      `${base}.corrupt-${stamp}${attempt === 1 ? '' : `-${attempt}`}.json`,
    );
    if (!fs.existsSync(target)) {
      fs.renameSync(file, target);
      return target;
    }
  }
}

export function quarantine(
  file: string,
  kind: StoreProblemKind,
  why: StoreProblemWhy,
  now: Date,
): StoreProblem {
  const movedTo = moveAside(file, now);
  return { kind, file, movedTo, why, detail: describeWhy(why), at: now.toISOString() };
}

/** Why, in English for the log. */
export function describeWhy(why: StoreProblemWhy): string {
  switch (why.code) {
    case 'empty':
      return 'the file is empty';
    case 'not-json':
      return `not valid JSON (${why.parser})`;
    case 'newer-version':
      return `schema version ${why.found}, this app reads up to ${why.readsUpTo}`;
    case 'no-version':
      return 'no schemaVersion';
    case 'no-sessions':
      return 'no schemaVersion or no sessions list';
    case 'invalid':
      return why.issues;
    case 'invalid-session':
      return `session ${why.position}: ${why.issues}`;
  }
}

const KIND_TEXT: Record<StoreProblemKind, string> = {
  'not-json': 'could not be read',
  invalid: 'did not hold valid data',
  'future-version': 'was written by a newer version of Calm Line',
};

/** One line for the log: what happened and where the file is now. */
export function describeStoreProblem(problem: StoreProblem): string {
  return `${path.basename(problem.file)} ${KIND_TEXT[problem.kind]} (${problem.detail}); it was moved, unchanged, to ${problem.movedTo}`;
}

/** The page's notice of a moved file: the same facts as data, with the English line as its identity. */
export function storageNoticeOf(problem: StoreProblem): StorageNotice {
  return {
    kind: 'moved',
    problem: problem.kind,
    file: path.basename(problem.file),
    movedTo: problem.movedTo,
    why: problem.why,
    message: describeStoreProblem(problem),
  };
}

export interface ProblemLog {
  report(problem: StoreProblem): void;
  /** Every problem since start, oldest first. */
  list(): readonly StoreProblem[];
  /** Listener hears each new problem; returns an unsubscribe. */
  onProblem(listener: (problem: StoreProblem) => void): () => void;
}

export function createProblemLog(): ProblemLog {
  const problems: StoreProblem[] = [];
  const listeners = new Set<(problem: StoreProblem) => void>();
  return {
    report(problem) {
      problems.push(problem);
      for (const listener of [...listeners]) listener(problem);
    },
    list: () => [...problems],
    onProblem(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
