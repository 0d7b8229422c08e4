/**
 * The analyser CLI bundled once into a test's scratch folder (as the shipped bundle is: ESM, with a
 * `require` for the wasm decoders' CommonJS worker shim), so hundreds of runs start in ~0.1 s each and
 * tests never write into the project's out/.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from './test-audio';

export function bundleAnalyzeCli(dir: string): string {
  const cli = path.join(dir, 'analyze.mjs');
  buildSync({
    entryPoints: [path.join(PROJECT_ROOT, 'main/cli/analyze.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    logLevel: 'error',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return cli;
}
