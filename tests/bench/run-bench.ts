/**
 * `npm run bench`: runs every bench module in BENCH_MODULES, merges their figures and prints them as one
 * JSON object on the LAST line of stdout (progress and notes go to stderr). Add a module to the list to add
 * figures. BENCH_RUNS (default 3) sets how many timed runs each module takes the best of; arguments pick
 * modules by name (`npm run bench -- live-coach`).
 */
import type { BenchFigures, BenchModule } from './bench-module';
import { loudnessBench } from './loudness-bench';
import { cliBench } from './cli-bench';
import { batchBench } from './batch-bench';
import { ensureBenchPrerequisites } from './bench-prerequisites';
import { liveCoachBench } from './live-coach-bench';
import { soakBench } from './soak-bench';
import { exportBench } from './export-bench';
import { sessionBench } from './session-bench';
import { teamStoreBench } from './team-store-bench';
import { callEventBench } from './call-event-bench';

const BENCH_MODULES: BenchModule[] = [
  loudnessBench,
  cliBench,
  batchBench,
  liveCoachBench,
  exportBench,
  sessionBench,
  teamStoreBench,
  callEventBench,
  soakBench,
];

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
  const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
  const merged: BenchFigures = {};
  await ensureBenchPrerequisites(log);
  // `npm run bench -- live-coach` runs the modules whose name, hyphenated, contains an argument.
  const only = process.argv.slice(2).map((a) => a.toLowerCase());
  const slug = (name: string) => name.toLowerCase().replace(/\s+/g, '-');
  const modules = BENCH_MODULES.filter(
    (m) => only.length === 0 || only.some((o) => slug(m.name).includes(o)),
  );
  if (modules.length === 0) throw new Error(`no bench module matches ${only.join(', ')}`);
  for (const m of modules) {
    log(`${m.name}…`);
    const figures = await m.run({ runs, log: (msg) => log(`${m.name}: ${msg}`) });
    for (const key of Object.keys(figures)) {
      if (key in merged) log(`warning: ${m.name} overwrites "${key}"`);
    }
    Object.assign(merged, figures);
  }
  process.stdout.write(`${JSON.stringify(merged)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
