/**
 * `npm run bench`: runs every bench module in BENCH_MODULES, merges their figures and prints them as one
 * JSON object on the LAST line of stdout (progress and notes go to stderr). Add a module to the list to add
 * figures. BENCH_RUNS (default 3) sets how many timed runs each module takes the best of; arguments pick
 * modules by slug (`npm run bench -- live-coach`).
 */
import type { BenchFigures, BenchModule } from './bench-module';
import { ensureBenchPrerequisites } from './bench-prerequisites';

/**
 * The modules in the order they run, each imported only when it runs: what one module loads must not
 * change another's figures. (Measured: with the session store's dependencies loaded — ajv, a CommonJS
 * package, through tsx's loader — the engine's loops ran 20 % slower in the same process; plain node
 * running a bundle is not affected.)
 */
const BENCH_MODULES: {
  slug: string;
  load: () => Promise<BenchModule>;
  /** false: runs nothing from out/ (the renderer and CLI builds are not checked or built for it). */
  needsBuild?: false;
}[] = [
  { slug: 'engine-vs-ffmpeg', load: async () => (await import('./loudness-bench')).loudnessBench },
  { slug: 'analyze-cli-vs-ffmpeg', load: async () => (await import('./cli-bench')).cliBench },
  { slug: 'batch-analyze-vs-ffmpeg', load: async () => (await import('./batch-bench')).batchBench },
  {
    slug: 'live-coach-in-chromium',
    load: async () => (await import('./live-coach-bench')).liveCoachBench,
  },
  {
    slug: 'export-and-team-import',
    load: async () => (await import('./export-bench')).exportBench,
  },
  { slug: 'sessions', load: async () => (await import('./session-bench')).sessionBench },
  {
    slug: 'team-store-postgresql',
    load: async () => (await import('./team-store-bench')).teamStoreBench,
    needsBuild: false,
  },
  { slug: 'call-event', load: async () => (await import('./call-event-bench')).callEventBench },
  { slug: 'follow-ups', load: async () => (await import('./follow-ups-bench')).followUpsBench },
  { slug: 'cue-visible', load: async () => (await import('./cue-visible-bench')).cueVisibleBench },
  { slug: 'softphone', load: async () => (await import('./softphone-bench')).softphoneBench },
  { slug: 'soak', load: async () => (await import('./soak-bench')).soakBench },
];

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
  const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
  const merged: BenchFigures = {};
  // `npm run bench -- live-coach` runs the modules whose slug contains an argument.
  const only = process.argv.slice(2).map((a) => a.toLowerCase());
  const selected = BENCH_MODULES.filter(
    (m) => only.length === 0 || only.some((o) => m.slug.includes(o)),
  );
  if (selected.length === 0) throw new Error(`no bench module matches ${only.join(', ')}`);
  if (selected.some((m) => m.needsBuild !== false)) await ensureBenchPrerequisites(log);
  for (const { load } of selected) {
    const m = await load();
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
