/**
 * Session repository at scale: 50,000 realistic sessions over about two years (60–100 calls a day, six
 * days a week), cached in .tmp/bench/ by a hash of the recipe. Figures:
 *   log_first_rows_ms      cold open of the repository (index files) → first page of the log (≤ 300)
 *   save_ms_p95_at_50k     p95 of a day's 100 saves into today's partition, index loaded, best day of runs (≤ 20)
 *   log_first_search_ms    the first text search after opening (loads the search text)
 *   log_search_ms          a text search over all 50,000 (warm index)
 * and the references in the same run: the same 100 saves into one store per month (the example)
 * and into one store for everything (electron-store's default), as ratios to ours.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { Session } from '../../preload/contract/session-schema';
import { openSessionRepository } from '../../main/sessions/session-repository';
import {
  entryOf,
  fingerprintOf,
  INDEX_FORMAT,
  writeIndexFile,
} from '../../main/sessions/session-index-file';
import {
  partitionFile,
  partitionIndexFile,
  partitionJsonSchema,
} from '../../main/sessions/session-partitions';
import { writeFileAtomic } from '../../main/storage/atomic-write';
import { sessionAt, seededRandom } from '../support/session-factory';
import { PROJECT_ROOT } from '../support/test-audio';
import { round, type BenchModule } from './bench-module';

const RECIPE = {
  sessions: 50_000,
  seed: 4242,
  lastDay: '2026-10-31',
  callsPerDay: [60, 100],
  generator: 1,
  indexFormat: INDEX_FORMAT,
};
const SAVES = 100;
const DAY_MS = 86_400_000;

function datasetDir(): string {
  const hash = createHash('sha256').update(JSON.stringify(RECIPE)).digest('hex').slice(0, 12);
  return path.join(PROJECT_ROOT, '.tmp', 'bench', `sessions-50k-${hash}`);
}

/** Calls of one working day, 08:00–18:00 UTC, oldest first. */
function daySessions(random: () => number, dayStartMs: number, count: number): Session[] {
  const starts = Array.from(
    { length: count },
    () => dayStartMs + 8 * 3_600_000 + random() * 10 * 3_600_000,
  ).sort((a, b) => a - b);
  return starts.map((startedMs) => sessionAt(random, { startedMs: Math.round(startedMs) }));
}

/** Writes the dataset as the repository stores it (partition + index file per day), newest day first. */
function generate(dataDir: string, log: (message: string) => void): void {
  const random = seededRandom(RECIPE.seed);
  const sessionsDir = path.join(dataDir, 'sessions');
  let left = RECIPE.sessions;
  let dayMs = Date.parse(`${RECIPE.lastDay}T00:00:00Z`);
  let bytes = 0;
  while (left > 0) {
    if (new Date(dayMs).getUTCDay() !== 0) {
      const [min, max] = RECIPE.callsPerDay;
      const count = Math.min(left, min + Math.floor(random() * (max - min + 1)));
      const sessions = daySessions(random, dayMs, count);
      const key = new Date(dayMs).toISOString().slice(0, 10);
      const text = JSON.stringify({ schemaVersion: 2, sessions });
      writeFileAtomic(partitionFile(sessionsDir, key), text, { fsync: false });
      const source = fingerprintOf(partitionFile(sessionsDir, key));
      if (!source) throw new Error('partition not written');
      writeIndexFile(
        partitionIndexFile(sessionsDir, key),
        sessions.map((s) => entryOf(s, key)),
        source,
      );
      bytes += text.length;
      left -= count;
    }
    dayMs -= DAY_MS;
  }
  log(
    `generated ${RECIPE.sessions} sessions, ${round(bytes / 1e6, 1)} MB, first day ${new Date(dayMs + DAY_MS).toISOString().slice(0, 10)}`,
  );
}

function ensureDataset(log: (message: string) => void): string {
  const dir = datasetDir();
  const marker = path.join(dir, 'recipe.json');
  if (fs.existsSync(marker)) return path.join(dir, 'data');
  fs.rmSync(dir, { recursive: true, force: true });
  log('generating the 50k-session dataset (once; cached in .tmp/bench)…');
  generate(path.join(dir, 'data'), log);
  fs.writeFileSync(marker, JSON.stringify(RECIPE));
  return path.join(dir, 'data');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The day after the dataset: "today" for the saves (removed afterwards so the cache stays as generated). */
const TODAY_MS = Date.parse(`${RECIPE.lastDay}T00:00:00Z`) + DAY_MS;

function todaysCalls(): Session[] {
  return daySessions(seededRandom(RECIPE.seed + 1), TODAY_MS, SAVES);
}

/** Saves into a store holding `before` sessions the way one conf store per month/everything does. */
function referenceSaves(
  folder: string,
  name: string,
  before: Session[],
  incoming: Session[],
): number[] {
  fs.rmSync(folder, { recursive: true, force: true });
  writeFileAtomic(
    path.join(folder, `${name}.json`),
    JSON.stringify({ schemaVersion: 2, sessions: before }),
    { fsync: false },
  );
  const store = new Conf<{ schemaVersion: number; sessions: Session[] }>({
    cwd: folder,
    configName: name,
    schema: partitionJsonSchema() as never,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
    serialize: (value) => JSON.stringify(value),
  });
  const times: number[] = [];
  for (const session of incoming) {
    const start = process.hrtime.bigint();
    const data = store.store;
    store.store = { schemaVersion: 2, sessions: [...data.sessions, session] };
    times.push(ms(start));
  }
  fs.rmSync(folder, { recursive: true, force: true });
  return times;
}

export const sessionBench: BenchModule = {
  name: 'sessions',
  async run({ runs, log }) {
    const dataDir = ensureDataset(log);
    const todayKey = new Date(TODAY_MS).toISOString().slice(0, 10);
    const cleanToday = () => {
      fs.rmSync(partitionFile(path.join(dataDir, 'sessions'), todayKey), { force: true });
      fs.rmSync(partitionIndexFile(path.join(dataDir, 'sessions'), todayKey), { force: true });
    };
    cleanToday();
    const now = () => new Date(TODAY_MS + 12 * 3_600_000);
    // As after a day's work and a clean shutdown: the index snapshot (rows and search text) is current.
    {
      const previous = openSessionRepository({ dataDir, now });
      previous.list({ text: 'warm' });
      previous.flush();
    }

    let firstRows = Infinity;
    let total = 0;
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      const repo = openSessionRepository({ dataDir, now });
      const page = repo.list({ limit: 50 });
      firstRows = Math.min(firstRows, ms(start));
      total = page.total;
    }
    log(`cold open → first page: ${round(firstRows, 1)} ms over ${total} sessions`);
    let firstSearch = Infinity;
    for (let run = 0; run < runs; run++) {
      const opened = openSessionRepository({ dataDir, now });
      opened.list({ limit: 50 });
      const start = process.hrtime.bigint();
      opened.list({ text: 'refund', limit: 50 });
      firstSearch = Math.min(firstSearch, ms(start));
    }
    log(
      `first text search after the first page (loads the search text): ${round(firstSearch, 1)} ms`,
    );

    const repo = openSessionRepository({ dataDir, now });
    repo.warmUp();
    const searches = ['kündigung', 'router outage', 'INC-4242', 'facture fevrier'].map((text) => {
      let best = Infinity;
      for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint();
        repo.list({ text, limit: 50 });
        best = Math.min(best, ms(start));
      }
      return best;
    });
    let overdueMs = Infinity;
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      repo.list({ followUp: 'overdue', escalation: 'manager-requested' });
      overdueMs = Math.min(overdueMs, ms(start));
    }

    // A day's saves into today's partition, index loaded; the best of `runs` days counts (other
    // processes on the machine make single fsyncs slow now and then).
    const incoming = todaysCalls();
    let saveTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      // The app's one repository (as after the searches above); today's file is gone at each run's start.
      const day = repo;
      const times: number[] = [];
      try {
        for (const session of incoming) {
          const start = process.hrtime.bigint();
          day.save(session);
          times.push(ms(start));
        }
      } finally {
        cleanToday();
      }
      if (saveTimes.length === 0 || percentile(times, 0.95) < percentile(saveTimes, 0.95))
        saveTimes = times;
    }
    const p95 = percentile(saveTimes, 0.95);
    log(
      `saves into today (0→${SAVES} calls): p50 ${round(percentile(saveTimes, 0.5), 2)} ms, p95 ${round(p95, 2)} ms, max ${round(Math.max(...saveTimes), 1)} ms`,
    );

    let iterateSec = Infinity;
    {
      const start = process.hrtime.bigint();
      let count = 0;
      for await (const session of repo.iterate()) count += session ? 1 : 0;
      iterateSec = ms(start) / 1000;
      log(`iterate (export) over ${count} sessions: ${round(iterateSec, 1)} s`);
    }

    // References: the last month as one store, and everything as one store.
    const scratch = path.join(PROJECT_ROOT, '.tmp', 'bench', 'sessions-reference');
    const all: Session[] = [];
    for await (const session of repo.iterate()) all.push(session);
    all.reverse();
    const lastMonth = all.filter((s) => s.startedAt.startsWith(RECIPE.lastDay.slice(0, 7)));
    const monthTimes = referenceSaves(scratch, RECIPE.lastDay.slice(0, 7), lastMonth, incoming);
    const monthP95 = percentile(monthTimes, 0.95);
    log(
      `reference, one store per month (${lastMonth.length}→${lastMonth.length + SAVES}): p95 ${round(monthP95, 1)} ms`,
    );
    const singleSaves = Math.max(3, Number(process.env.BENCH_SINGLE_FILE_SAVES ?? 3));
    const singleTimes = referenceSaves(scratch, 'sessions', all, incoming.slice(0, singleSaves));
    const singleP95 = percentile(singleTimes, 0.95);
    log(
      `reference, one store for all ${all.length} (${singleSaves} saves): p95 ${round(singleP95, 0)} ms`,
    );

    return {
      log_first_rows_ms: round(firstRows, 1),
      save_ms_p95_at_50k: round(p95, 2),
      save_ms_p50_at_50k: round(percentile(saveTimes, 0.5), 2),
      log_first_search_ms: round(firstSearch, 1),
      log_search_ms: round(Math.max(...searches), 1),
      log_filter_ms: round(overdueMs, 1),
      export_iterate_50k_s: round(iterateSec, 1),
      save_ms_p95_month_store_ref: round(monthP95, 1),
      save_ms_p95_single_store_ref: round(singleP95, 0),
      save_p95_month_ref_ratio: round(monthP95 / p95, 1),
      save_p95_single_ref_ratio: round(singleP95 / p95, 0),
    };
  },
};
