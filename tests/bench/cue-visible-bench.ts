/**
 * cue_visible_after_event_ms_p95: from the phone software's `call start` (the bundled command spawned as a
 * softphone spawns it) to the coach on screen with the call's cue tile, in the browser host's page in
 * Chromium, while another screen is open — the log, settings, the wrap-up just saved, the follow-ups in
 * turn — p95 over 20 calls (issue 24 asks ≤ 300 ms). The same-run floor, cue_event_to_page_ms_p95, is
 * when the event's message reached the page: the command, the host and the socket, before the app does
 * anything; cue_visible_over_floor_ms_p95 is the app's own part. Wall clock (Date.now) on both sides:
 * the command is spawned by this process and the page runs on the same machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createSettingsService } from '../../main/settings/settings-service';
import { openSettingsStore } from '../../main/settings/settings-store';
import { launchApp } from '../e2e/support/app-fixture';
import { buildCallCommand, callCommand } from '../e2e/support/call-command';
import { E2E_TMP } from '../e2e/support/paths';
import { channelOrderCall } from '../support/channel-order-call';
import { percentile } from '../support/live-run';
import { round, type BenchModule } from './bench-module';

const CALLS = 20;
const FROM = ['log', 'settings', 'wrap-up', 'follow-ups'] as const;

declare global {
  interface Window {
    __cueReach?: { message: number | null; visible: number | null };
  }
}

/**
 * Init script: when a call-event message reaches the page, and when the coach shows a call's cue. No
 * class syntax: the script is serialised from transpiled code, and a lowered `super` would need helpers
 * that do not exist in the page.
 */
function installReachProbe(): void {
  const probe = { message: null as number | null, visible: null as number | null };
  window.__cueReach = probe;
  new MutationObserver(() => {
    const app = document.querySelector<HTMLElement>('[data-testid="app"]');
    const tile = document.querySelector<HTMLElement>('[data-testid="cue-banner"]');
    if (
      probe.visible === null &&
      app?.dataset.screen === 'coach' &&
      tile?.offsetParent &&
      tile.dataset.cue !== 'idle'
    )
      probe.visible = Date.now();
  }).observe(document, { subtree: true, attributes: true, childList: true });
  const slot = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    get: slot.get,
    set(this: WebSocket, listener: ((ev: MessageEvent) => unknown) | null) {
      slot.set!.call(
        this,
        listener
          ? (event: MessageEvent) => {
              if (typeof event.data === 'string' && event.data.includes('"call-event"'))
                probe.message ??= Date.now();
              return listener.call(this, event);
            }
          : null,
      );
    },
  });
}

export const cueVisibleBench: BenchModule = {
  name: 'cue-visible',
  async run(ctx) {
    await buildCallCommand();
    const dataDir = mkdtempSync(path.join(E2E_TMP, 'bench-reach-'));
    const settings = createSettingsService(openSettingsStore(dataDir));
    settings.update({ profile: { setupDone: true }, wrapUp: { requiredSteps: [] } });
    const app = await launchApp({
      captureWav: channelOrderCall(false).wav,
      dataDir,
      initScript: installReachProbe,
    });
    const visible: number[] = [];
    const floor: number[] = [];
    try {
      const { page } = app;
      for (let i = 0; i < CALLS; i++) {
        await page.getByTestId(`nav-${FROM[i % FROM.length]}`).click();
        await page.evaluate(() => {
          window.__cueReach!.message = null;
          window.__cueReach!.visible = null;
        });
        const t0 = Date.now();
        const started = await callCommand(dataDir, 'start', '--id', `bench-${i}`);
        if (started.code !== 0)
          throw new Error(`call start exited ${started.code}: ${started.stderr}`);
        await page.waitForFunction(() => window.__cueReach!.visible !== null, null, {
          polling: 10,
        });
        const probe = await page.evaluate(() => window.__cueReach!);
        visible.push(probe.visible! - t0);
        floor.push(probe.message! - t0);
        await callCommand(dataDir, 'end', '--id', `bench-${i}`);
        await page.getByTestId('save-wrap-up').click();
        await page.getByTestId('wrap-up-saved').waitFor();
      }
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const p95 = percentile(visible, 95);
    const floorP95 = percentile(floor, 95);
    const over = visible.map((v, i) => v - floor[i]);
    ctx.log(
      `cue visible after the event: p95 ${p95.toFixed(0)} ms (floor ${floorP95.toFixed(0)} ms); all ${visible.map((v) => v.toFixed(0)).join(' ')}`,
    );
    return {
      cue_visible_after_event_ms_p95: round(p95, 1),
      cue_event_to_page_ms_p95: round(floorP95, 1),
      cue_visible_over_floor_ms_p95: round(percentile(over, 95), 1),
    };
  },
};
