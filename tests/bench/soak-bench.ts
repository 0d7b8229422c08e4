/**
 * Long shifts: eight hours of call audio through the live coach's worklet (the built bundle, in Node with
 * --expose-gc: calls of 2–8 minutes, pauses, a 45-minute break), and an hour through the live pipeline in
 * Chromium (OfflineAudioContext → AudioWorkletNode running the built bundle → the page). Sessions are not
 * saved here: the repository keeps the day's parsed partitions in memory by design (≤ 4), which would show
 * as growth that is data, not a leak; tests/reliability/shift-soak.test.ts checks a shift with every session
 * and timeline saved for open files and handles. Figures, after a one-hour warm-up:
 * - soak_heap_growth_pct: the larger of the two heap growths (peak after GC between calls over the first such
 *   value after warm-up);
 * - soak_worklet_heap_growth_pct / soak_page_heap_growth_pct: each one, and the heaps in MB;
 * - soak_fd_growth / soak_handle_growth: open file descriptors and active handles beyond warm-up;
 * - soak_x_realtime: audio seconds per wall second of the Node soak; soak_calls: calls played.
 * Target: soak_heap_growth_pct ≤ 5.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDialogue } from '../support/dialogues';
import { concat } from '../support/test-audio';
import {
  heatedCallerCall,
  interruptionCall,
  raisedVoiceCall,
  turnTakingCall,
} from '../engine/dialogue-scripts';
import { runWatched } from '../reliability/child-runner';
import { evenShift, runLivePipeline } from '../reliability/live-pipeline-soak';
import { soakGrowth, type ShiftPlan, type SoakSample } from '../reliability/shift-soak';
import { round, type BenchModule } from './bench-module';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WARM_UP_MIN = 60;
const CHROMIUM = process.env.CALM_LINE_CHROMIUM ?? '/usr/bin/chromium';

export const soakBench: BenchModule = {
  name: 'soak',
  async run({ log }) {
    const plan: ShiftPlan = {
      hours: 8,
      sampleRate: 16000,
      seed: 20260701,
      callMinutes: [2, 8],
      gapMinutes: [0.5, 3],
      breakAtHour: 4,
      breakMinutes: 45,
      sampleEveryMin: 15,
      store: false,
    };
    log('8 hours of a shift through the built worklet in Node…');
    const run = await runWatched(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.join(PROJECT_ROOT, 'tests/reliability/shift-soak-child.ts'),
        JSON.stringify(plan),
        '--built',
      ],
      300_000,
      { cwd: PROJECT_ROOT },
    );
    if (run.code !== 0 || run.stalled)
      throw new Error(
        `shift soak failed (exit ${run.code}${run.stalled ? ', stalled' : ''}): ${run.stderr.slice(-2000)}`,
      );
    const samples = run.lines
      .filter((l) => l.startsWith('{"sample"'))
      .map((l) => (JSON.parse(l) as { sample: SoakSample }).sample);
    const result = (
      JSON.parse(run.lines.find((l) => l.startsWith('{"result"'))!) as {
        result: { calls: number; callProblems: string[]; wallSec: number };
      }
    ).result;
    if (result.callProblems.length > 0)
      throw new Error(`calls lost data: ${result.callProblems.slice(0, 5).join('; ')}`);
    const node = soakGrowth(samples, WARM_UP_MIN);
    log(
      `worklet heap ${round(node.baselineHeap / 1e6, 2)} → peak ${round(node.peakHeap / 1e6, 2)} MB (${round(node.heapGrowthPct, 2)} %), ${result.calls} calls, ${round(result.wallSec, 1)} s`,
    );

    log('an hour through the live pipeline in Chromium…');
    const parts = [turnTakingCall, interruptionCall, raisedVoiceCall, heatedCallerCall].map((s) =>
      buildDialogue(s(16000)),
    );
    const audio = {
      caller: concat(...parts.map((d) => d.caller)),
      agent: concat(...parts.map((d) => d.agent)),
    };
    const livePlan = { minutes: 60, sampleRate: 16000, ...evenShift(60, 4, 1, 5) };
    const live = await runLivePipeline(livePlan, audio, CHROMIUM);
    const lost = livePlan.calls.filter(
      ([start, end], i) => !(Math.abs((live.callDurations[i] ?? -1) - (end - start)) < 1),
    );
    if (lost.length > 0)
      throw new Error(
        `live pipeline: ${lost.length} of ${livePlan.calls.length} calls came back without their audio (${live.callDurations.join(', ')})`,
      );
    const after = live.pageHeap.filter((h) => h.t >= 10 * 60);
    const pageBase = after[0].used;
    const pagePeak = Math.max(...after.map((h) => h.used));
    const pagePct = ((pagePeak - pageBase) / pageBase) * 100;
    log(
      `page heap ${round(pageBase / 1e6, 2)} → peak ${round(pagePeak / 1e6, 2)} MB (${round(pagePct, 2)} %), ${live.callDurations.length} calls, ${round(live.wallSec, 1)} s`,
    );

    return {
      soak_heap_growth_pct: round(Math.max(node.heapGrowthPct, pagePct), 2),
      soak_worklet_heap_growth_pct: round(node.heapGrowthPct, 2),
      soak_worklet_heap_mb: round(node.baselineHeap / 1e6, 2),
      soak_worklet_heap_peak_mb: round(node.peakHeap / 1e6, 2),
      soak_page_heap_growth_pct: round(pagePct, 2),
      soak_page_heap_mb: round(pageBase / 1e6, 2),
      soak_fd_growth: node.fdsPeak - node.fdsBaseline,
      soak_handle_growth: node.resourcesPeak - node.resourcesBaseline,
      soak_calls: result.calls,
      soak_audio_hours: plan.hours,
      soak_x_realtime: round((plan.hours * 3600) / result.wallSec, 0),
    };
  },
};
