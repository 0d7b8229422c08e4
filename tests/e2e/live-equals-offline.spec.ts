import { test, expect } from '@playwright/test';
import type { CallAnalysis } from '../../renderer/engine/call-types.js';
import { DEFAULT_VOICE_ACTIVITY_OPTIONS } from '../../renderer/engine/voice-activity.js';
import { engineKernelKind } from '../../renderer/engine/wasm/engine-kernels.js';
import { analyseFloorCall, floorCall, type FloorCondition } from '../support/floor-calls.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

/**
 * Live equals offline (issue 13): the same real-voice call played through the live coach (Chromium's fake
 * capture → AudioWorklet → the real page) and analysed offline (`npm run analyze`) gives the same speech
 * segments (±50 ms), the same cues (±100 ms) and the same metrics (talk times ±0.2 s, counts equal).
 * Talk time is compared on the segments as reconciled below (a pause at the hangover's edge, counted as
 * speech on both sides).
 * The live clock starts at "Start call", the file at getUserMedia: one constant offset, fitted as the
 * median difference of matched speech starts, aligns them. The live analysis is what the worklet hands
 * the page when the call ends (observed from outside the app by an init script). Both run the engine's
 * per-sample filters in the same WebAssembly SIMD loop (the page says which in data-filter-kernel).
 */
declare global {
  interface Window {
    __calmLineEnded?: CallAnalysis[];
  }
}

function observeCallEnded(): void {
  window.__calmLineEnded = [];
  const Original = window.AudioWorkletNode;
  window.AudioWorkletNode = class extends Original {
    constructor(...args: ConstructorParameters<typeof AudioWorkletNode>) {
      super(...args);
      this.port.addEventListener('message', (e: MessageEvent) => {
        if (e.data?.type === 'call-ended') window.__calmLineEnded!.push(e.data.analysis);
      });
    }
  };
}

type Seg = [number, number];
/** The detector's hangover (voice-activity.ts) and how close to it a pause is a matter of frame phase. */
const HANGOVER_SEC = DEFAULT_VOICE_ACTIVITY_OPTIONS.hangoverSec;
const PHASE_SEC = 0.03;

/** Closes in `x` each pause at the hangover's edge that `y` does not have (y's speech spans it). */
function closeHangoverPauses(x: Seg[], y: Seg[]): Seg[] {
  const out: Seg[] = [];
  for (const [s, e] of x) {
    const last = out[out.length - 1];
    const atEdge = last !== undefined && Math.abs(s - last[1] - HANGOVER_SEC) <= PHASE_SEC;
    if (atEdge && y.some(([ys, ye]) => ys <= last[1] + PHASE_SEC && ye >= s - PHASE_SEC))
      last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

// Chromium's fake capture is paced by a timer: on a machine starved of CPU it can drop or insert a few
// tens of ms of audio mid-call (seen once in a quiet run: every segment after 30 s late by 65 ms), and
// then the two no longer hear the same sound. A second attempt is allowed for that; a real disagreement
// of the engine fails every attempt, and Playwright reports the call as flaky, never silently.
test.describe.configure({ retries: 1 });

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

const CALLS: FloorCondition[] = (process.env.FLOOR_CALLS?.split(',') as
  FloorCondition[] | undefined) ?? ['muted', 'leak-28', 'babble-35'];

for (const condition of CALLS) {
  test(`live coach and offline analyser agree on the ${condition} call`, async () => {
    const call = floorCall(condition);
    const offline = analyseFloorCall(call.wav);
    test.setTimeout((call.durationSec + 60) * 1000);
    app = await launchApp({ captureWav: call.wav, initScript: observeCallEnded });
    const { page } = app;
    await page.getByTestId('start-call').click();
    // The worklet filters with the same loop as the analyser here (WebAssembly SIMD in both).
    await expect(page.locator('main')).toHaveAttribute('data-filter-kernel', engineKernelKind());
    if (call.mutes.length > 0) {
      // Digital silence on the agent's side is shown as a state (not a cue), and goes when sound is back.
      const mic = page.getByTestId('mic-state');
      await expect(mic).toHaveAttribute('data-state', 'muted');
      await expect(mic).toHaveText('muted or silent');
      await expect(mic).toHaveAttribute('data-state', 'sound');
      await expect(mic).toHaveAttribute('data-state', 'muted', {
        timeout: call.mutes[1][0] * 1000 + 15_000,
      });
      await expect(mic).toHaveAttribute('data-state', 'sound');
    }
    // The file plays once; wait on the page's own call clock (not ours) until it is over.
    const clock = page.getByTestId('call-time');
    const seconds = async (): Promise<number> => {
      const [m, s] = ((await clock.textContent()) ?? '0:00').split(':').map(Number);
      return m * 60 + (s || 0);
    };
    await expect
      .poll(seconds, { timeout: (call.durationSec + 30) * 1000, intervals: [1000] })
      .toBeGreaterThan(call.durationSec + 1.5);
    await page.getByTestId('end-call').click();
    await page.waitForFunction(() => (window.__calmLineEnded?.length ?? 0) > 0);
    const live = (await page.evaluate(() => window.__calmLineEnded![0])) as CallAnalysis;

    // One offset aligns the two clocks: live time = file time + offset.
    const pairs = (['caller', 'agent'] as const).flatMap((p) =>
      offline.speech[p].map(([s]) => {
        const near = live.speech[p].reduce(
          (best, seg) => (Math.abs(seg.start - s) < Math.abs(best - s) ? seg.start : best),
          Infinity,
        );
        return near - s;
      }),
    );
    const offset = [...pairs].sort((a, b) => a - b)[Math.floor(pairs.length / 2)];
    expect(Math.abs(offset)).toBeLessThan(3);
    const at = (t: number): number => Math.round((t - offset) * 1000) / 1000;

    for (const party of ['caller', 'agent'] as const) {
      // The live clock's 10 ms frames fall at another phase of the sound than the file's, so a pause the
      // two measure within a few frames of the 300 ms hangover may end a segment on one side and not the
      // other. Such pauses (and only those: one side must span it) are closed before comparing.
      const liveRaw = live.speech[party].map((s): Seg => [at(s.start), at(s.end)]);
      const liveSegs = closeHangoverPauses(liveRaw, offline.speech[party]);
      const offSegs = closeHangoverPauses(offline.speech[party], liveRaw);
      const lists = `live ${JSON.stringify(liveSegs)} offline ${JSON.stringify(offSegs)}`;
      expect(liveSegs.length, `${party} speech segments: ${lists}`).toBe(offSegs.length);
      offSegs.forEach(([s, e], i) => {
        expect(
          Math.abs(liveSegs[i][0] - s),
          `${party} segment ${i} start: ${lists}`,
        ).toBeLessThanOrEqual(0.05);
        expect(
          Math.abs(liveSegs[i][1] - e),
          `${party} segment ${i} end: ${lists}`,
        ).toBeLessThanOrEqual(0.05);
      });
      const talk = (segs: Seg[]): number => segs.reduce((n, [s, e]) => n + e - s, 0);
      expect(Math.abs(talk(liveSegs) - talk(offSegs)), `${party} talk time`).toBeLessThanOrEqual(
        0.2,
      );
    }
    // Cues: the same list, each within 100 ms (the last ones close with the call, at a different moment).
    const fileEnd = call.durationSec - 0.05;
    const liveCues = live.cues.map((c) => ({ cue: c.cue, start: at(c.start), end: at(c.end) }));
    expect(liveCues.map((c) => c.cue)).toEqual(offline.cues.map((c) => c.cue));
    offline.cues.forEach((c, i) => {
      expect(
        Math.abs(liveCues[i].start - c.start),
        `${c.cue} at ${c.start} starts`,
      ).toBeLessThanOrEqual(0.1);
      if (c.end < fileEnd)
        expect(
          Math.abs(liveCues[i].end - c.end),
          `${c.cue} at ${c.start} ends`,
        ).toBeLessThanOrEqual(0.1);
    });
    expect(live.overtalk.map((o) => o.startedBy)).toEqual(offline.overtalk.map((o) => o.startedBy));
    expect(live.metrics.overtalkCount).toBe(offline.metrics.overtalkCount);
    expect(live.metrics.cueCounts).toEqual(offline.metrics.cueCounts);
  });
}
