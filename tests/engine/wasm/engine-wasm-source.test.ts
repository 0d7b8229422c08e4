/**
 * The engine's WebAssembly is built from source: each committed `<name>-wasm.ts` holds exactly what wabt
 * assembles from its `.wat` (run `npm run build:wasm` after editing one).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assembleWat,
  engineWasmSources,
  wasmModuleSource,
} from '../../../main/cli/bundle/build-engine-wasm';

describe('engine WebAssembly', () => {
  const sources = engineWasmSources();

  it('has its kernels', () => {
    expect(sources.map((s) => s.wat.split('/').pop())).toContain('engine-kernels.wat');
  });

  for (const { wat, module } of sources) {
    it(`${module.split('/').pop()} is what ${wat.split('/').pop()} assembles to`, async () => {
      const bytes = await assembleWat(wat);
      expect(bytes.length).toBeGreaterThan(100);
      expect(readFileSync(module, 'utf8'), 'stale: run npm run build:wasm').toBe(
        wasmModuleSource(wat, bytes),
      );
    });
  }
});
