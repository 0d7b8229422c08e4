/**
 * call_event_ms_p95: wall time of the bundled `call` command as a softphone runs it (`node
 * out/cli/call.js mark --data-dir D`, process start to exit) against a running browser host, p95 over 50
 * runs (the issue asks ≤ 200 ms). Everything the command touches is real — the bundle, call-events.json,
 * the loopback endpoint with its checks, the relay; the page's part is an immediate answer here (no
 * Chromium in the bench), which the e2e spec (tests/e2e/call-events.spec.ts) measures with the real page.
 * Also call_event_ms_median. The process is spawned asynchronously: the host runs in this process.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { startBrowserHost } from '../../main/browser-host/browser-host';
import { PROJECT_ROOT } from '../support/test-audio';
import { round, type BenchModule } from './bench-module';

const RUNS = 50;

function runOnce(bundle: string, dataDir: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bundle, 'mark', '--data-dir', dataDir], (error, _out, stderr) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (error) reject(new Error(`call exited ${error.code}: ${stderr.trim()}`));
      else resolve(ms);
    });
  });
}

function percentile(values: readonly number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

export const callEventBench: BenchModule = {
  name: 'call-event',
  async run(ctx) {
    const tmp = path.join(PROJECT_ROOT, '.tmp', 'bench');
    mkdirSync(tmp, { recursive: true });
    const bundle = path.join(tmp, 'call.js');
    await build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: ['main/cli/call.ts'],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    const dataDir = mkdtempSync(path.join(tmp, 'call-events-'));
    const host = await startBrowserHost({ dataDir });
    try {
      const relay = host.services.callEvents;
      if (!relay) throw new Error('the browser host has no call-event relay');
      relay.attach({
        emit: (event, notice) => {
          if (event === 'call-event' && 'eventId' in notice)
            relay.answer(notice.eventId, { outcome: 'applied', did: 'Marked the moment.' });
        },
        count: () => 1,
      });
      await runOnce(bundle, dataDir); // warm the file cache
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await runOnce(bundle, dataDir));
      const p95 = percentile(times, 95);
      ctx.log(`call event: p95 ${p95.toFixed(1)} ms over ${RUNS} runs`);
      return {
        call_event_ms_p95: round(p95, 1),
        call_event_ms_median: round(percentile(times, 50), 1),
      };
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
