/**
 * Batch analysis of recorded calls against ffmpeg with the same parallelism, on BATCH_CALLS realistic
 * 10-minute calls (batch-calls.ts):
 * - batch_vs_ffmpeg_ratio: wall time of `node out/cli/analyze.js DIR --jobs P --out FILE` (P = cores)
 *   against `ls DIR/*.wav | xargs -P P -n 1 ffmpeg -nostdin -nostats -i … -af ebur128 -f null -`,
 *   alternated, median of ctx.runs.
 * - batch_peak_rss_mb: the batch process's peak RSS (main thread + P workers, /usr/bin/time %M);
 *   batch_peak_rss_mb_4_calls: the same on the first 4 calls (equal ⇒ memory stays flat over the batch);
 *   batch_peak_rss_per_worker_mb: what one more worker adds — (RSS with P workers − RSS with 1) / (P − 1).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/test-audio';
import { round, type BenchModule } from './bench-module';
import { BATCH_CALLS, batchCallsDir } from './batch-calls';
import { median } from './cli-bench';

const BUNDLE = path.join(PROJECT_ROOT, 'out/cli/analyze.js');
const SCRATCH = path.join(PROJECT_ROOT, '.tmp/bench/batch-run');

interface TimedRun {
  sec: number;
  peakRssMb: number;
}

/** Runs a shell command under /usr/bin/time; wall seconds and peak RSS of the (last) process. */
function timedShell(command: string): TimedRun {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'calm-line-time %M', 'bash', '-c', command], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${command}: exit ${r.status}: ${r.stderr.slice(-400)}`);
  const m = /calm-line-time (\d+)/.exec(r.stderr);
  return { sec, peakRssMb: m ? Number(m[1]) / 1024 : NaN };
}

function batchRun(dir: string, jobs: number): TimedRun {
  const out = path.join(SCRATCH, 'batch.jsonl');
  rmSync(out, { force: true });
  return timedShell(`node '${BUNDLE}' '${dir}' --jobs ${jobs} --out '${out}'`);
}

export const batchBench: BenchModule = {
  name: 'batch analyze vs ffmpeg',
  async run(ctx) {
    const dir = batchCallsDir(ctx.log);
    const jobs = availableParallelism();
    mkdirSync(SCRATCH, { recursive: true });
    // The first 4 calls, for the memory figures.
    const four = path.join(SCRATCH, 'four');
    rmSync(four, { recursive: true, force: true });
    mkdirSync(four);
    const files = readdirSync(dir).filter((f) => f.endsWith('.wav'));
    for (const f of files.slice(0, 4)) symlinkSync(path.join(dir, f), path.join(four, f));
    const ffmpeg = `ls '${dir}'/*.wav | xargs -P ${jobs} -I{} ffmpeg -hide_banner -nostdin -nostats -i {} -af ebur128 -f null - 2>/dev/null`;

    timedShell(`cat '${dir}'/*.wav > /dev/null`); // page cache
    const batchRuns: TimedRun[] = [];
    const ffmpegRuns: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      batchRuns.push(batchRun(dir, jobs));
      ffmpegRuns.push(timedShell(ffmpeg).sec);
      ctx.log(
        `run ${i + 1}/${ctx.runs}: ${BATCH_CALLS} calls on ${jobs} workers ${batchRuns[i].sec.toFixed(2)} s (peak RSS ${batchRuns[i].peakRssMb.toFixed(0)} MB), ffmpeg xargs -P ${jobs} ${ffmpegRuns[i].toFixed(2)} s`,
      );
    }
    const fourCalls = batchRun(four, jobs);
    const oneWorker = batchRun(four, 1);
    const batchSec = median(batchRuns.map((r) => r.sec));
    const ffmpegSec = median(ffmpegRuns);
    const peak = Math.max(...batchRuns.map((r) => r.peakRssMb));
    return {
      batch_calls: BATCH_CALLS,
      batch_jobs: jobs,
      batch_s: round(batchSec, 2),
      batch_ffmpeg_s: round(ffmpegSec, 2),
      batch_vs_ffmpeg_ratio: round(batchSec / ffmpegSec),
      batch_peak_rss_mb: round(peak, 1),
      batch_peak_rss_mb_4_calls: round(fourCalls.peakRssMb, 1),
      batch_peak_rss_mb_1_worker: round(oneWorker.peakRssMb, 1),
      batch_peak_rss_per_worker_mb:
        jobs > 1 ? round((fourCalls.peakRssMb - oneWorker.peakRssMb) / (jobs - 1), 1) : null,
    };
  },
};
