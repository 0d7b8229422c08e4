/**
 * Runs `pactl` (PulseAudio's client; PipeWire ships the same one in pipewire-pulse) and turns its two
 * common failures into one sentence each: not installed, and no sound server to talk to. LC_ALL=C keeps
 * its output in the English that pactl-output.ts reads. PULSE_SERVER, when set, picks the server.
 */
import { execFile } from 'node:child_process';

export interface PactlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs pactl with these arguments; rejects only when pactl cannot be started at all. */
export type Pactl = (args: readonly string[]) => Promise<PactlResult>;

export class PactlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PactlError';
  }
}

const PACTL_TIMEOUT_MS = 10_000;

export function systemPactl(env: NodeJS.ProcessEnv = process.env): Pactl {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile(
        'pactl',
        [...args],
        { env: { ...env, LC_ALL: 'C' }, timeout: PACTL_TIMEOUT_MS, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (!error) return resolve({ code: 0, stdout, stderr });
          const code = (error as NodeJS.ErrnoException).code as unknown;
          if (code === 'ENOENT')
            return reject(
              new PactlError(
                'pactl is not installed: install pulseaudio-utils (PulseAudio) or pipewire-pulse (PipeWire).',
              ),
            );
          if (typeof code === 'number') return resolve({ code, stdout, stderr });
          reject(
            new PactlError(
              error.killed
                ? `pactl ${args[0]} did not answer within ${PACTL_TIMEOUT_MS / 1000} s.`
                : `pactl ${args[0]}: ${error.message}`,
            ),
          );
        },
      );
    });
}

/** pactl's own complaint: its first line (the rest repeats it in libpulse's words). */
export const pactlComplaint = (r: PactlResult): string =>
  (r.stderr.trim() || r.stdout.trim() || `exit code ${r.code}`).split('\n')[0];

/** Runs pactl and fails with its complaint unless it succeeded; returns its stdout. */
export async function pactlOk(pactl: Pactl, args: readonly string[]): Promise<string> {
  const r = await pactl(args);
  if (r.code !== 0) throw new PactlError(`pactl ${args[0]} failed: ${pactlComplaint(r)}`);
  return r.stdout;
}
