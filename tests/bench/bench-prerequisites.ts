/**
 * What `npm run bench` needs built, built when missing or stale — as `npm run start:browser` does — so
 * the bench works straight after `npm ci` on a fresh clone: the renderer (out/renderer, for the live-coach
 * modules) and the command-line bundles (out/cli, for the CLI and batch modules).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCli } from '../../main/cli/bundle/build-cli.mjs';
import { CLI_ENTRIES } from '../../main/cli/bundle/cli-entries.mjs';
import { isCliBundleStale } from '../../main/cli/bundle/cli-bundle-stale.mjs';
import { isRendererBuildStale, rendererSourcePaths } from '../../main/browser-host/renderer-build';
import { PROJECT_ROOT } from '../support/test-audio';

export async function ensureBenchPrerequisites(log: (message: string) => void): Promise<void> {
  const rendererDir = path.join(PROJECT_ROOT, 'out/renderer');
  if (isRendererBuildStale(rendererDir, rendererSourcePaths(PROJECT_ROOT))) {
    log('building the renderer (vite build)…');
    // Vite's report goes to stderr: the bench's stdout ends with its JSON line and holds nothing else.
    const r = spawnSync('npx', ['vite', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error('the renderer build failed (see above)');
  }
  const stale = CLI_ENTRIES.map((e) => e.name).filter((n) => isCliBundleStale(PROJECT_ROOT, n));
  if (stale.length > 0) {
    log(`bundling ${stale.map((n) => `out/cli/${n}.js`).join(', ')}…`);
    await buildCli(PROJECT_ROOT, stale);
  }
}
