/**
 * `npm run build:wasm`: assembles the engine's WebAssembly kernels (renderer/engine/wasm/*.wat, with wabt)
 * into TypeScript modules beside them that hold the bytes as hex (`<name>-wasm.ts`). The engine imports
 * those modules, so the AudioWorklet, the analyser and the tests load the same bytes with no file or
 * network access. The generated files are committed; tests/engine/wasm checks they match their source.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtFactory from 'wabt';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ENGINE_WASM_DIR = path.join(ROOT, 'renderer/engine/wasm');

/** The WebAssembly binary of `watFile` (SIMD on; nothing else beyond the MVP). */
export async function assembleWat(watFile: string): Promise<Uint8Array> {
  const wabt = await wabtFactory();
  const module = wabt.parseWat(path.basename(watFile), readFileSync(watFile, 'utf8'), {
    simd: true,
  });
  try {
    module.validate();
    return module.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}

/** The TypeScript module that holds `bytes` for the engine, as written next to `watFile`. */
export function wasmModuleSource(watFile: string, bytes: Uint8Array): string {
  const name = path.basename(watFile);
  const constant = `${path.basename(watFile, '.wat').replace(/-/g, '_').toUpperCase()}_WASM_HEX`;
  return [
    `// Generated from ${name} by \`npm run build:wasm\` (main/cli/bundle/build-engine-wasm.ts): do not edit.`,
    `export const ${constant} =`,
    `  '${Buffer.from(bytes).toString('hex')}';`,
    '',
  ].join('\n');
}

/** Each kernel's source and its generated module's path. */
export function engineWasmSources(): { wat: string; module: string }[] {
  return readdirSync(ENGINE_WASM_DIR)
    .filter((f) => f.endsWith('.wat'))
    .map((f) => ({
      wat: path.join(ENGINE_WASM_DIR, f),
      module: path.join(ENGINE_WASM_DIR, f.replace(/\.wat$/, '-wasm.ts')),
    }));
}

async function main(): Promise<void> {
  for (const { wat, module } of engineWasmSources()) {
    const bytes = await assembleWat(wat);
    writeFileSync(module, wasmModuleSource(wat, bytes));
    process.stdout.write(`${path.relative(ROOT, module)}: ${bytes.length} bytes\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`build:wasm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
