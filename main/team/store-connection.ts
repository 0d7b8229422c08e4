/**
 * Connections to the team store: a small `pg` pool built from the team configuration (TLS, timeouts), and
 * the one place that turns a driver or server error into a sentence a person can act on. Messages name
 * the store as host:port/database and the user; the password never appears (the driver's own messages do
 * not carry it either, and the URL is never put in one).
 */
import fs from 'node:fs';
import pg from 'pg';
import { describeStore, storeUser, TeamConfigError, type TeamConfig } from './team-config';
import { resolveStorePassword, storeAddress } from './store-password';
import type {
  TeamStoreProblem,
  TeamStoreProblemKind,
} from '../../preload/contract/team-store-problem';

export type StorePool = pg.Pool;

/** How long to wait for a connection (ms) before calling the store unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;

function tlsOptions(config: TeamConfig): pg.PoolConfig['ssl'] {
  switch (config.tls.mode) {
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-full': {
      if (config.tls.caFile === undefined) return { rejectUnauthorized: true };
      try {
        return { rejectUnauthorized: true, ca: fs.readFileSync(config.tls.caFile, 'utf8') };
      } catch (error) {
        throw new TeamConfigError(
          `tls.caFile ${config.tls.caFile} could not be read (${(error as NodeJS.ErrnoException).code}).`,
        );
      }
    }
  }
}

export interface PoolOptions {
  /** Most connections at once (default 2: the app syncs and the team view reads). */
  readonly max?: number;
  /** The connection string to use instead of the configuration's (the CLI's --url). */
  readonly url?: string;
}

export function openStorePool(config: TeamConfig, options: PoolOptions = {}): StorePool {
  const login = { ...config, url: options.url ?? config.url };
  // A configuration error (an unreadable passwordFile) shows at once, not at the first connection.
  resolveStorePassword(login);
  const { host, port, database, user } = storeAddress(login.url);
  const pool = new pg.Pool({
    host,
    port,
    database,
    user,
    // Asked on every new connection (a rotated password file is read again); '' when there is none,
    // so the server's own answer ("password authentication failed") is what the status shows.
    password: async () => resolveStorePassword(login) ?? '',
    ssl: tlsOptions(config),
    max: options.max ?? 2,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // The server cancels a statement that runs longer; the client gives up a little later (a server that
    // stopped answering altogether).
    statement_timeout: config.statementTimeoutMs,
    query_timeout: config.statementTimeoutMs + 5_000,
    application_name: 'calm-line',
    // JIT off: the team view's queries run in milliseconds, and compiling them took longer than that
    // (13 ms of a 25 ms count, measured at 1M rows: tests/bench/team-store-bench.ts).
    options: '-c jit=off',
    keepAlive: true,
  });
  // An idle connection that breaks (server restarted) must not crash the app: the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Errors that are about one row (the store refuses this session: row-level security, a constraint, a
 * value it cannot take) rather than about the store (down, slow, restarting, wrong login, no schema) —
 * the first are set aside row by row, the second are retried with backoff.
 */
export function isRowRefusal(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === undefined) return false;
  if (code === '42501') return /row-level security/.test(String((error as Error).message));
  return /^(22|23)/.test(code);
}

/** Why the store could not be used, in no language: the kind, where, as whom, and the driver's words. */
export function storeProblem(error: unknown, config: Pick<TeamConfig, 'url'>): TeamStoreProblem {
  const where = describeStore(config.url);
  const user = storeUser(config.url);
  const e = error as { code?: string; message?: string } | undefined;
  const detail = String(e?.message ?? error);
  const is = (problem: TeamStoreProblemKind): TeamStoreProblem => ({
    problem,
    where,
    user,
    detail,
  });
  switch (e?.code) {
    case 'ECONNREFUSED':
      return is('refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return is('hostNotFound');
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return is('unreachable');
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01':
    case '57P02':
    case '57P03':
      return is('closed');
    case '28P01':
    case '28000':
      return is('loginRefused');
    case '3D000':
      return is('noDatabase');
    case '57014':
      return is('statementTimeout');
    case '42P01':
      return is('noTables');
    case '42501':
      return is('permission');
    case '53300':
      return is('tooManyConnections');
  }
  if (/client password must be a (non-empty )?string/.test(detail)) return is('noPassword');
  if (/timeout/i.test(detail)) return is('noAnswer');
  if (/certificate|self[- ]signed|SSL|TLS/i.test(detail)) return is('tls');
  if (/Connection terminated|connection closed/i.test(detail)) return is('lost');
  return is('other');
}

/** One line: why the store could not be used, for the status, the CLI and the log (English). */
export function describeStoreError(error: unknown, config: Pick<TeamConfig, 'url'>): string {
  const { problem, where, user, detail } = storeProblem(error, config);
  switch (problem) {
    case 'refused':
      return `the team store at ${where} refused the connection (is the server running?)`;
    case 'hostNotFound':
      return `the team store's host in ${where} could not be found`;
    case 'unreachable':
      return `the team store at ${where} could not be reached`;
    case 'closed':
      return `the team store at ${where} closed the connection (restarting or shutting down)`;
    case 'loginRefused':
      return `the team store at ${where} refused the login of "${user}" (wrong user or password, or not allowed from here)`;
    case 'noDatabase':
      return `the team store at ${where} has no such database`;
    case 'statementTimeout':
      return `the team store at ${where} took too long and cancelled the statement (statement timeout)`;
    case 'noTables':
      return `the team store at ${where} has no Calm Line tables yet (run: npm run --silent team -- migrate)`;
    case 'permission':
      return `the team store refused "${user}": ${detail}`;
    case 'tooManyConnections':
      return `the team store at ${where} has too many connections`;
    case 'noPassword':
      return `the team store at ${where} asks for a password for "${user}" and none was found (passwordFile or the URL, PGPASSWORD, PGPASSFILE or ~/.pgpass)`;
    case 'noAnswer':
      return `the team store at ${where} did not answer in time (${detail})`;
    case 'tls':
      return `the TLS connection to ${where} failed: ${detail}`;
    case 'lost':
      return `the connection to the team store at ${where} was lost`;
    case 'other':
      return `the team store at ${where} failed: ${detail}`;
  }
}
