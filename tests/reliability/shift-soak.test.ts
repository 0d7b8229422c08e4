/**
 * An hour of a shift through the live coach's worklet code (calls of 2–8 minutes, pauses, a 20-minute break
 * with the app open), every call's session and timeline saved through the real stores: after a 15-minute
 * warm-up the heap after GC between calls stays within 5 % and no file descriptor or handle is left open.
 * The eight-hour version with its figures is `npm run bench` (soak_heap_growth_pct); this one asserts
 * bounds, not speed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/test-audio';
import { runWatched } from './child-runner';
import { soakGrowth, type ShiftPlan, type SoakSample } from './shift-soak';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20260701) >>> 0;
const WARM_UP_MIN = 15;

describe('an hour of a shift', () => {
  it(`keeps the heap flat after warm-up and leaves no handle open, through calls, pauses and a break (seed ${SEED})`, async () => {
    const plan: ShiftPlan = {
      hours: 1,
      sampleRate: 16000,
      seed: SEED,
      callMinutes: [2, 8],
      gapMinutes: [0.5, 2],
      breakAtHour: 0.6,
      breakMinutes: 20,
      sampleEveryMin: 5,
    };
    const run = await runWatched(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.join(PROJECT_ROOT, 'tests/reliability/shift-soak-child.ts'),
        JSON.stringify(plan),
      ],
      120_000,
      { cwd: PROJECT_ROOT },
    );
    expect(run.stalled, 'the soak stopped making progress').toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const samples = run.lines
      .filter((l) => l.startsWith('{"sample"'))
      .map((l) => (JSON.parse(l) as { sample: SoakSample }).sample);
    const result = (
      JSON.parse(run.lines.find((l) => l.startsWith('{"result"'))!) as {
        result: { calls: number; callProblems: string[] };
      }
    ).result;

    // Every call came back whole and was stored with its timeline.
    expect(result.callProblems).toEqual([]);
    expect(result.calls).toBeGreaterThanOrEqual(6);
    expect(samples.some((s) => s.phase === 'break')).toBe(true);

    const growth = soakGrowth(samples, WARM_UP_MIN);
    const heapMb = samples
      .map((s) => `${s.audioMin}′ ${s.phase} ${(s.heapUsed / 1e6).toFixed(2)}`)
      .join(', ');
    expect(
      growth.heapGrowthPct,
      `heap after GC (MB) by audio minute: ${heapMb}`,
    ).toBeLessThanOrEqual(5);
    expect(growth.fdsPeak - growth.fdsBaseline, 'open file descriptors').toBeLessThanOrEqual(1);
    expect(growth.resourcesPeak - growth.resourcesBaseline, 'active handles').toBeLessThanOrEqual(
      1,
    );
  }, 180_000);
});
