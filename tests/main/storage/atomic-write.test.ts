/**
 * The one atomic writer (main/storage/atomic-write.ts): a file is replaced whole or not at all, a writer
 * that fails leaves the old content and no temp file, a secret's file gets exactly its mode, and the temp
 * files a crash left behind are swept once they are old — never a real file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isTempFileName,
  removeStaleTempFiles,
  writeFileAtomic,
  writeFileAtomicallyWith,
} from '../../../main/storage/atomic-write';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('atomic-write');
afterEach(() => dirs.cleanup());

describe('writing a file atomically', () => {
  it('replaces the content and leaves only the file in its folder', () => {
    const file = path.join(dirs.make(), 'nested', 'settings.json');
    writeFileAtomic(file, '{"v":1}');
    writeFileAtomic(file, '{"v":2}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('gives a secret’s file exactly the mode asked for, whatever the umask', () => {
    if (process.platform === 'win32') return;
    const file = path.join(dirs.make(), 'call-events.json');
    const umask = process.umask(0o077);
    try {
      writeFileAtomic(file, 'secret', { mode: 0o640, exactMode: true });
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('leaves the old content and no temp file when a streaming writer fails', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, 'old export');
    await expect(
      writeFileAtomicallyWith(file, async (temporary) => {
        fs.writeFileSync(temporary, 'half an exp');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readFileSync(file, 'utf8')).toBe('old export');
    expect(fs.readdirSync(dir)).toEqual(['export.csv']);
  });

  it('puts a streaming writer’s file in place only once it has finished', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'export.json');
    const result = await writeFileAtomicallyWith(file, async (temporary) => {
      fs.writeFileSync(temporary, '[1,2,3]');
      expect(fs.existsSync(file)).toBe(false);
      return 3;
    });
    expect(result).toBe(3);
    expect(fs.readFileSync(file, 'utf8')).toBe('[1,2,3]');
  });
});

describe('temp files a crash left behind', () => {
  it('are told apart from real files by their names', () => {
    expect(isTempFileName('settings.json.1234-9fa3c2d1.tmp')).toBe(true);
    expect(isTempFileName('settings.json.tmp-123456')).toBe(true);
    expect(isTempFileName('settings.json')).toBe(false);
    expect(isTempFileName('notes.tmp.json')).toBe(false);
  });

  it('are removed once older than the limit; fresh ones and real files stay', () => {
    const dir = dirs.make();
    const names = ['2026-03.json', 'old.json.1-aa.tmp', 'fresh.json.2-bb.tmp'];
    for (const name of names) fs.writeFileSync(path.join(dir, name), 'x');
    const now = Date.now();
    const hourAgo = new Date(now - 3_600_000);
    fs.utimesSync(path.join(dir, 'old.json.1-aa.tmp'), hourAgo, hourAgo);
    fs.utimesSync(path.join(dir, '2026-03.json'), hourAgo, hourAgo);

    expect(removeStaleTempFiles(dir, names, now)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['2026-03.json', 'fresh.json.2-bb.tmp']);
  });
});
