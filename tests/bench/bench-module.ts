/**
 * The contract of `npm run bench`: run-bench.ts runs a list of bench modules, each returning a partial
 * result object; the merged object is printed as the LAST line of stdout (progress goes to stderr).
 */
export type BenchFigures = Record<string, number | string | boolean | null>;

export interface BenchContext {
  /** How many times each timed step runs; the best (shortest) wall time counts. */
  runs: number;
  /** Progress for humans (stderr, so stdout ends with the JSON line). */
  log(message: string): void;
}

export interface BenchModule {
  name: string;
  run(ctx: BenchContext): Promise<BenchFigures>;
}

/** Wall time of one call of fn, in seconds. */
export async function wallSeconds(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
