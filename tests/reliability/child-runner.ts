/**
 * Runs a child process under a watchdog: it must print a line at least every `idleMs` (each line marks one
 * finished step), or it is killed with SIGKILL and reported as stalled — with the last line it printed,
 * so a hang names the input it hung on.
 */
import { spawn } from 'node:child_process';

export interface WatchedRun {
  readonly lines: string[];
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Killed by the watchdog: no line for idleMs. */
  readonly stalled: boolean;
}

export function runWatched(
  command: string,
  args: readonly string[],
  idleMs: number,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<WatchedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let stalled = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        child.kill('SIGKILL');
      }, idleMs);
    };
    arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      if (parts.length > 0) {
        lines.push(...parts);
        arm();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 100_000) stderr += text;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (partial) lines.push(partial);
      resolve({ lines, stderr, code, signal, stalled });
    });
  });
}
