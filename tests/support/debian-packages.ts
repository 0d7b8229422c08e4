/**
 * Debian data packages as test material, without installing anything: `apt-get download` + `dpkg -x` into
 * a folder under .tmp/, once (a lock-free rename makes parallel workers safe). Real recorded voices
 * (real-voices.ts) and real hold music (hold-music-calls.ts) come this way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, runTool } from './test-audio';

/** Extracts `packages` once under `.tmp/<folder>/root`; returns that root. `what` names them in an error. */
export function extractedDebianPackages(
  folder: string,
  packages: readonly string[],
  what: string,
): string {
  const dir = path.join(PROJECT_ROOT, '.tmp', folder);
  const root = path.join(dir, 'root');
  if (existsSync(path.join(root, '.complete'))) return root;
  const work = path.join(dir, `work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const got = spawnSync('apt-get', ['download', ...packages], { cwd: work, encoding: 'utf8' });
    if (got.status !== 0)
      throw new Error(got.error?.message ?? got.stderr.trim().split('\n').slice(-2).join(' '));
    const tree = path.join(work, 'root');
    for (const deb of readdirSync(work).filter((f) => f.endsWith('.deb')))
      runTool('dpkg', ['-x', path.join(work, deb), tree]);
    writeFileSync(path.join(tree, '.complete'), '');
    if (!existsSync(path.join(root, '.complete'))) {
      rmSync(root, { recursive: true, force: true });
      renameSync(tree, root);
    }
  } catch (error) {
    throw new Error(
      `${what}: could not fetch Debian's ${packages.join(', ')} with apt-get download (${(error as Error).message})`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return root;
}
