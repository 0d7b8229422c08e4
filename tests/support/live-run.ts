/**
 * One real call through the live coach: the built renderer in Debian Chromium (browser host, real
 * services), Chromium's fake capture playing a WAV once, and a log of what the page showed and when.
 *
 * Instrumentation is added from outside the app (an init script): it notes when getUserMedia resolved
 * (file time 0, within −3…+10 ms) and, through one MutationObserver, every change of the meters'
 * `data-level` and the banner's `data-cue`, stamped with performance.now().
 */
import type { Page } from '@playwright/test';
import { waitForCallClock } from '../e2e/support/call-clock.js';
import { launchApp, type LaunchedApp } from '../e2e/support/app-fixture.js';

export interface PageChange {
  /** performance.now() in the page (ms). */
  t: number;
  target: 'meter-caller' | 'meter-agent' | 'cue-banner';
  value: string;
}

export interface LiveRun {
  app: LaunchedApp;
  /** performance.now() when getUserMedia resolved: the played file's time 0 (ms). */
  captureStartMs: number;
  changes: PageChange[];
}

declare global {
  interface Window {
    __calmLineProbe?: { captureStartMs: number | null; changes: PageChange[] };
  }
}

function installProbe(): void {
  const probe = { captureStartMs: null as number | null, changes: [] as PageChange[] };
  window.__calmLineProbe = probe;
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    probe.captureStartMs ??= performance.now();
    return stream;
  };
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) {
      const el = r.target as HTMLElement;
      const owner = el.closest('[data-testid]') as HTMLElement | null;
      const id = owner?.dataset.testid;
      if (id === 'meter-caller' || id === 'meter-agent')
        probe.changes.push({ t, target: id, value: el.dataset.level ?? '' });
      else if (id === 'cue-banner')
        probe.changes.push({ t, target: id, value: el.dataset.cue ?? '' });
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-level', 'data-cue'],
  });
}

/** Opens the app with `wav` as the capture device; the caller of this function drives the page. */
export async function openLiveRun(
  wav: string,
  options: { dataDir?: string } = {},
): Promise<LiveRun> {
  const app = await launchApp({ captureWav: wav, initScript: installProbe, ...options });
  return { app, captureStartMs: NaN, changes: [] };
}

/** Starts a call, lets the file play for `seconds`, ends the call and collects the page's changes. */
export async function playCall(run: LiveRun, seconds: number): Promise<void> {
  const page: Page = run.app.page;
  await page.getByTestId('start-call').click();
  await page.waitForFunction(() => window.__calmLineProbe?.captureStartMs != null);
  await waitForCallClock(page, seconds);
  await page.getByTestId('end-call').click();
  await page.getByTestId('call-summary').waitFor();
  const probe = await page.evaluate(() => window.__calmLineProbe!);
  run.captureStartMs = probe.captureStartMs ?? NaN;
  run.changes = probe.changes;
}

/** Page times (ms) at which `target` went from empty/other to a value matching `accept`. */
export function risingEdges(
  changes: PageChange[],
  target: PageChange['target'],
  accept: (value: string) => boolean,
): number[] {
  const edges: number[] = [];
  let on = false;
  for (const c of changes) {
    if (c.target !== target) continue;
    const now = accept(c.value);
    if (now && !on) edges.push(c.t);
    on = now;
  }
  return edges;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
