/**
 * Engine vs ffmpeg on the 10-minute call: wall time of decode + engine (engine-bench.ts) against
 * `ffmpeg -nostats -i FILE -af ebur128 -f null -` on the same file, alternated, best of ctx.runs each.
 */
import { spawnSync } from 'node:child_process';
import { benchCallFile } from './call-fixture';
import { round, wallSeconds, type BenchModule } from './bench-module';
import {
  loudnessMetersRunner,
  resolveEngineFactory,
  runEngineOnFile,
  type EngineRunResult,
} from './engine-bench';

function ffmpegEbur128Pass(file: string): void {
  const r = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg ebur128 failed: ${r.stderr.slice(-500)}`);
}

function best(results: EngineRunResult[]): EngineRunResult {
  return results.reduce((a, b) =>
    b.decodeSec + b.processSec < a.decodeSec + a.processSec ? b : a,
  );
}

export const loudnessBench: BenchModule = {
  name: 'engine vs ffmpeg ebur128',
  async run(ctx) {
    const file = benchCallFile(ctx.log);
    const factory = await resolveEngineFactory();
    runEngineOnFile(file, factory); // warm-up: JIT and page cache
    ffmpegEbur128Pass(file);

    const engineRuns: EngineRunResult[] = [];
    const meterRuns: EngineRunResult[] = [];
    const ffmpegRuns: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      engineRuns.push(runEngineOnFile(file, factory));
      ffmpegRuns.push(await wallSeconds(() => ffmpegEbur128Pass(file)));
      meterRuns.push(runEngineOnFile(file, loudnessMetersRunner));
      ctx.log(
        `run ${i + 1}/${ctx.runs}: engine ${(engineRuns[i].decodeSec + engineRuns[i].processSec).toFixed(3)} s, ffmpeg ${ffmpegRuns[i].toFixed(3)} s`,
      );
    }
    const engine = best(engineRuns);
    const meters = best(meterRuns);
    const engineSec = engine.decodeSec + engine.processSec;
    const ffmpegSec = Math.min(...ffmpegRuns);
    return {
      engine_kind: engine.kind,
      audio_s: round(engine.audioSec, 1),
      engine_s: round(engineSec),
      engine_decode_s: round(engine.decodeSec),
      engine_read_and_run_s: round(engine.processSec),
      loudness_meters_s: round(meters.decodeSec + meters.processSec),
      ffmpeg_s: round(ffmpegSec),
      engine_vs_ffmpeg_ratio: round(engineSec / ffmpegSec),
      realtime_factor: round(engine.audioSec / engineSec, 1),
      bench_runs: ctx.runs,
    };
  },
};
