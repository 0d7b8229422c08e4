/**
 * `npm test`'s totals (tests/run-all.ts): what each layer counted, the closing line, and the exit code.
 * A flaky test — failed, then passed on a retry — is its own count, and fails the run: a pass on the
 * second try is not a pass.
 */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}

export function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, flaky: 0 };
}

/** Playwright's JSON reporter's `stats`. */
export interface PlaywrightStats {
  expected: number;
  unexpected: number;
  flaky: number;
  skipped: number;
}

export function addPlaywright(total: Tally, stats: PlaywrightStats): void {
  total.passed += stats.expected;
  total.failed += stats.unexpected;
  total.flaky += stats.flaky;
  total.skipped += stats.skipped;
}

export function closingLine(t: Tally): string {
  return `tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.flaky} flaky`;
}

/** Non-zero when anything failed, was flaky, or a step (typecheck, lint, build…) did not succeed. */
export function exitCode(t: Tally, stepFailed: boolean): 0 | 1 {
  return t.failed > 0 || t.flaky > 0 || stepFailed ? 1 : 0;
}
