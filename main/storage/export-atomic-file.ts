/**
 * Writes a file so that it either appears complete or not at all: everything goes to a hidden temporary
 * file beside the target (same folder, so the rename cannot cross file systems), which is renamed over
 * the target only after the writer finished and synced. A writer that throws or is cancelled leaves
 * nothing: the temporary file is removed and the target keeps what it had (or stays absent).
 */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

export function temporaryPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
}

export async function writeFileAtomically<T>(
  target: string,
  write: (temporaryPath: string) => Promise<T>,
): Promise<T> {
  const temporary = temporaryPathFor(target);
  try {
    const result = await write(temporary);
    await rename(temporary, target);
    return result;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
