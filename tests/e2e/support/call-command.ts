import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { E2E_TMP, REPO_ROOT } from './paths.js';

/** The bundled `call` command, as the package ships it (main/cli/bundle), built for the specs. */
export const CALL_JS = path.join(E2E_TMP, 'cli', 'call.js');

export async function buildCallCommand(): Promise<void> {
  mkdirSync(path.dirname(CALL_JS), { recursive: true });
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: ['main/cli/call.ts'],
    outfile: CALL_JS,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

export interface CallResult {
  code: number;
  stderr: string;
  ms: number;
}

/** Runs the command as a softphone does (plain node, its own process) against the host on `dataDir`. */
export function callCommand(dataDir: string, ...args: string[]): Promise<CallResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CALL_JS, ...args, '--data-dir', dataDir],
      { timeout: 10_000 },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stderr: stderr.trim(), ms: performance.now() - started });
      },
    );
  });
}
