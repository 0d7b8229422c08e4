/**
 * The live pipeline in real Chromium, faster than real time: an OfflineAudioContext plays generated call
 * audio (a looped AudioBufferSourceNode) into an AudioWorkletNode running the built coach worklet bundle,
 * whose messages the page receives as the app does. Calls start and end at OfflineAudioContext.suspend()
 * points; at every sample point the page's heap after a forced GC is read over CDP
 * (HeapProfiler.collectGarbage + Runtime.getHeapUsage). Each call's analysis must come back and cover the
 * audio played during it.
 *
 * (The worklet's own isolate is not reachable over CDP; its code is soaked in Node by shift-soak.ts.)
 */
import { chromium } from '@playwright/test';
import { builtCoachWorklet } from './built-worklet';

export interface LivePipelinePlan {
  minutes: number;
  sampleRate: number;
  /** [start, end) of each call, in seconds of audio. */
  calls: [number, number][];
  /** Page heap is sampled at these audio times (s). */
  sampleAt: number[];
}

export interface LivePipelineResult {
  /** Page heap used after GC at each sample point (bytes). */
  pageHeap: { t: number; used: number }[];
  /** Duration of each call's analysis (s), in order. */
  callDurations: number[];
  messages: Record<string, number>;
  wallSec: number;
}

/** Calls of `callMin` minutes with `gapMin`-minute pauses, over `minutes`. */
export function evenShift(
  minutes: number,
  callMin: number,
  gapMin: number,
  sampleEveryMin: number,
): Pick<LivePipelinePlan, 'calls' | 'sampleAt'> {
  const calls: [number, number][] = [];
  for (let t = gapMin * 60; t + callMin * 60 < minutes * 60; t += (callMin + gapMin) * 60)
    calls.push([t, t + callMin * 60]);
  const sampleAt: number[] = [];
  for (let t = sampleEveryMin * 60; t < minutes * 60; t += sampleEveryMin * 60) sampleAt.push(t);
  return { calls, sampleAt };
}

export async function runLivePipeline(
  plan: LivePipelinePlan,
  audio: { caller: Float32Array; agent: Float32Array },
  chromiumPath: string,
): Promise<LivePipelineResult> {
  const worklet = builtCoachWorklet();
  const started = process.hrtime.bigint();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    // tsx names functions with a helper the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    // A secure context (127.0.0.1) for AudioWorklet; the page itself is empty.
    await page.route('http://127.0.0.1:9/**', (r) =>
      r.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>soak</title>',
      }),
    );
    await page.goto('http://127.0.0.1:9/');
    const cdp = await page.context().newCDPSession(page);
    await page.exposeFunction('__soakHeap', async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    });
    const out = await page.evaluate(
      async ({ worklet, plan, caller, agent }) => {
        const sr = plan.sampleRate;
        const ctx = new OfflineAudioContext(1, Math.round(sr * 60 * plan.minutes), sr);
        await ctx.audioWorklet.addModule(
          URL.createObjectURL(new Blob([worklet], { type: 'text/javascript' })),
        );
        const buffer = ctx.createBuffer(2, caller.length, sr);
        buffer.copyToChannel(new Float32Array(agent), 0);
        buffer.copyToChannel(new Float32Array(caller), 1);
        // Only the AudioBuffer keeps the audio; the arrays passed in would otherwise sit in the heap measured.
        caller.length = 0;
        agent.length = 0;
        const source = ctx.createBufferSource();
        source.buffer = buffer;
        source.loop = true;
        const node = new AudioWorkletNode(ctx, 'calm-line-coach', {
          numberOfInputs: 1,
          numberOfOutputs: 1,
          outputChannelCount: [1],
          channelCount: 2,
          channelCountMode: 'explicit',
          channelInterpretation: 'speakers',
          processorOptions: {
            settings: {},
            agentNormalLufs: null,
            agentChannel: 0,
            checkStereo: true,
          },
        });
        source.connect(node);
        node.connect(ctx.destination);
        source.start();
        const messages: Record<string, number> = {};
        const callDurations: number[] = [];
        node.port.onmessage = (
          event: MessageEvent<{ type: string; analysis?: { durationSec: number } }>,
        ) => {
          messages[event.data.type] = (messages[event.data.type] ?? 0) + 1;
          if (event.data.type === 'call-ended')
            callDurations.push(event.data.analysis!.durationSec);
        };
        const heap = (window as unknown as { __soakHeap(): Promise<number> }).__soakHeap;
        const pageHeap: { t: number; used: number }[] = [];
        const events = new Map<number, string[]>();
        const quantum = (t: number) => Math.round((t * sr) / 128) * (128 / sr);
        for (const [start, end] of plan.calls) {
          events.set(quantum(start), [...(events.get(quantum(start)) ?? []), 'start']);
          events.set(quantum(end), [...(events.get(quantum(end)) ?? []), 'end']);
        }
        for (const t of plan.sampleAt)
          events.set(quantum(t), [...(events.get(quantum(t)) ?? []), 'sample']);
        for (const [t, what] of events) {
          void ctx.suspend(t).then(async () => {
            for (const w of what) {
              if (w === 'start') node.port.postMessage({ type: 'start-call', preRollSec: 0 });
              else if (w === 'end') node.port.postMessage({ type: 'end-call' });
            }
            if (what.includes('sample')) {
              // Let the messages the worklet posted so far arrive before measuring.
              await new Promise((resolve) => setTimeout(resolve, 50));
              pageHeap.push({ t, used: await heap() });
            }
            await ctx.resume();
          });
        }
        await ctx.startRendering();
        await new Promise((resolve) => setTimeout(resolve, 500));
        return { pageHeap, callDurations, messages };
      },
      { worklet, plan, caller: Array.from(audio.caller), agent: Array.from(audio.agent) },
    );
    return { ...out, wallSec: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    await browser.close();
  }
}
