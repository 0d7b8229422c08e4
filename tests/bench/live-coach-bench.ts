/**
 * The live coach in real Chromium: a one-minute scripted call played through the fake capture device into
 * the built app (browser host, real services). Figures:
 * - meter_latency_ms_p95: each speech onset in the file (after ≥ 0.6 s of that party's silence) → the
 *   meter's first non-silent reading on the page, from the moment getUserMedia resolved (file time 0);
 * - cue_latency_ms_p95: each moment a "your turn" / "talking over" rule's threshold is met in the file →
 *   the banner showing it;
 * - live_cpu_pct: CPU time of Chromium's renderer process (page + AudioWorklet) over 60 s of metering,
 *   as % of one core (and, for reference, the audio service process that plays the fake device).
 * Reference: the ideal is 0 ms; the pipeline's own floor is one 10 ms engine frame + one display frame.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings';
import { buildDialogue, truthOf, type UtteranceSpec } from '../support/dialogues';
import { openLiveRun, percentile, playCall, risingEdges, type LiveRun } from '../support/live-run';
import { round, type BenchModule } from './bench-module';

const CALLER = ['I have been waiting three weeks and nobody called me back.', 'This is the third time I am calling about this.', 'No, that is not what I was told.', 'Fine. What happens next?'];
const AGENT = ['I am sorry about that. Let me look right now.', 'I understand. I will fix it today.', 'You will get an email by Friday.'];

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

interface CpuSample { ticks: number; at: number }
const CLOCK_TICKS_PER_SEC = 100;

function chromiumProcesses(rootPid: number): { pid: number; cmdline: string }[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
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
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  return all.filter(inTree).map((pid) => ({ pid, cmdline: safeRead(`/proc/${pid}/cmdline`).replace(/\0/g, ' ') }));
}

/** The Chromium browser process playing `wav` (its command line names the file; children have --type=). */
function browserPid(wav: string): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const cmd = safeRead(`/proc/${d}/cmdline`).replace(/\0/g, ' ');
    if (cmd.includes(`--use-file-for-fake-audio-capture=${wav}`) && !cmd.includes('--type=')) return Number(d);
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

export const liveCoachBench: BenchModule = {
  name: 'live coach in Chromium',
  async run(ctx) {
    const call = buildDialogue({ sampleRate: 48000, utterances: benchDialogueSpec(), tailSec: 2 });
    ctx.log(`call of ${call.durationSec.toFixed(1)} s, ${call.truth.length} utterances`);
    const run: LiveRun = await openLiveRun(call.file);
    try {
      const pid = browserPid(call.file);
      // playCall runs the whole file; CPU is sampled over 60 s of it from the side.
      let renderer: number[] = [];
      let audio: number[] = [];
      const cpu = (async () => {
        await new Promise((r) => setTimeout(r, 1500));
        if (!pid) return null;
        const procs = chromiumProcesses(pid);
        renderer = procs.filter((p) => p.cmdline.includes('--type=renderer') && !p.cmdline.includes('--extension-process')).map((p) => p.pid);
        audio = procs.filter((p) => p.cmdline.includes('audio.mojom.AudioService')).map((p) => p.pid);
        const r0 = cpuTicks(renderer);
        const a0 = cpuTicks(audio);
        await new Promise((r) => setTimeout(r, 60_000));
        return { renderer: cpuPct(r0, cpuTicks(renderer)), audio: cpuPct(a0, cpuTicks(audio)) };
      })();
      await playCall(run, call.durationSec + 0.5);
      const usage = await cpu;

      const t0 = run.captureStartMs;
      const meterLatency: number[] = [];
      for (const who of ['caller', 'agent'] as const) {
        const edges = risingEdges(run.changes, who === 'caller' ? 'meter-caller' : 'meter-agent', (v) => v !== '');
        const turns = truthOf(call, who);
        turns.forEach((u, i) => {
          if (i > 0 && u.start - turns[i - 1].end < 0.6) return;
          const expected = t0 + u.start * 1000;
          const seen = edges.find((e) => e > expected - 30 && e < expected + 400);
          if (seen !== undefined) meterLatency.push(seen - expected);
        });
      }

      const cueLatency: number[] = [];
      const callerTurns = truthOf(call, 'caller');
      const agentTurns = truthOf(call, 'agent');
      const yourTurn = risingEdges(run.changes, 'cue-banner', (v) => v === 'your-turn');
      const over = risingEdges(run.changes, 'cue-banner', (v) => v === 'talking-over');
      for (const c of callerTurns) {
        const next = Math.min(...[...agentTurns, ...callerTurns].filter((u) => u.start > c.end).map((u) => u.start), Infinity);
        if (next - c.end < DEFAULT_CUE_SETTINGS.pauseSec + 0.2) continue;
        const expected = t0 + (c.end + DEFAULT_CUE_SETTINGS.pauseSec) * 1000;
        const seen = yourTurn.find((e) => e > expected - 200 && e < expected + 500);
        if (seen !== undefined) cueLatency.push(seen - expected);
      }
      for (const a of agentTurns) {
        const overlapped = callerTurns.find((c) => a.start > c.start && a.start < c.end);
        if (!overlapped) continue;
        const expected = t0 + (a.start + DEFAULT_CUE_SETTINGS.backchannelSec) * 1000;
        const seen = over.find((e) => e > expected - 200 && e < expected + 500);
        if (seen !== undefined) cueLatency.push(seen - expected);
      }
      ctx.log(`meter onsets measured: ${meterLatency.length}, cue onsets measured: ${cueLatency.length}`);
      return {
        meter_latency_ms_p95: round(percentile(meterLatency, 95), 1),
        meter_latency_ms_median: round(percentile(meterLatency, 50), 1),
        meter_onsets_measured: meterLatency.length,
        cue_latency_ms_p95: round(percentile(cueLatency, 95), 1),
        cue_latency_ms_median: round(percentile(cueLatency, 50), 1),
        cue_onsets_measured: cueLatency.length,
        live_cpu_pct: usage ? round(usage.renderer, 2) : null,
        live_audio_service_cpu_pct: usage ? round(usage.audio, 2) : null,
      };
    } finally {
      await run.app.close();
    }
  },
};
