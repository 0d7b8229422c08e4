/**
 * The tests mirror the source (README, Architecture): every folder of main/, every part of the shell,
 * every feature of renderer/src and every folder of the engine has a test folder of the same name with a
 * test in it, and no test folder is left naming a source folder that is gone. Deeper folders (cli/batch,
 * live-coach/meters) are tested from their parent's test folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../layers.js';

const MIRRORS = [
  { source: 'main', tests: 'tests/main' },
  { source: 'main/shell', tests: 'tests/main/shell' },
  { source: 'renderer/src', tests: 'tests/renderer' },
  { source: 'renderer/engine', tests: 'tests/engine' },
] as const;

/** Test folders that hold helpers, not the tests of a source folder. */
const HELPER_FOLDERS = new Set(['support']);

const SOURCE = /\.(ts|tsx|js|mjs|cjs|wat|wasm)$/;
const TEST = /\.test\.ts$/;

function folders(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Whether a folder (or one below it) holds a file whose name matches. */
function holds(dir: string, name: RegExp): boolean {
  const full = path.join(ROOT, dir);
  if (!existsSync(full)) return false;
  return readdirSync(full, { withFileTypes: true, recursive: true }).some(
    (entry) => entry.isFile() && name.test(entry.name),
  );
}

describe('the tests mirror the source', () => {
  it.each(MIRRORS)('every folder of $source has a test folder in $tests', ({ source, tests }) => {
    const untested = folders(source)
      .filter((folder) => holds(`${source}/${folder}`, SOURCE))
      .filter((folder) => !holds(`${tests}/${folder}`, TEST))
      .map((folder) => `${source}/${folder} (no test in ${tests}/${folder})`);
    expect(untested).toEqual([]);
  });

  it.each(MIRRORS)('every test folder in $tests names a folder of $source', ({ source, tests }) => {
    const sourceFolders = new Set(folders(source));
    const stray = folders(tests).filter(
      (folder) => !sourceFolders.has(folder) && !HELPER_FOLDERS.has(folder),
    );
    expect(stray).toEqual([]);
  });
});
