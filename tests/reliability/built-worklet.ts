/**
 * The coach worklet exactly as it ships: `out/renderer/assets/coach-worklet-*.js`. Rebuilt with
 * `npx vite build` when missing or older than the renderer's sources — unless another vite build is
 * running (then that one's output is waited for).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRendererBuildStale, rendererSourcePaths } from '../../main/browser-host/renderer-build';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER_DIR = path.join(PROJECT_ROOT, 'out/renderer');
const ASSETS = path.join(RENDERER_DIR, 'assets');

function otherViteBuildRunning(): boolean {
  const r = spawnSync('pgrep', ['-f', 'vite build'], { encoding: 'utf8' });
  return r.stdout.split('\n').some((pid) => pid.trim() !== '' && Number(pid) !== process.pid);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function builtCoachWorkletPath(): string {
  for (let waited = 0; otherViteBuildRunning() && waited < 180_000; waited += 2000) sleep(2000);
  if (isRendererBuildStale(RENDERER_DIR, rendererSourcePaths(PROJECT_ROOT))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const name = fs.readdirSync(ASSETS).find((n) => /^coach-worklet-.*\.js$/.test(n));
  if (!name) throw new Error(`No coach-worklet-*.js in ${ASSETS} after building.`);
  return path.join(ASSETS, name);
}

export function builtCoachWorklet(): string {
  return fs.readFileSync(builtCoachWorkletPath(), 'utf8');
}
