/**
 * `npm test`: every layer in order, stopping at nothing, then one closing line with the totals.
 *   1. typecheck of every process boundary (engine, preload, main, renderer, tests), then ESLint (no
 *      import cycles, Electron only in the shell, a pure engine, the rules of hooks) and Prettier's check
 *   2. build of the renderer and of main/preload (the specs drive the built app)
 *   3. vitest: engine, services, browser host, analyser (generated audio, ffmpeg references)
 *   4. Playwright: the built renderer in Debian Chromium through the browser host, fake capture audio;
 *      the Electron specs skip with a reason where Electron's binary cannot be obtained.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  addPlaywright,
  closingLine,
  emptyTally,
  exitCode,
  type PlaywrightStats,
} from './support/test-tally';

const reportDir = path.resolve('.tmp/test-reports');
mkdirSync(reportDir, { recursive: true });

const total = emptyTally();
let stepFailed = false;

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) {
    stepFailed = true;
    console.log(`=== ${label} FAILED (exit ${result.status ?? result.signal})`);
  }
  return ok;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const typecheckOk = run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
total[typecheckOk ? 'passed' : 'failed'] += 1;
const lintOk = run('lint', 'npm', ['run', '--silent', 'lint']);
total[lintOk ? 'passed' : 'failed'] += 1;
const formatOk = run('format', 'npm', ['run', '--silent', 'format:check']);
total[formatOk ? 'passed' : 'failed'] += 1;
const buildOk = run('build', 'npm', ['run', '--silent', 'build']);
total[buildOk ? 'passed' : 'failed'] += 1;

const vitestJson = path.join(reportDir, 'vitest.json');
run('unit and integration (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
} | null;
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else total.failed += 1;

if (buildOk) {
  const pwJson = path.join(reportDir, 'playwright.json');
  run('end to end (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  const pw = readJson(pwJson) as { stats: PlaywrightStats } | null;
  if (pw) addPlaywright(total, pw.stats);
  else total.failed += 1;
} else {
  console.log('=== end to end skipped: the build failed');
  total.failed += 1;
}

console.log(`\n${closingLine(total)}`);
process.exit(exitCode(total, stepFailed));
