/**
 * "The engine" as the benchmark times it: read and decode the call's WAV block by block, and run caller (left)
 * and agent (right) through the engine in 128-sample blocks, as the AudioWorklet does. When renderer/engine/call-engine.ts
 * exists the whole CallEngine is timed; otherwise two LoudnessMeters (one mono programme per party).
 * createEngineRunner() is the one place to change if the engine's construction changes.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { LoudnessMeter } from '../../renderer/engine/loudness-meter';
import { decodePcmFrames, parseWavHeader } from '../../renderer/engine/wav-codec';
import { PROJECT_ROOT } from '../support/test-audio';

export const RENDER_QUANTUM = 128;
/** Frames decoded at a time (a multiple of the render quantum). */
export const DECODE_BLOCK = 128 * 512;

export interface EngineRunner {
  /** What is being timed, for the JSON ('call-engine' or 'loudness-meters'). */
  kind: string;
  process(caller: Float32Array, agent: Float32Array, start: number, end: number): void;
}

type RunnerFactory = (sampleRate: number) => EngineRunner;

export function loudnessMetersRunner(sampleRate: number): EngineRunner {
  const caller = new LoudnessMeter(sampleRate, 1);
  const agent = new LoudnessMeter(sampleRate, 1);
  const c: Float32Array[] = [new Float32Array(0)];
  const a: Float32Array[] = [new Float32Array(0)];
  return {
    kind: 'loudness-meters',
    process(callerSamples, agentSamples, start, end) {
      c[0] = callerSamples;
      a[0] = agentSamples;
      caller.process(c, start, end);
      agent.process(a, start, end);
    },
  };
}

interface CallEngineModule {
  CallEngine: new (options: { sampleRate: number }) => {
    process(caller: Float32Array, agent: Float32Array, start: number, end: number): void;
  };
}

/** The CallEngine when it exists, else the two meters. */
export async function resolveEngineFactory(): Promise<RunnerFactory> {
  const file = path.join(PROJECT_ROOT, 'renderer/engine/call-engine.ts');
  if (!existsSync(file)) return loudnessMetersRunner;
  const mod = (await import(file)) as CallEngineModule;
  return (sampleRate) => {
    const engine = new mod.CallEngine({ sampleRate });
    return { kind: 'call-engine', process: (c, a, s, e) => engine.process(c, a, s, e) };
  };
}

export interface EngineRunResult {
  kind: string;
  decodeSec: number;
  processSec: number;
  audioSec: number;
}

/**
 * One full pass, as an offline analyser streams a file of any size: parse the header from the first 64 KB,
 * then read DECODE_BLOCK frames at a time from disk into a reused buffer, decode them into reused Float32
 * blocks and run the engine over each in 128-sample blocks. Nothing proportional to the file is allocated.
 */
export function runEngineOnFile(file: string, factory: RunnerFactory): EngineRunResult {
  const t0 = process.hrtime.bigint();
  const fd = openSync(file, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const prefix = Buffer.alloc(Math.min(fileSize, 65536));
    readSync(fd, prefix, 0, prefix.length, 0);
    const header = parseWavHeader(new Uint8Array(prefix.buffer, prefix.byteOffset, prefix.length), {
      fileSize,
    });
    const { format } = header;
    if (format.channelCount !== 2)
      throw new Error(`${file}: the bench needs a stereo call (caller left, agent right).`);
    const runner = factory(format.sampleRate);
    const raw = Buffer.alloc(DECODE_BLOCK * format.blockAlign);
    const rawBytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
    const block = [new Float32Array(DECODE_BLOCK), new Float32Array(DECODE_BLOCK)];
    const [caller, agent] = block;
    let decodeNs = 0n;
    for (let frame = 0; frame < header.frameCount; frame += DECODE_BLOCK) {
      const want = Math.min(DECODE_BLOCK, header.frameCount - frame) * format.blockAlign;
      const got = readSync(fd, raw, 0, want, header.dataOffset + frame * format.blockAlign);
      const d0 = process.hrtime.bigint();
      const n = decodePcmFrames(rawBytes.subarray(0, got), format, block);
      decodeNs += process.hrtime.bigint() - d0;
      for (let s = 0; s < n; s += RENDER_QUANTUM)
        runner.process(caller, agent, s, s + RENDER_QUANTUM < n ? s + RENDER_QUANTUM : n);
    }
    const totalSec = Number(process.hrtime.bigint() - t0) / 1e9;
    const decodeSec = Number(decodeNs) / 1e9;
    return {
      kind: runner.kind,
      decodeSec,
      processSec: totalSec - decodeSec,
      audioSec: header.durationSec,
    };
  } finally {
    closeSync(fd);
  }
}
