/**
 * The team store's configuration: where the database is (a postgres:// URL), how the connection is
 * secured (TLS), and who this app syncs as (team and agent). IT deploys it as `team-store.json` in the
 * data folder; without that file the team store is off and nothing leaves the computer.
 *
 *   { "url": "postgres://ana@db.example.org:5432/calm_line",
 *     "passwordFile": "/etc/calm-line/ana.pw",      // optional; or the password in the URL (not both)
 *     "tls": { "mode": "verify-full", "caFile": "/etc/ssl/certs/corp-ca.pem" },
 *     "teamId": "support-north", "agentId": "ana", "includeTimeline": false }
 *
 * TLS modes: `verify-full` (the default: encrypted, the server's certificate checked against the system's
 * or `caFile`'s authorities and its name), `require` (encrypted, certificate not checked — only on a
 * trusted network), `disable` (plain TCP — loopback and tests). TLS is set here, never by `sslmode` in the
 * URL (two places would disagree); `disable` is refused for any host but this computer. Where the password
 * comes from (the URL or passwordFile, then PGPASSWORD, then PGPASSFILE / ~/.pgpass): store-password.ts.
 * The password is never logged: messages show `describeStore` only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const TEAM_CONFIG_FILE = 'team-store.json';

const identifier = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'use 1 to 64 letters, digits, dots, dashes or underscores');

export const teamConfigSchema = z.strictObject({
  url: z
    .string()
    .max(2000)
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must start with postgres://'),
  passwordFile: z.string().max(4096).optional(),
  tls: z
    .strictObject({
      mode: z.enum(['verify-full', 'require', 'disable']),
      caFile: z.string().max(4096).optional(),
    })
    .default({ mode: 'verify-full' }),
  teamId: identifier,
  agentId: identifier,
  /** Also send the 100 ms loudness timeline (default false: metrics and wrap-up only). */
  includeTimeline: z.boolean().default(false),
  /** Longest a statement may run before the store gives up on it (ms). */
  statementTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

export class TeamConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamConfigError';
  }
}

/** host:port/database of the URL — what messages and the UI show (never the user or password). */
export function describeStore(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
    return `${parsed.hostname}:${parsed.port || '5432'}/${database}`;
  } catch {
    return 'the team store';
  }
}

/** The login role in the URL ('' when none). */
export function storeUser(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username);
  } catch {
    return '';
  }
}

/** Whether a URL's host name is this computer (where an unencrypted connection never leaves it). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Checks a parsed configuration; a TeamConfigError names the first problem in one line. */
export function parseTeamConfig(raw: unknown, where: string): TeamConfig {
  const parsed = teamConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw new TeamConfigError(
      `${where}: ${field} ${issue.message.replace(/^Invalid input: /, '')}.`,
    );
  }
  const config = parsed.data;
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new TeamConfigError(`${where}: url is not a valid postgres:// URL.`);
  }
  if (url.searchParams.has('sslmode') || url.searchParams.has('ssl'))
    throw new TeamConfigError(
      `${where}: set TLS with "tls": { "mode": … }, not sslmode in the URL.`,
    );
  if (url.username === '')
    throw new TeamConfigError(`${where}: url names no database user (postgres://USER@host/db).`);
  if (url.password !== '' && config.passwordFile !== undefined)
    throw new TeamConfigError(
      `${where}: give the password in the url or in passwordFile, not both (they could disagree).`,
    );
  if (config.tls.mode === 'disable' && !isLoopback(url.hostname))
    throw new TeamConfigError(
      `${where}: tls.mode "disable" is for a store on this computer only (127.0.0.1, ::1, localhost); ${url.hostname} needs "verify-full" or "require".`,
    );
  return config;
}

/** The data folder's team configuration, or null when the file is absent (team store off). */
export function loadTeamConfig(dataDir: string): TeamConfig | null {
  const file = path.join(dataDir, TEAM_CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new TeamConfigError(
      `${file} could not be read (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TeamConfigError(`${file} is not valid JSON.`);
  }
  return parseTeamConfig(raw, file);
}

/** The agent id this data folder's sessions sync under (its team-store.json), or null when no team store
 * is configured or the file is unusable (what a local export's `agent_id` column carries). */
export function configuredAgentId(dataDir: string): string | null {
  try {
    return loadTeamConfig(dataDir)?.agentId ?? null;
  } catch {
    return null;
  }
}
