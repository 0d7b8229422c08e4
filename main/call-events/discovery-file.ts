/**
 * How the `call` command finds the running app: `call-events.json` in the data folder — the loopback
 * endpoint's port, a random secret for this run, and the host's pid. Written with mode 0600 (only this
 * user reads the secret) when the host starts, removed when it stops. A file left by a host that died
 * (its pid is gone, or its port refuses) is "stale": the command says the app is not running.
 * Plain Node (fs only), so the bundled command loads it in a few milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../storage/atomic-write';

export const DISCOVERY_FILE_NAME = 'call-events.json';

export interface CallEventDiscovery {
  readonly port: number;
  /** 64 hex characters; sent as `Authorization: Bearer <secret>`. */
  readonly secret: string;
  readonly pid: number;
}

export function discoveryFilePath(dataDir: string): string {
  return path.join(dataDir, DISCOVERY_FILE_NAME);
}

export function newCallEventSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Writes the file (temp file + rename, so a reader never sees half of it) with mode 0600. */
export function writeDiscoveryFile(dataDir: string, discovery: CallEventDiscovery): string {
  const file = discoveryFilePath(dataDir);
  // Exactly 0600 whatever the umask; a file for this run only, not worth a disk flush.
  writeFileAtomic(file, `${JSON.stringify(discovery)}\n`, {
    mode: 0o600,
    exactMode: true,
    fsync: false,
  });
  return file;
}

export type DiscoveryRead =
  | { readonly state: 'found'; readonly discovery: CallEventDiscovery }
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly reason: string }
  | { readonly state: 'stale'; readonly reason: string };

function isDiscovery(value: unknown): value is CallEventDiscovery {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isInteger(v.port) &&
    (v.port as number) > 0 &&
    (v.port as number) < 65536 &&
    typeof v.secret === 'string' &&
    /^[0-9a-f]{64}$/.test(v.secret) &&
    Number.isInteger(v.pid) &&
    (v.pid as number) > 0
  );
}

/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads and checks the file; a pid that is gone makes it stale (the port is checked by connecting). */
export function readDiscoveryFile(
  dataDir: string,
  alive: (pid: number) => boolean = isProcessAlive,
): DiscoveryRead {
  let text: string;
  try {
    text = fs.readFileSync(discoveryFilePath(dataDir), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'unreadable', reason: (error as Error).message };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { state: 'unreadable', reason: `${DISCOVERY_FILE_NAME} is not JSON` };
  }
  if (!isDiscovery(parsed))
    return { state: 'unreadable', reason: `${DISCOVERY_FILE_NAME} lacks a port, secret or pid` };
  if (!alive(parsed.pid))
    return { state: 'stale', reason: `left by process ${parsed.pid}, which is no longer running` };
  return { state: 'found', discovery: parsed };
}

/** Removes the file if it is still this host's (another host may have replaced it since). */
export function removeDiscoveryFile(dataDir: string, secret: string): void {
  const file = discoveryFilePath(dataDir);
  try {
    const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { secret?: unknown };
    if (current.secret === secret) fs.rmSync(file, { force: true });
  } catch {
    // Gone already, or not ours to judge: leave it.
  }
}
