/**
 * The README's architecture tree is the map a newcomer uses to find a feature: every source folder is on
 * it and everything on it exists; and the tests mirror the source (tests/main/X tests main/X, and so on):
 * every source folder has its test folder, and every test folder its source folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Folders holding tracked (or new, not ignored) files under the given roots. */
function foldersUnder(...roots: string[]): Set<string> {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...roots], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir))
      folders.add(dir);
  }
  return folders;
}

/** The folders the README's tree names, as paths (two spaces of indent per level). */
function readmeFolders(): Set<string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- architecture:start -->\n```\n([\s\S]*?)\n```\n<!-- architecture:end -->/.exec(
    readme,
  );
  if (!block) throw new Error('README has no architecture block');
  const stack: string[] = [];
  const folders = new Set<string>();
  for (const line of block[1].split('\n')) {
    const match = /^( *)([\w.-]+)\/(\s|$)/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 2;
    stack.length = depth;
    stack.push(match[2]);
    folders.add(stack.join('/'));
  }
  return folders;
}

const SOURCE_ROOTS = ['main', 'preload', 'renderer', 'assets', 'tests'];
/** Folders too small or generated to be worth a line: static files and per-test data. */
const NOT_MAPPED = /^(renderer\/public|tests\/[^/]+\/.+|tests\/e2e\/support)$/;

describe('README architecture', () => {
  it('names every source folder, and nothing that does not exist', () => {
    const actual = new Set([...foldersUnder(...SOURCE_ROOTS)].filter((f) => !NOT_MAPPED.test(f)));
    const documented = readmeFolders();
    const missingFromReadme = [...actual].filter((f) => !documented.has(f)).sort();
    const notInTheTree = [...documented].filter((f) => !actual.has(f)).sort();
    expect({ missingFromReadme, notInTheTree }).toEqual({
      missingFromReadme: [],
      notInTheTree: [],
    });
  });
});

describe('tests mirror the source', () => {
  const source = foldersUnder('main', 'renderer', 'preload');
  const mirrors: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^tests\/main\/(.+)$/, (m) => `main/${m[1]}`],
    [/^tests\/renderer\/(.+)$/, (m) => `renderer/src/${m[1]}`],
    [/^tests\/engine\/(.+)$/, (m) => `renderer/engine/${m[1]}`],
    [/^tests\/preload\/(.+)$/, (m) => `preload/${m[1]}`],
  ];
  const testFolders = [...foldersUnder('tests')].filter((f) => !/\/support$/.test(f));
  it('keeps no test file loose in tests/main or tests/renderer', () => {
    const loose = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'tests'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => /^tests\/(main|renderer)\/[^/]+\.test\.ts$/.test(file));
    expect(loose).toEqual([]);
  });

  /** Every folder of main/, every part of the shell, every renderer feature, engine and preload folder has
   * a test folder of its name with a test in it; deeper folders (cli/batch, live-coach/meters) are tested
   * from their parent's. */
  const mirrored: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^main\/([^/]+)$/, (m) => `tests/main/${m[1]}`],
    [/^main\/shell\/([^/]+)$/, (m) => `tests/main/shell/${m[1]}`],
    [/^renderer\/src\/([^/]+)$/, (m) => `tests/renderer/${m[1]}`],
    [/^renderer\/engine\/([^/]+)$/, (m) => `tests/engine/${m[1]}`],
    [/^preload\/([^/]+)$/, (m) => `tests/preload/${m[1]}`],
  ];
  it('gives every folder of main/, part of the shell, feature, engine and preload folder a test folder', () => {
    const testFiles = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'tests'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => file.endsWith('.test.ts'));
    const untested = [...source]
      .sort()
      .flatMap((folder) =>
        mirrored.flatMap(([regex, testFolderOf]) => {
          const match = regex.exec(folder);
          return match ? [[folder, testFolderOf(match)] as const] : [];
        }),
      )
      .filter(([, tests]) => !testFiles.some((file) => file.startsWith(`${tests}/`)))
      .map(([folder, tests]) => `${folder}: no test in ${tests}/`);
    expect(untested).toEqual([]);
  });

  it.each(mirrors.map(([pattern]) => [String(pattern)]))(
    'each folder matching %s has a source folder of the same name',
    (pattern) => {
      const [regex, sourceOf] = mirrors.find(([p]) => String(p) === pattern)!;
      const orphans = testFolders
        .map((folder) => regex.exec(folder))
        .filter((m): m is RegExpExecArray => m !== null)
        .filter((m) => !source.has(sourceOf(m)))
        .map((m) => m[0]);
      expect(orphans).toEqual([]);
    },
  );
});
