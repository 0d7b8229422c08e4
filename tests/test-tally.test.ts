/**
 * `npm test`'s closing line and exit code (tests/support/test-tally.ts), and a planted flaky test run
 * through the real Playwright: it fails its first try, passes its retry, and the run fails with the line
 * saying "1 flaky".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addPlaywright,
  closingLine,
  emptyTally,
  exitCode,
  type PlaywrightStats,
} from './support/test-tally';

const DIR = path.resolve('.tmp/planted-flaky');
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('npm test’s totals', () => {
  it('counts flaky tests on their own and fails the run on them', () => {
    const t = emptyTally();
    addPlaywright(t, { expected: 40, unexpected: 0, flaky: 1, skipped: 2 });
    expect(closingLine(t)).toBe('tests: 40 passed, 0 failed, 2 skipped, 1 flaky');
    expect(exitCode(t, false)).toBe(1);
    const clean = emptyTally();
    addPlaywright(clean, { expected: 40, unexpected: 0, flaky: 0, skipped: 2 });
    expect(exitCode(clean, false)).toBe(0);
    expect(exitCode(clean, true)).toBe(1);
  });

  it('a planted flaky spec, run by Playwright with a retry, makes the run fail and the line show it', () => {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(
      path.join(DIR, 'planted.spec.ts'),
      `import { test, expect } from '@playwright/test';
test('fails the first time only', ({}, info) => { expect(info.retry).toBe(1); });
`,
    );
    writeFileSync(
      path.join(DIR, 'planted.config.mjs'),
      // allowed: the planted flaky test needs its retry to pass the second time (what is counted as flaky).
      `export default { testDir: '.', retries: 1, workers: 1, reporter: [['json']] };\n`,
    );
    const report = path.join(DIR, 'report.json');
    const run = spawnSync('npx', ['playwright', 'test', '--config', 'planted.config.mjs'], {
      cwd: DIR,
      encoding: 'utf8',
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    });
    // Playwright itself calls this run a success: the tally must not.
    expect(run.status).toBe(0);
    const { stats } = JSON.parse(readFileSync(report, 'utf8')) as { stats: PlaywrightStats };
    const t = emptyTally();
    addPlaywright(t, stats);
    expect(closingLine(t)).toBe('tests: 0 passed, 0 failed, 0 skipped, 1 flaky');
    expect(exitCode(t, false)).toBe(1);
  }, 60_000);
});
