/**
 * The analyser as users run it, as a whole process, against ffmpeg on the realistic 10-minute call
 * (call-fixture.ts):
 * - cli_startup_ms: `node out/cli/analyze.js missing.wav` (the bundle's start-up to its first answer),
 *   median of 9; npm_run_startup_ms: the same through `npm run --silent analyze -- missing.wav`, median of 5.
 * - cli_vs_ffmpeg_wall: `npm run --silent analyze -- CALL.wav` against
 *   `ffmpeg -nostdin -nostats -i CALL.wav -af ebur128 -f null -`, alternated, median of 5 pairs;
 *   cli_bundle_vs_ffmpeg_wall: `node out/cli/analyze.js CALL.wav` in the same rounds.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/test-audio';
import { round, type BenchModule } from './bench-module';
import { benchCallFile } from './call-fixture';

const BUNDLE = path.join(PROJECT_ROOT, 'out/cli/analyze.js');

/** Wall seconds of one process run to its end; throws when it exits with another code than `expect`. */
function timed(command: string, args: readonly string[], expect = 0): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== expect)
    throw new Error(`${command} ${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(-300)}`);
  return sec;
}

export function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const ffmpegArgs = (file: string) => [
  '-hide_banner',
  '-nostdin',
  '-nostats',
  '-i',
  file,
  '-af',
  'ebur128',
  '-f',
  'null',
  '-',
];

export const cliBench: BenchModule = {
  name: 'analyze CLI vs ffmpeg',
  async run(ctx) {
    const file = benchCallFile(ctx.log, 'realistic');
    const missing = path.join(PROJECT_ROOT, '.tmp/bench/missing.wav');
    timed('node', [BUNDLE, missing], 2); // warm-up: page cache
    const startup: number[] = [];
    for (let i = 0; i < 9; i++) startup.push(timed('node', [BUNDLE, missing], 2));
    const npmStartup: number[] = [];
    for (let i = 0; i < 5; i++)
      npmStartup.push(timed('npm', ['run', '--silent', 'analyze', '--', missing], 2));

    const npmRuns: number[] = [];
    const nodeRuns: number[] = [];
    const ffmpegRuns: number[] = [];
    timed('ffmpeg', ffmpegArgs(file));
    for (let i = 0; i < 5; i++) {
      npmRuns.push(timed('npm', ['run', '--silent', 'analyze', '--', file]));
      ffmpegRuns.push(timed('ffmpeg', ffmpegArgs(file)));
      nodeRuns.push(timed('node', [BUNDLE, file]));
      ctx.log(
        `pair ${i + 1}/5: npm run analyze ${npmRuns[i].toFixed(3)} s, ffmpeg ${ffmpegRuns[i].toFixed(3)} s, node bundle ${nodeRuns[i].toFixed(3)} s`,
      );
    }
    const ffmpegSec = median(ffmpegRuns);
    return {
      cli_startup_ms: round(median(startup) * 1000, 1),
      npm_run_startup_ms: round(median(npmStartup) * 1000, 1),
      cli_npm_run_s: round(median(npmRuns)),
      cli_bundle_s: round(median(nodeRuns)),
      cli_ffmpeg_s: round(ffmpegSec),
      cli_vs_ffmpeg_wall: round(median(npmRuns) / ffmpegSec),
      cli_bundle_vs_ffmpeg_wall: round(median(nodeRuns) / ffmpegSec),
    };
  },
};
