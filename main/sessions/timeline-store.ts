/**
 * Loudness timelines, one file per call beside the session log: `<data>/timelines/YYYY-MM/<id>.json`
 * (the UTC month it was saved, i.e. the call's end). Written once at call end, atomically with fsync.
 * A timeline file that cannot be used is moved aside and reported like any store file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CallTimeline } from '../../renderer/engine/call-types';
import { callTimelineSchema } from '../../preload/contract/session-ipc-schema';
import { describeIssues } from '../../preload/contract/describe-issues';
import { writeFileAtomic } from '../storage/atomic-write';
import {
  createProblemLog,
  quarantine,
  readJsonFile,
  schemaVersionOf,
  type ProblemLog,
  type StoreProblemKind,
  type StoreProblemWhy,
} from '../storage/store-problems';

export const TIMELINE_FILE_VERSION = 1;

export interface TimelineStoreDeps {
  readonly dataDir: string;
  readonly now?: () => Date;
  readonly problems?: ProblemLog;
}

/** Months to look in first (e.g. the session's start and end); others are searched after. */
export type MonthHints = readonly (string | undefined)[];

export interface TimelineStore {
  readonly timelinesDir: string;
  /** Writes (or replaces) a call's timeline; returns the file size in bytes. Throws when it could not be written. */
  save(id: string, timeline: CallTimeline): number;
  get(id: string, hints?: MonthHints): CallTimeline | null;
  has(id: string, hints?: MonthHints): boolean;
  /** Deletes a call's timeline (a discarded call, a deleted session); false when there was none. */
  remove(id: string, hints?: MonthHints): boolean;
}

const MONTH = /^\d{4}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;

/** 'YYYY-MM' (UTC) of an ISO time, for hints. */
export function monthOf(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 7) : undefined;
}

export function openTimelineStore(deps: TimelineStoreDeps): TimelineStore {
  const timelinesDir = path.join(deps.dataDir, 'timelines');
  const now = deps.now ?? (() => new Date());
  const problems = deps.problems ?? createProblemLog();
  const fileIn = (month: string, id: string) => path.join(timelinesDir, month, `${id}.json`);

  const find = (id: string, hints: MonthHints = []): string | undefined => {
    if (!ID.test(id)) return undefined;
    const tried = new Set<string>();
    for (const month of [...hints, monthOf(now().toISOString())]) {
      if (month === undefined || tried.has(month)) continue;
      tried.add(month);
      if (fs.existsSync(fileIn(month, id))) return fileIn(month, id);
    }
    let months: string[] = [];
    try {
      months = fs.readdirSync(timelinesDir).filter((name) => MONTH.test(name) && !tried.has(name));
    } catch {
      return undefined;
    }
    for (const month of months.sort().reverse())
      if (fs.existsSync(fileIn(month, id))) return fileIn(month, id);
    return undefined;
  };

  return {
    timelinesDir,
    save(id, timeline) {
      if (!ID.test(id)) throw new Error('Not a call id');
      const target = find(id) ?? fileIn(monthOf(now().toISOString()) as string, id);
      const text = JSON.stringify({ schemaVersion: TIMELINE_FILE_VERSION, id, timeline });
      writeFileAtomic(target, text);
      return Buffer.byteLength(text, 'utf8');
    },
    get(id, hints) {
      const file = find(id, hints);
      if (file === undefined) return null;
      const read = readJsonFile(file);
      if (read.status === 'missing') return null;
      const report = (kind: StoreProblemKind, why: StoreProblemWhy) => {
        problems.report(quarantine(file, kind, why, now()));
        return null;
      };
      if (read.status === 'bad') return report('not-json', read.why);
      const version = schemaVersionOf(read.value);
      if (version !== undefined && version > TIMELINE_FILE_VERSION) {
        return report('future-version', {
          code: 'newer-version',
          found: version,
          readsUpTo: TIMELINE_FILE_VERSION,
        });
      }
      const parsed = callTimelineSchema.safeParse(
        (read.value as { timeline?: unknown } | null)?.timeline,
      );
      if (version !== TIMELINE_FILE_VERSION || !parsed.success) {
        return report(
          'invalid',
          parsed.success
            ? { code: 'no-version' }
            : { code: 'invalid', issues: describeIssues(parsed.error) },
        );
      }
      return parsed.data;
    },
    has: (id, hints) => find(id, hints) !== undefined,
    remove(id, hints) {
      const file = find(id, hints);
      if (file === undefined) return false;
      fs.rmSync(file, { force: true });
      return true;
    },
  };
}
