// @ts-check
/**
 * Bundles the command-line programs (cli-entries.mjs) into out/cli/ with esbuild, and records for each the
 * files it was built from (out/cli/<name>.inputs.json) so run-cli.mjs can tell when a bundle is stale.
 * `node main/cli/bundle/build-cli.mjs` builds them all (the package's `prepare` step runs it on `npm ci`);
 * buildCli(root, names) builds some. Plain JavaScript: it runs before anything is compiled.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_ENTRIES, CLI_OUT_DIR } from './cli-entries.mjs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Builds the named entries (all by default) into `<root>/out/cli`. Every entry point goes through one
 * esbuild run, so code they share (and each lazy import) lands once in a chunk.
 * @param {string} root
 * @param {readonly string[]} [names]
 */
export async function buildCli(root = PROJECT_ROOT, names = CLI_ENTRIES.map((e) => e.name)) {
  const esbuild = await import('esbuild');
  const entries = CLI_ENTRIES.filter((e) => names.includes(e.name));
  const outdir = path.join(root, CLI_OUT_DIR);
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.entry])),
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Electron is never part of a command-line program; pg's optional native binding is not installed.
    external: ['electron', 'pg-native'],
    // Bundled CommonJS packages may call require() for Node's built-ins.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __calmLineRequire } from 'node:module';\nconst require = __calmLineRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  const metafile = result.metafile;
  if (!metafile) throw new Error('esbuild returned no metafile');
  // Inputs of each entry: those of its own output and of every chunk it imports, statically or lazily.
  for (const entry of entries) {
    const inputs = new Set(['package.json', 'package-lock.json']);
    const seen = new Set();
    const visit = (/** @type {string} */ output) => {
      if (seen.has(output)) return;
      seen.add(output);
      const out = metafile.outputs[output];
      if (!out) return;
      for (const input of Object.keys(out.inputs)) inputs.add(input);
      for (const imp of out.imports) if (!imp.external) visit(imp.path);
    };
    visit(
      path
        .relative(root, path.join(outdir, `${entry.name}.js`))
        .split(path.sep)
        .join('/'),
    );
    writeFileSync(
      path.join(outdir, `${entry.name}.inputs.json`),
      `${JSON.stringify({ entry: entry.entry, inputs: [...inputs].sort() }, null, 1)}\n`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().catch((error) => {
    // `npm ci --omit=dev` has no esbuild: the install goes on, and the programs cannot be built.
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && /esbuild/.test(String(error.message))) {
      process.stderr.write(
        'build-cli: esbuild is not installed; the command-line bundles were not built.\n',
      );
      return;
    }
    process.stderr.write(`build-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
