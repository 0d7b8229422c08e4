/**
 * Engine vs ffmpeg on the 10-minute call: wall time of decode + engine (engine-bench.ts: voice activity,
 * cues and meters, the CallEngine) against `ffmpeg -nostats -i FILE -af ebur128 -f null -` on the same
 * file, alternated, best of ctx.runs each.
 *
 * - engine_vs_ffmpeg_ratio: on the realistic call (call-fixture.ts: line noise ≈ −65 dBFS on the caller,
 *   room noise ≈ −60 dBFS on the agent, no digital silence) — what users' calls are like.
 * - engine_vs_ffmpeg_ratio_silent_gaps: on the same conversation with digital silence between the agent's
 *   words (the reference until issue 17), for context: ffmpeg's filters run into denormal numbers there.
 * - engine_silence_vs_noise_ratio: the engine on 2 s of the call then 598 s of digital silence, against
 *   the realistic call of the same length. About 1 or below means no denormal slowdown: every IIR state
 *   (K-weighting, voice band filter) is flushed to zero when tiny.
 * - engine_simd_vs_scalar_ratio: the engine with its WebAssembly SIMD kernels (filter pass, 16-bit PCM)
 *   against the same engine forced onto the scalar JavaScript they fall back to (wasm/engine-kernels.ts),
 *   on the realistic call.
 */
import { spawnSync } from 'node:child_process';
import { benchCallFile, silenceAfterSpeechFile } from './call-fixture';
import { round, wallSeconds, type BenchModule } from './bench-module';
import {
  loudnessMetersRunner,
  resolveEngineFactory,
  runEngineOnFile,
  type EngineRunResult,
} from './engine-bench';
import { engineKernelKind, forceScalarKernels } from '../../renderer/engine/wasm/engine-kernels';

function scalarEngineRun(file: string, factory: Parameters<typeof runEngineOnFile>[1]) {
  forceScalarKernels(true);
  try {
    return runEngineOnFile(file, factory);
  } finally {
    forceScalarKernels(false);
  }
}

function ffmpegEbur128Pass(file: string): void {
  const r = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg ebur128 failed: ${r.stderr.slice(-500)}`);
}

const total = (r: EngineRunResult): number => r.decodeSec + r.processSec;

function best(results: EngineRunResult[]): EngineRunResult {
  return results.reduce((a, b) => (total(b) < total(a) ? b : a));
}

export const loudnessBench: BenchModule = {
  name: 'engine vs ffmpeg ebur128',
  async run(ctx) {
    const file = benchCallFile(ctx.log, 'realistic');
    const silentGaps = benchCallFile(ctx.log, 'silent-gaps');
    const silence = silenceAfterSpeechFile(ctx.log);
    const factory = await resolveEngineFactory();
    runEngineOnFile(file, factory); // warm-up: JIT and page cache
    runEngineOnFile(silentGaps, factory);
    runEngineOnFile(silence, factory);
    scalarEngineRun(file, factory);
    ffmpegEbur128Pass(file);
    ffmpegEbur128Pass(silentGaps);

    const engineRuns: EngineRunResult[] = [];
    const meterRuns: EngineRunResult[] = [];
    const ffmpegRuns: number[] = [];
    const gapEngineRuns: EngineRunResult[] = [];
    const gapFfmpegRuns: number[] = [];
    const silenceRuns: EngineRunResult[] = [];
    const scalarRuns: EngineRunResult[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      engineRuns.push(runEngineOnFile(file, factory));
      ffmpegRuns.push(await wallSeconds(() => ffmpegEbur128Pass(file)));
      meterRuns.push(runEngineOnFile(file, loudnessMetersRunner));
      gapEngineRuns.push(runEngineOnFile(silentGaps, factory));
      gapFfmpegRuns.push(await wallSeconds(() => ffmpegEbur128Pass(silentGaps)));
      silenceRuns.push(runEngineOnFile(silence, factory));
      scalarRuns.push(scalarEngineRun(file, factory));
      ctx.log(
        `run ${i + 1}/${ctx.runs}: realistic call: engine ${total(engineRuns[i]).toFixed(3)} s, ffmpeg ${ffmpegRuns[i].toFixed(3)} s; silent gaps: engine ${total(gapEngineRuns[i]).toFixed(3)} s, ffmpeg ${gapFfmpegRuns[i].toFixed(3)} s; digital silence: engine ${total(silenceRuns[i]).toFixed(3)} s; scalar kernels: engine ${total(scalarRuns[i]).toFixed(3)} s`,
      );
    }
    const engine = best(engineRuns);
    const meters = best(meterRuns);
    const engineSec = total(engine);
    const ffmpegSec = Math.min(...ffmpegRuns);
    const gapEngineSec = total(best(gapEngineRuns));
    const gapFfmpegSec = Math.min(...gapFfmpegRuns);
    const silenceSec = total(best(silenceRuns));
    const scalarSec = total(best(scalarRuns));
    return {
      engine_kind: engine.kind,
      engine_filter_kernel: engineKernelKind(),
      audio_s: round(engine.audioSec, 1),
      reference_call: 'realistic: caller line noise -65 dBFS RMS, agent room noise -60 dBFS RMS',
      engine_s: round(engineSec),
      engine_decode_s: round(engine.decodeSec),
      engine_read_and_run_s: round(engine.processSec),
      loudness_meters_s: round(total(meters)),
      ffmpeg_s: round(ffmpegSec),
      engine_vs_ffmpeg_ratio: round(engineSec / ffmpegSec),
      realtime_factor: round(engine.audioSec / engineSec, 1),
      engine_silent_gaps_s: round(gapEngineSec),
      ffmpeg_silent_gaps_s: round(gapFfmpegSec),
      engine_vs_ffmpeg_ratio_silent_gaps: round(gapEngineSec / gapFfmpegSec),
      engine_digital_silence_s: round(silenceSec),
      engine_silence_vs_noise_ratio: round(silenceSec / engineSec),
      engine_scalar_s: round(scalarSec),
      engine_simd_vs_scalar_ratio: round(engineSec / scalarSec),
      bench_runs: ctx.runs,
    };
  },
};
