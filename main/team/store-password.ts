/**
 * Where the team store's password comes from, in this order (the first that gives one wins):
 *   1. the URL's password (`postgres://ana:secret@host/db`) — or `passwordFile` (first line); a
 *      configuration may name one of the two, not both (parseTeamConfig refuses that);
 *   2. the `PGPASSWORD` environment variable;
 *   3. the password file libpq reads: `PGPASSFILE`, else `~/.pgpass` (`%APPDATA%\postgresql\pgpass.conf`
 *      on Windows): `host:port:database:user:password` lines, `*` matching anything, `\:` and `\\`
 *      escaping, the first matching line used.
 * None: the login is tried without a password (a server that trusts the host lets it in; one that asks
 * for a password refuses it and the status says so).
 *
 * The driver is given a function rather than a string: a URL without a password otherwise makes `pg` send
 * an empty one (the URL's '' overrides the `password` option), and the files are read again on every new
 * connection, so IT can rotate a password without restarting the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TeamConfigError, type TeamConfig } from './team-config';

export interface StoreAddress {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** The URL's own password ('' when it has none). */
  readonly password: string;
}

/** host, port, database, user and password of a postgres:// URL (percent-decoded). */
export function storeAddress(url: string): StoreAddress {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1'),
    port: Number(parsed.port || '5432'),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/** The fields of one pgpass line (`\:` and `\\` unescaped), or null for a comment or a short line. */
function pgpassFields(line: string): string[] | null {
  if (line.startsWith('#') || line.trim() === '') return null;
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) current += line[++i];
    else if (c === ':' && fields.length < 4) {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields.length === 5 ? fields : null;
}

/** The password a pgpass file's text gives for this address (libpq's matching), or undefined. */
export function pgpassLookup(text: string, address: StoreAddress): string | undefined {
  const wanted = [address.host, String(address.port), address.database, address.user];
  for (const line of text.split(/\r?\n/)) {
    const fields = pgpassFields(line);
    if (fields === null) continue;
    if (wanted.every((value, i) => fields[i] === '*' || fields[i] === value)) return fields[4];
  }
  return undefined;
}

function defaultPgpassFile(env: NodeJS.ProcessEnv): string {
  return process.platform === 'win32'
    ? path.join(env.APPDATA ?? os.homedir(), 'postgresql', 'pgpass.conf')
    : path.join(os.homedir(), '.pgpass');
}

/** The password for the configuration's login, from the first source above that has one. */
export function resolveStorePassword(
  config: Pick<TeamConfig, 'url' | 'passwordFile'>,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const address = storeAddress(config.url);
  if (address.password !== '') return address.password;
  if (config.passwordFile !== undefined) {
    try {
      return fs.readFileSync(config.passwordFile, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      throw new TeamConfigError(
        `passwordFile ${config.passwordFile} could not be read (${(error as NodeJS.ErrnoException).code}).`,
      );
    }
  }
  if (env.PGPASSWORD !== undefined && env.PGPASSWORD !== '') return env.PGPASSWORD;
  const passFile = env.PGPASSFILE || defaultPgpassFile(env);
  let text: string;
  try {
    text = fs.readFileSync(passFile, 'utf8');
  } catch {
    return undefined;
  }
  return pgpassLookup(text, address);
}
