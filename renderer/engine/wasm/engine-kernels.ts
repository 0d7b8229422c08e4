/**
 * The engine's WebAssembly SIMD kernels (engine-kernels.wat), compiled once per thread on first use: the
 * stereo filter pass (../stereo-filter-pass.ts) and the 16-bit stereo PCM reader (../wav-codec.ts). Each
 * gives bit for bit what the scalar JavaScript beside it gives, and that scalar code runs wherever the
 * module cannot be compiled (a policy without 'wasm-unsafe-eval', no SIMD) or forceScalarKernels is on.
 */
import { ENGINE_KERNELS_WASM_HEX } from './engine-kernels-wasm';

// The part of WebAssembly's API used here (the engine compiles against ES2022 alone, no DOM or Node types).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: object,
  ) => {
    exports: {
      memory: { buffer: ArrayBuffer };
      run: (frames: number) => void;
      pcm16: (frames: number) => void;
    };
  };
};

/** Frames one filter-pass call takes (its input regions' size). */
export const FILTER_MAX_FRAMES = 1024;
/** Frames one pcm16 call takes (a multiple of 4). */
export const PCM16_MAX_FRAMES = 4096;

export interface EngineKernels {
  /** Filters the first n frames of callerInput/agentInput with the states in `pairs`. */
  run: (frames: number) => void;
  callerInput: Float32Array;
  agentInput: Float32Array;
  /** 34 (caller, agent) pairs: coefficients, states and sums, in the .wat's order. */
  pairs: Float64Array;
  /** The filter pairs' coefficient arrays last copied in (caller K, agent K, caller band, agent band). */
  coeffs: (Float64Array | null)[];
  /** Reads n frames (a multiple of 4) of pcm16Input into left/right. */
  pcm16: (frames: number) => void;
  pcm16Input: Uint8Array;
  left: Float32Array;
  right: Float32Array;
}

let kernels: EngineKernels | null | undefined;
let scalarForced = false;

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

function compile(): EngineKernels | null {
  try {
    const { exports } = new WebAssembly.Instance(
      new WebAssembly.Module(hexBytes(ENGINE_KERNELS_WASM_HEX)),
      {},
    );
    const buffer = exports.memory.buffer;
    return {
      run: exports.run,
      callerInput: new Float32Array(buffer, 0, FILTER_MAX_FRAMES),
      agentInput: new Float32Array(buffer, FILTER_MAX_FRAMES * 4, FILTER_MAX_FRAMES),
      pairs: new Float64Array(buffer, 8192, 34 * 2),
      coeffs: [null, null, null, null],
      pcm16: exports.pcm16,
      pcm16Input: new Uint8Array(buffer, 16384, PCM16_MAX_FRAMES * 4),
      left: new Float32Array(buffer, 32768, PCM16_MAX_FRAMES),
      right: new Float32Array(buffer, 49152, PCM16_MAX_FRAMES),
    };
  } catch {
    return null;
  }
}

/** The kernels, or null where they cannot run here (or the scalar code is forced). */
export function engineKernels(): EngineKernels | null {
  if (scalarForced) return null;
  if (kernels === undefined) kernels = compile();
  return kernels;
}

export type KernelKind = 'wasm-simd' | 'scalar';

/** Which code the engine's per-sample work runs here: 'wasm-simd', or 'scalar' (JavaScript). */
export function engineKernelKind(): KernelKind {
  return engineKernels() ? 'wasm-simd' : 'scalar';
}

/** Runs the scalar JavaScript instead of the kernels (true) or the kernels when they load (false): for tests and the bench. */
export function forceScalarKernels(force: boolean): void {
  scalarForced = force;
}
