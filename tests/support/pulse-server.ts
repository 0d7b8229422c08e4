/**
 * A private PulseAudio server for one test file: `pulseaudio` (Debian's pulseaudio package) started with no
 * default script (-n), a socket in a temp folder with anonymous access, and a null sink "calm_test_speakers"
 * as the default output — the agent's "speakers", where a softphone would play the caller. Clients reach it
 * through PULSE_SERVER (`env`), never the machine's own server.
 *
 * Root (CI) works with --system=false and a temp HOME and XDG_RUNTIME_DIR (measured: PulseAudio 16.1 warns
 * and serves). Everything is spawned asynchronously, so a Playwright page keeps running meanwhile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { systemPactl, type Pactl } from '../../main/caller-audio/pactl';

export const TEST_SPEAKERS = 'calm_test_speakers';

export interface PulseServer {
  /** PULSE_SERVER for clients (pactl, paplay, Chromium). */
  readonly env: Record<string, string>;
  readonly pactl: Pactl;
  /** The daemon's log so far (stderr). */
  log(): string;
  stop(): Promise<void>;
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program without blocking this process (a page driven from it keeps running). */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (error) => resolve({ code: null, stdout, stderr: error.message }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Why a real PulseAudio cannot run here (pulseaudio or pactl missing), or null. */
export async function pulseUnavailable(): Promise<string | null> {
  for (const [program, pkg] of [
    ['pulseaudio', 'pulseaudio'],
    ['pactl', 'pulseaudio-utils'],
    ['paplay', 'pulseaudio-utils'],
  ]) {
    const r = await runCommand(program, ['--version']);
    if (r.code !== 0) return `${program} is not installed (apt-get install -y ${pkg})`;
  }
  return null;
}

export async function startPulseServer(dir: string): Promise<PulseServer> {
  const runtime = path.join(dir, 'runtime');
  const home = path.join(dir, 'home');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  mkdirSync(home, { recursive: true });
  const socket = path.join(runtime, 'native');
  const script = path.join(dir, 'test.pa');
  writeFileSync(
    script,
    [
      `load-module module-native-protocol-unix auth-anonymous=1 socket=${socket}`,
      `load-module module-null-sink sink_name=${TEST_SPEAKERS} sink_properties=device.description=Test-Speakers`,
      `set-default-sink ${TEST_SPEAKERS}`,
      '',
    ].join('\n'),
  );
  const daemon: ChildProcess = spawn(
    'pulseaudio',
    [
      '--daemonize=no',
      '--system=false',
      '--exit-idle-time=-1',
      '--use-pid-file=no',
      '--log-target=stderr',
      '-n',
      '-F',
      script,
    ],
    {
      env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  daemon.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    daemon.on('exit', (code) => {
      exited = code;
      resolve();
    }),
  );
  const env = { PULSE_SERVER: `unix:${socket}` };
  const pactl = systemPactl({ ...process.env, ...env });
  const server: PulseServer = {
    env,
    pactl,
    log: () => log,
    async stop() {
      if (exited === undefined) daemon.kill('SIGTERM');
      await exit;
    },
  };
  // Ready when pactl gets an answer (about 0.1 s here); a daemon that exits has failed.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited !== undefined)
      throw new Error(
        `pulseaudio exited (${exited}): ${log.trim().split('\n').slice(-3).join(' ')}`,
      );
    if ((await pactl(['info'])).code === 0) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `pulseaudio did not answer within 10 s: ${log.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
