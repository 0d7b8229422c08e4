/**
 * Whether out/renderer is older than its sources, and rebuilding it with `vite build` when it is.
 * Sources: everything under renderer/ and preload/ (the renderer imports the contract), plus the
 * Vite config and package.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

/** Latest modification time (ms) of any file under the given paths; 0 when none exists. */
export function newestModificationMs(paths: readonly string[]): number {
  let newest = 0;
  const visit = (entry: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (SKIPPED_DIRS.has(path.basename(entry))) return;
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else if (stat.isFile()) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of paths) visit(entry);
  return newest;
}

export function rendererSourcePaths(projectRoot: string): string[] {
  return ['renderer', 'preload', 'vite.config.ts', 'package.json'].map((entry) =>
    path.join(projectRoot, entry),
  );
}

/** True when `<rendererDir>/index.html` is missing or older than the newest source file. */
export function isRendererBuildStale(rendererDir: string, sourcePaths: readonly string[]): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(path.join(rendererDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return newestModificationMs(sourcePaths) > builtAt;
}

/** Runs `npx vite build` in the project (output streams to this terminal); true on success. */
export function buildRenderer(projectRoot: string): boolean {
  const result = spawnSync('npx', ['vite', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}
