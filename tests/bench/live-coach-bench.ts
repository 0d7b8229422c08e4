/**
 * The live coach in real Chromium: a one-minute scripted call played through the fake capture device into
 * the built app (browser host, real services). Figures:
 * - meter_latency_ms_p95: each speech onset in the file (after ≥ 0.6 s of that party's silence) → the
 *   meter's first non-silent reading on the page, from the moment getUserMedia resolved (file time 0);
 * - cue_latency_ms_p95: each moment a "wait for the pause" / "your turn" / "talking over" rule's threshold
 *   is met in the file → the banner showing it;
 * - live_cpu_pct: CPU time of Chromium's renderer process (page + AudioWorklet) over 60 s of metering,
 *   as % of one core; beside it the GPU process (which composites the page's frames) and the audio
 *   service process (which plays the fake device), which the target does not count.
 * (matching: live-latency.ts). References in the same run, same Chromium, flags and file:
 * - `meter_latency_floor_ms_p95`, `cue_latency_floor_ms_p95` (live-latency-floor.ts): a worklet that
 *   gates a level per 128-sample block and posts, a page that sets the attribute at once; the cue floor
 *   waits the rules' own thresholds. Targets: the app's p95 ≤ floor + 25 ms;
 * - `live_cpu_floor_pct`: a bare page, the same capture into an AudioContext and an AudioWorklet that
 *   does nothing — what any AudioWorklet meter pays here before it computes or draws anything. Target:
 *   `live_cpu_pct` ≤ 1.5 × floor (`live_cpu_floor_ratio`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stereoConstraints } from '../../renderer/src/live-coach/audio/capture-constraints';
import { launchApp } from '../e2e/support/app-fixture';
import { buildDialogue, type UtteranceSpec } from '../support/dialogues';
import { openLiveRun, percentile, playCall, type LiveRun } from '../support/live-run';
import { round, type BenchModule } from './bench-module';
import { addLatencyFloor, floorLatencies } from './live-latency-floor';
import { listCueLatencies, listLatencies, measureLatencies, type Latencies } from './live-latency';

const CALLER = [
  'I have been waiting three weeks and nobody called me back.',
  'This is the third time I am calling about this.',
  'No, that is not what I was told.',
  'Fine. What happens next?',
];
const AGENT = [
  'I am sorry about that. Let me look right now.',
  'I understand. I will fix it today.',
  'You will get an email by Friday.',
];

/** About 62 s of alternating turns with pauses, and an interruption every third exchange. */
function benchDialogueSpec(): UtteranceSpec[] {
  const utterances: UtteranceSpec[] = [];
  let t = 0.5;
  for (let i = 0; t < 58; i++) {
    utterances.push({ who: 'caller', at: t, text: CALLER[i % CALLER.length] });
    if (i % 3 === 2) {
      utterances.push({ who: 'agent', at: t + 1.0, text: 'But our records', cutSec: 0.9 });
    }
    t += 4.6;
    utterances.push({ who: 'agent', at: t, text: AGENT[i % AGENT.length] });
    t += 4.2;
  }
  return utterances;
}

interface CpuSample {
  ticks: number;
  at: number;
}
const CLOCK_TICKS_PER_SEC = 100;

function chromiumProcesses(rootPid: number): { pid: number; cmdline: string }[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const parent = new Map<number, number>();
  for (const pid of all) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++)
      if (p === rootPid) return true;
    return false;
  };
  return all
    .filter(inTree)
    .map((pid) => ({ pid, cmdline: safeRead(`/proc/${pid}/cmdline`).replace(/\0/g, ' ') }));
}

/** The Chromium browser process playing `wav` (its command line names the file; children have --type=). */
function browserPid(wav: string): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const cmd = safeRead(`/proc/${d}/cmdline`).replace(/\0/g, ' ');
    if (cmd.includes(`--use-file-for-fake-audio-capture=${wav}`) && !cmd.includes('--type='))
      return Number(d);
  }
  return null;
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function cpuTicks(pids: number[]): CpuSample {
  let ticks = 0;
  for (const pid of pids) {
    const stat = safeRead(`/proc/${pid}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
  }
  return { ticks, at: performance.now() };
}

function cpuPct(a: CpuSample, b: CpuSample): number {
  return ((b.ticks - a.ticks) / CLOCK_TICKS_PER_SEC / ((b.at - a.at) / 1000)) * 100;
}

const CPU_WINDOW_SEC = 60;
/** Metering settles (capture opened, worklet compiled) before CPU is sampled. */
const CPU_SETTLE_MS = 1500;

interface CpuUsage {
  renderer: number;
  gpu: number;
  audio: number;
}

/** CPU of the Chromium playing `wav`, by process kind, over `seconds` starting now (null: not found). */
async function sampleCpu(wav: string, seconds: number): Promise<CpuUsage | null> {
  const pid = browserPid(wav);
  if (!pid) return null;
  const procs = chromiumProcesses(pid);
  const pick = (test: (cmd: string) => boolean) =>
    procs.filter((p) => test(p.cmdline)).map((p) => p.pid);
  const kinds = {
    renderer: pick((c) => c.includes('--type=renderer') && !c.includes('--extension-process')),
    gpu: pick((c) => c.includes('--type=gpu-process')),
    audio: pick((c) => c.includes('audio.mojom.AudioService')),
  };
  const before = {
    renderer: cpuTicks(kinds.renderer),
    gpu: cpuTicks(kinds.gpu),
    audio: cpuTicks(kinds.audio),
  };
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return {
    renderer: cpuPct(before.renderer, cpuTicks(kinds.renderer)),
    gpu: cpuPct(before.gpu, cpuTicks(kinds.gpu)),
    audio: cpuPct(before.audio, cpuTicks(kinds.audio)),
  };
}

/** The reference page: the app's capture constraints → AudioContext → an AudioWorklet that does nothing. */
const FLOOR_WORKLET = `registerProcessor('floor', class extends AudioWorkletProcessor { process() { return true; } });`;
const FLOOR_PAGE = `<!doctype html><script type="module">
window.startFloor = async (constraints) => {
  const stream = await navigator.mediaDevices.getUserMedia(constraints);
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.audioWorklet.addModule('/floor-worklet.js');
  const node = new AudioWorkletNode(context, 'floor', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1], channelCount: 2, channelCountMode: 'explicit' });
  context.createMediaStreamSource(stream).connect(node);
  node.connect(context.destination);
  await context.resume();
};
</script>`;

/** Renderer CPU of the reference page playing the same file in the same Chromium (see the header). */
async function floorCpu(wav: string): Promise<CpuUsage | null> {
  const server = createServer((req, res) => {
    const worklet = req.url === '/floor-worklet.js';
    res.writeHead(200, { 'content-type': worklet ? 'text/javascript' : 'text/html' });
    res.end(worklet ? FLOOR_WORKLET : FLOOR_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const app = await launchApp({ captureWav: wav });
  try {
    await app.page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    // The page's module script may run after 'load' under load (seen once in three runs).
    await app.page.waitForFunction(() => 'startFloor' in window);
    await app.page.evaluate(
      (c) =>
        (window as unknown as { startFloor(c: MediaStreamConstraints): Promise<void> }).startFloor(
          c,
        ),
      stereoConstraints(null),
    );
    await new Promise((r) => setTimeout(r, CPU_SETTLE_MS));
    return await sampleCpu(wav, CPU_WINDOW_SEC);
  } finally {
    await app.close();
    server.close();
  }
}

export const liveCoachBench: BenchModule = {
  name: 'live coach in Chromium',
  async run(ctx) {
    const call = buildDialogue({ sampleRate: 48000, utterances: benchDialogueSpec(), tailSec: 2 });
    ctx.log(`call of ${call.durationSec.toFixed(1)} s, ${call.truth.length} utterances`);

    // Latency: the app and its floor on the same capture stream in one run (latency-floor header).
    const run: LiveRun = await openLiveRun(call.file);
    let app: Latencies;
    let floorLatency: Latencies;
    let removeFloor = () => {};
    try {
      removeFloor = await addLatencyFloor(run);
      await playCall(run, call.durationSec + 0.5);
      app = measureLatencies(call, run.captureStartMs, run.changes);
      floorLatency = await floorLatencies(run, call);
      if (run.app.consoleErrors.length > 0)
        ctx.log(`page errors during the run: ${run.app.consoleErrors.join(' | ')}`);
    } finally {
      await run.app.close();
      removeFloor();
    }
    ctx.log(`meter latencies (ms): ${listLatencies(app.meter)}`);
    ctx.log(`cue latencies (ms): ${listCueLatencies(app)}`);
    ctx.log(`floor meter latencies (ms): ${listLatencies(floorLatency.meter)}`);
    ctx.log(`floor cue latencies (ms): ${listCueLatencies(floorLatency)}`);
    const p95 = (xs: number[]) => round(percentile(xs, 95), 1);

    // CPU: the app alone (the floor's second AudioContext would count in the renderer), sampled over
    // 60 s of the call from the side.
    const cpuRun: LiveRun = await openLiveRun(call.file);
    let usage: CpuUsage | null;
    try {
      const cpu = new Promise((r) => setTimeout(r, CPU_SETTLE_MS)).then(() =>
        sampleCpu(call.file, CPU_WINDOW_SEC),
      );
      await playCall(cpuRun, call.durationSec + 0.5);
      usage = await cpu;
    } finally {
      await cpuRun.app.close();
    }
    ctx.log('reference: the same capture into an AudioWorklet that does nothing');
    const floor = await floorCpu(call.file);
    const pct = (u: CpuUsage | null, k: keyof CpuUsage) => (u ? round(u[k], 2) : null);
    return {
      meter_latency_ms_p95: p95(app.meter),
      meter_latency_ms_median: round(percentile(app.meter, 50), 1),
      meter_onsets_measured: app.meter.length,
      meter_latency_floor_ms_p95: p95(floorLatency.meter),
      meter_latency_over_floor_ms: round(p95(app.meter) - p95(floorLatency.meter), 1),
      cue_latency_ms_p95: p95(app.cue),
      cue_latency_ms_median: round(percentile(app.cue, 50), 1),
      cue_onsets_measured: app.cue.length,
      cue_latency_floor_ms_p95: p95(floorLatency.cue),
      cue_latency_over_floor_ms: round(p95(app.cue) - p95(floorLatency.cue), 1),
      live_cpu_pct: pct(usage, 'renderer'),
      live_cpu_floor_pct: pct(floor, 'renderer'),
      live_cpu_over_floor_pct: usage && floor ? round(usage.renderer - floor.renderer, 2) : null,
      live_cpu_floor_ratio: usage && floor ? round(usage.renderer / floor.renderer, 2) : null,
      live_gpu_process_cpu_pct: pct(usage, 'gpu'),
      live_audio_service_cpu_pct: pct(usage, 'audio'),
    };
  },
};
