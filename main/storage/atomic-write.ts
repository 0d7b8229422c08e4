/**
 * Replacing a file so that a crash at any moment leaves either the old or the new content, never a mix:
 * write a temp file beside it (same folder, so the rename cannot cross file systems), fsync it, rename it
 * over the target, fsync the folder (so the rename survives a power cut too). A writer that throws or is
 * cancelled leaves nothing: the temp file is removed and the target keeps what it had (or stays absent).
 * Temp files a crash leaves behind end in `.tmp` and are never read. Every store and export writes here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Flush file and folder to the disk before returning (default true). Derived caches may skip it. */
  readonly fsync?: boolean;
  /** The new file's mode (default 0600), masked by the umask unless `exactMode`. */
  readonly mode?: number;
  /** Set `mode` exactly, whatever the umask (a file holding a secret). */
  readonly exactMode?: boolean;
}

/** Temp-file names this helper and conf's writer (atomically: `<file>.tmp-<digits>`) leave after a crash. */
export function isTempFileName(name: string): boolean {
  return /\.tmp(-\d+[0-9a-f]*)?$/.test(name);
}

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function temporaryPathFor(filePath: string): string {
  return `${filePath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

export function writeFileAtomic(
  filePath: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const { fsync = true, mode = 0o600, exactMode = false } = options;
  const folder = path.dirname(filePath);
  fs.mkdirSync(folder, { recursive: true });
  const temporary = temporaryPathFor(filePath);
  try {
    const fd = fs.openSync(temporary, 'w', mode);
    try {
      fs.writeFileSync(fd, data);
      if (exactMode) fs.fchmodSync(fd, mode);
      if (fsync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  if (fsync) fsyncFolder(folder);
}

/** Removes temp files older than `olderThanMs` in a folder (left by a crash mid-write); returns how many. */
export function removeStaleTempFiles(
  folder: string,
  names: readonly string[],
  now: number,
  olderThanMs = 600_000,
): number {
  let removed = 0;
  for (const name of names) {
    if (!isTempFileName(name)) continue;
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs > olderThanMs) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already (another writer finished or cleaned it).
    }
  }
  return removed;
}

/**
 * The same guarantee for a file a streaming writer produces (exports): `write` fills the temp path it is
 * given; only when it resolves is the file synced and renamed over the target.
 */
export async function writeFileAtomicallyWith<T>(
  filePath: string,
  write: (temporaryPath: string) => Promise<T>,
): Promise<T> {
  const temporary = temporaryPathFor(filePath);
  try {
    const result = await write(temporary);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
    fsyncFolder(path.dirname(filePath));
    return result;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
