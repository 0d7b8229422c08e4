// @ts-check
/**
 * `node main/cli/bundle/run-cli.mjs NAME [ARGS…]` — what the npm scripts run: rebuilds out/cli/NAME.js
 * when it is missing or older than any file it was built from (as recorded by build-cli.mjs), then runs
 * it in this process. A check that finds the bundle fresh costs a stat per input (a few ms).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_ENTRIES, CLI_OUT_DIR } from './cli-entries.mjs';
import { isCliBundleStale } from './cli-bundle-stale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main() {
  const name = process.argv[2];
  if (!CLI_ENTRIES.some((e) => e.name === name)) {
    process.stderr.write(
      `run-cli: unknown command "${name ?? ''}" (one of: ${CLI_ENTRIES.map((e) => e.name).join(', ')}).\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (isCliBundleStale(ROOT, name)) {
    // Said only on a terminal: scripts read stderr for the program's own messages.
    if (process.stderr.isTTY)
      process.stderr.write(`[calm-line] building ${CLI_OUT_DIR}/${name}.js…\n`);
    const { buildCli } = await import('./build-cli.mjs');
    await buildCli(ROOT, [name]);
  }
  // The bundle reads its arguments from process.argv.slice(2), as when node runs it directly.
  process.argv.splice(1, 2, path.join(ROOT, CLI_OUT_DIR, `${name}.js`));
  await import(pathToFileURL(process.argv[1]).href);
}

main().catch((error) => {
  process.stderr.write(`run-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
