/**
 * Two real Twinkle softphones (Debian's `twinkle`, command-line mode) calling each other on 127.0.0.1 inside
 * a loopback-only network namespace (`unshare -n`, needs root — CI runs as root): "agent" (the profile whose
 * scripts run Calm Line's shipped hook, hooks/calm-line-hook.sh, with no arguments, as the README says) and
 * "caller". Audio goes to ALSA's null device.
 *
 * The one concession to the namespace: the agent's script line starts the hook through `nsenter --net=…`
 * into the test's own network namespace, where Calm Line's loopback endpoint listens. Twinkle still starts
 * it without a shell, splitting the line at spaces, and passes only its own variables (TWINKLE_TRIGGER,
 * SIP_CALL_ID, SIP_FROM_USER, …); the hook's stderr (the command's one line) arrives on Twinkle's stderr.
 *
 * Everything is started with async spawn: the same process drives Playwright and serves the endpoint.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const AGENT_SIP_PORT = 5060;
export const CALLER_SIP_PORT = 5062;

export interface TwinkleCli {
  readonly name: 'agent' | 'caller';
  /** Everything it printed on stdout and stderr so far, in order. */
  readonly output: string[];
  /** Sends one CLI command (`answer`, `bye`, `call sip:…`); returns Date.now() just before it went. */
  send(command: string): number;
  /** Resolves with the first output line from `from` on that matches. */
  waitFor(pattern: RegExp, from: number, timeoutMs?: number): Promise<string>;
}

export interface TwinklePair {
  readonly agent: TwinkleCli;
  readonly caller: TwinkleCli;
  close(): Promise<void>;
}

function run(file: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(file, args, { timeout: 10_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        out: `${stdout}${stderr}`.trim(),
      }),
    ),
  );
}

/** Why the pair cannot run on this machine, or null. */
export async function twinkleUnavailable(): Promise<string | null> {
  const version = await run('twinkle', ['--version']);
  if (version.code !== 0)
    return `twinkle is not installed (apt-get install -y twinkle): ${version.out || 'not found'}`;
  const netns = await run('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up']);
  if (netns.code !== 0)
    return `cannot make a loopback-only network namespace (unshare -n needs root): ${netns.out}`;
  return null;
}

export async function twinkleVersion(): Promise<string> {
  return (await run('twinkle', ['--version'])).out.split('\n')[0] ?? '';
}

function writeProfile(
  home: string,
  name: 'agent' | 'caller',
  sipPort: number,
  rtpPort: number,
  scripts: Record<string, string>,
): void {
  const dir = path.join(home, '.twinkle');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'twinkle.sys'),
    [
      'dev_ringtone=alsa:null',
      'dev_speaker=alsa:null',
      'dev_mic=alsa:null',
      `sip_udp_port=${sipPort}`,
      `rtp_port=${rtpPort}`,
      'gui_use_systray=no',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, `${name}.cfg`),
    [
      `user_name=${name}`,
      'user_domain=127.0.0.1',
      `user_display=${name}`,
      'register_at_startup=no',
      ...Object.entries(scripts).map(([k, v]) => `${k}=${v}`),
      '',
    ].join('\n'),
  );
}

function attach(name: 'agent' | 'caller', child: ChildProcessWithoutNullStreams): TwinkleCli {
  const output: string[] = [];
  const waiters = new Set<() => void>();
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(line);
    for (const w of waiters) w();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return {
    name,
    output,
    send(command) {
      const at = Date.now();
      child.stdin.write(`${command}\n`);
      return at;
    },
    waitFor(pattern, from, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = output.slice(from).find((l) => pattern.test(l));
          if (line === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(line);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `${name}: no ${pattern} within ${timeoutMs} ms; it printed:\n${output.join('\n')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}

/**
 * Starts both softphones in a new network namespace. `hook`: the agent's script (run for call answered,
 * in and out, and both releases); `env`: what the softphones (and so the hook) are started with.
 */
export async function startTwinklePair(options: {
  dir: string;
  hook: string;
  env: NodeJS.ProcessEnv;
}): Promise<TwinklePair> {
  const agentHome = path.join(options.dir, 'agent');
  const callerHome = path.join(options.dir, 'caller');
  // Back into this process's network namespace, where Calm Line's endpoint listens (see above).
  const script = `/usr/bin/nsenter --net=/proc/${process.pid}/ns/net ${options.hook}`;
  if (/\s/.test(options.hook))
    throw new Error(`Twinkle splits script lines at spaces: ${options.hook} has one`);
  writeProfile(agentHome, 'agent', AGENT_SIP_PORT, 8000, {
    script_in_call_answered: script,
    script_out_call_answered: script,
    script_local_release: script,
    script_remote_release: script,
  });
  writeProfile(callerHome, 'caller', CALLER_SIP_PORT, 8100, {});
  const agentProcess = spawn(
    'unshare',
    [
      '-n',
      'sh',
      '-c',
      `ip link set lo up && exec twinkle -c -f agent --sip-port ${AGENT_SIP_PORT} --rtp-port 8000`,
    ],
    { env: { ...options.env, HOME: agentHome }, stdio: 'pipe' },
  );
  const agent = attach('agent', agentProcess);
  await agent.waitFor(/Twinkle>/, 0, 15_000);
  // The caller joins the agent's namespace (unshare execs, so the pid is Twinkle's).
  const callerProcess = spawn(
    'nsenter',
    [
      `--net=/proc/${agentProcess.pid}/ns/net`,
      'twinkle',
      '-c',
      '-f',
      'caller',
      '--sip-port',
      String(CALLER_SIP_PORT),
      '--rtp-port',
      '8100',
    ],
    { env: { ...options.env, HOME: callerHome }, stdio: 'pipe' },
  );
  const caller = attach('caller', callerProcess);
  await caller.waitFor(/Twinkle>/, 0, 15_000);
  const stop = (child: ChildProcessWithoutNullStreams) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin.write('quit\n');
    });
  return {
    agent,
    caller,
    async close() {
      await Promise.all([stop(callerProcess), stop(agentProcess)]);
    },
  };
}
