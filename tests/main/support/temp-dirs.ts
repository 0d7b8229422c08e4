import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Temp folders for one test file; `cleanup()` removes them all (call it in afterEach/afterAll). */
export function tempDirs(prefix: string) {
  const made: string[] = [];
  return {
    make(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `calm-line-${prefix}-`));
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
