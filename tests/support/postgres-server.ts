/**
 * A real PostgreSQL server for one test file (or one bench run): `initdb` on a temporary folder, a free
 * loopback port, password (SCRAM) logins over TCP only, `pg_ctl` to start, stop, restart — and a SIGKILL
 * of the postmaster and every backend, as a crashed host would leave it. Debian's server binaries are
 * found under /usr/lib/postgresql/<version>/bin (or POSTGRES_BIN_DIR).
 *
 * PostgreSQL refuses to run as root: when the tests run as root (CI containers), every server command runs
 * as the `postgres` user through `runuser`, and the temporary folder is handed to that user. `fsync` is off
 * (a test server's data need not survive a power cut; a killed server still recovers from its WAL).
 *
 * Usage: `const pg = await startPostgres()` in beforeAll, `await pg.destroy()` in afterAll (also done at
 * process exit, so a crashed test file leaves no server behind).
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, 'pg_ctl')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Why the real-PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailableReason(): string | null {
  if (postgresBinDir() === null)
    return 'PostgreSQL is not installed (apt-get install postgresql; or set POSTGRES_BIN_DIR)';
  if (isRoot()) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run the server as';
    }
  }
  return null;
}

export const ADMIN_USER = 'calm_admin';
export const ADMIN_PASSWORD = 'admin-secret-for-tests';

export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** postgres://calm_admin:…@127.0.0.1:port/db (a superuser). */
  adminUrl(database?: string): string;
  /** postgres://user:password@127.0.0.1:port/db */
  urlFor(user: string, password: string, database?: string): string;
  /** pg_ctl stop (fast: backends are disconnected, the server checkpoints). */
  stop(): Promise<void>;
  /** SIGKILL to the postmaster and every backend (the next start recovers from the WAL). */
  kill(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function asServerUser(bin: string, args: string[], cwd: string) {
  return isRoot()
    ? run('runuser', ['-u', 'postgres', '--', bin, ...args], { cwd })
    : run(bin, args, { cwd });
}

function postmasterPid(dataDir: string): number | null {
  try {
    const first = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return [];
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export interface StartPostgresOptions {
  /** Extra `-c name=value` settings for the server. */
  readonly settings?: Readonly<Record<string, string>>;
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const reason = postgresUnavailableReason();
  if (reason !== null) throw new Error(`Cannot start PostgreSQL: ${reason}.`);
  const bin = postgresBinDir()!;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-pg-'));
  const dataDir = path.join(root, 'data');
  const pwFile = path.join(root, 'pw');
  const logFile = path.join(root, 'server.log');
  fs.writeFileSync(pwFile, ADMIN_PASSWORD);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:', root]);
  const host = '127.0.0.1';
  let port = await freePort();

  await asServerUser(
    path.join(bin, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      ADMIN_USER,
      `--pwfile=${pwFile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ],
    root,
  );
  const settings: Record<string, string> = {
    listen_addresses: host,
    unix_socket_directories: '',
    fsync: 'off',
    full_page_writes: 'off',
    max_connections: '60',
    ...options.settings,
  };
  const serverOptions = () =>
    [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v === '' ? "''" : v}`)]
      .join(' ')
      .trim();
  const pgCtl = (args: string[]) => asServerUser(path.join(bin, 'pg_ctl'), args, root);

  const start = async (): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await pgCtl([
          'start',
          '-D',
          dataDir,
          '-w',
          '-t',
          '60',
          '-l',
          logFile,
          '-o',
          serverOptions(),
        ]);
        return;
      } catch (error) {
        // The port was taken meanwhile (another test file): try another one.
        const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
        if (attempt < 3 && /could not bind|Address already in use/.test(log)) {
          port = await freePort();
          continue;
        }
        throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${log.slice(-2000)}`);
      }
    }
  };
  const stop = async (): Promise<void> => {
    if (postmasterPid(dataDir) === null) return;
    await pgCtl(['stop', '-D', dataDir, '-w', '-m', 'fast']).catch(() => undefined);
  };
  const kill = async (): Promise<void> => {
    const pid = postmasterPid(dataDir);
    if (pid === null) return;
    const all = [pid, ...childrenOf(pid)];
    for (const p of all) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (let i = 0; i < 200 && all.some(alive); i++) await new Promise((r) => setTimeout(r, 25));
  };
  let destroyed = false;
  const onExit = (): void => {
    if (destroyed) return;
    const pid = postmasterPid(dataDir);
    if (pid !== null)
      for (const p of [pid, ...childrenOf(pid)]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // Gone.
        }
      }
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  await start();
  const url = (user: string, password: string, database = 'postgres') =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
  return {
    host,
    get port() {
      return port;
    },
    dataDir,
    adminUrl: (database) => url(ADMIN_USER, ADMIN_PASSWORD, database),
    urlFor: url,
    stop,
    kill,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    async destroy() {
      await pgCtl(['stop', '-D', dataDir, '-w', '-m', 'immediate']).catch(() => kill());
      destroyed = true;
      process.off('exit', onExit);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
