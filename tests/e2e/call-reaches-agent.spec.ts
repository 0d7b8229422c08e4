/**
 * The cue reaches the agent (issue 24), through the browser host in Chromium with a real recorded call
 * in the fake capture: whatever screen is open, a call started by the phone software brings the coach
 * forward with its cue; a live call shows on every screen and F2 goes back; back-to-back calls keep the
 * first wrap-up as a draft with nothing saved behind the agent's back, and offer it again after; a new
 * user is set up in one screen; a call whose sides are swapped is recognised within 10 s of the
 * caller's first words, and no normal voice is learned from the caller.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { openSessionServices } from '../../main/host/session-services.js';
import { createSettingsService } from '../../main/settings/settings-service.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';
import type { SettingsPatch } from '../../preload/contract/settings-schema.js';
import { CallEngine } from '../../renderer/engine/call-engine.js';
import { channelOrderCall } from '../support/channel-order-call.js';
import { readWavFile } from '../support/test-audio.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { buildCallCommand, callCommand } from './support/call-command.js';
import { E2E_TMP } from './support/paths.js';

let app: LaunchedApp | undefined;
test.beforeAll(buildCallCommand);
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A data folder set up as the agent left it: setup done, and `patch` on top. */
function dataDirWith(patch: SettingsPatch): string {
  const dir = mkdtempSync(path.join(E2E_TMP, 'reach-'));
  const settings = createSettingsService(openSettingsStore(dir));
  settings.update({ profile: { setupDone: true } });
  settings.update(patch);
  return dir;
}

const screenOf = (page: Page) => page.getByTestId('app').getAttribute('data-screen');

async function expectCoachWithCue(page: Page): Promise<void> {
  await expect(page.getByTestId('app')).toHaveAttribute('data-screen', 'coach');
  await expect(page.getByTestId('cue-banner')).toBeVisible();
  await expect(page.getByTestId('live-indicator')).toBeVisible();
  await expect(page).toHaveTitle(/^● Live call · /);
}

test('a call the phone software starts while the log, settings or a saved wrap-up is open brings the coach forward; the live call shows on every screen', async () => {
  const dataDir = dataDirWith({ wrapUp: { requiredSteps: [] } });
  app = await launchApp({ captureWav: channelOrderCall(false).wav, dataDir });
  const { page } = app;
  await expect(page).toHaveTitle('Calm Line');
  for (const [i, from] of (['log', 'settings', 'saved wrap-up'] as const).entries()) {
    if (from === 'saved wrap-up') {
      await page.getByTestId('nav-wrap-up').click();
      await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
    } else await page.getByTestId(`nav-${from}`).click();
    await expect(page.getByTestId('cue-banner')).toBeHidden();

    const started = await callCommand(dataDir, 'start', '--id', `reach-${i}`);
    expect(started.code).toBe(0);
    await expectCoachWithCue(page);

    // Every other screen keeps saying a call is live, as a way back; F2 from anywhere comes back too.
    for (const screen of ['wrap-up', 'log', 'follow-ups', 'team', 'settings']) {
      await page.getByTestId(`nav-${screen}`).click();
      expect(await screenOf(page)).toBe(screen);
      await expect(page.getByTestId('live-indicator')).toContainText('back to the coach');
    }
    await page.keyboard.press('F2');
    await expectCoachWithCue(page);
    await page.getByTestId('nav-log').click();
    await page.getByTestId('live-indicator').click();
    await expectCoachWithCue(page);

    expect((await callCommand(dataDir, 'end', '--id', `reach-${i}`)).code).toBe(0);
    await expect(page.getByTestId('wrap-up')).toBeVisible();
    await expect(page).toHaveTitle('Calm Line');
    await expect(page.getByTestId('live-indicator')).toHaveCount(0);
    // Saved: back to the coach, ready for the next call.
    await page.getByTestId('save-wrap-up').click();
    await expect(page.getByTestId('app')).toHaveAttribute('data-screen', 'coach');
    await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
  }
  expect(openSessionServices({ dataDir }).repository.list({}).total).toBe(3);
});

test('back to back: a call starting while a wrap-up is open keeps that wrap-up as a draft, saves nothing behind the agent’s back, and offers it after', async () => {
  const dataDir = dataDirWith({ wrapUp: { requiredSteps: ['priorities'] } });
  app = await launchApp({ captureWav: channelOrderCall(false).wav, dataDir });
  const { page } = app;
  const sessions = () => openSessionServices({ dataDir }).repository.list({}).total;

  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('end-call')).toBeVisible();
  await page.getByTestId('end-call').click();
  const first = await page.getByTestId('wrap-up').getAttribute('data-call-id');
  // Focus is in the first field: what is typed becomes the first priority.
  await expect(page.getByLabel('Add a priority')).toBeFocused();
  await page.keyboard.type('Refund the double charge');
  await expect(page.getByTestId('priority-row')).toHaveCount(1);

  // The phone rings while the wrap-up is open: the coach comes forward, the wrap-up waits.
  expect((await callCommand(dataDir, 'start', '--id', 'second')).code).toBe(0);
  await expectCoachWithCue(page);
  await expect(page.getByTestId('wrap-up-badge')).toBeVisible();
  expect((await callCommand(dataDir, 'end', '--id', 'second')).code).toBe(0);

  // The second call's wrap-up opens; the first waits, as the agent left it; nothing was saved.
  await expect(page.getByTestId('wrap-up')).toBeVisible();
  const second = await page.getByTestId('wrap-up').getAttribute('data-call-id');
  expect(second).not.toBe(first);
  await expect(page.getByTestId('wrap-up-notice')).toContainText('Kept for later');
  await expect(page.getByTestId('wrap-up-badge')).toHaveText('2');
  expect(sessions()).toBe(0);

  await expect(page.getByLabel('Add a priority')).toBeFocused();
  await page.keyboard.type('Explain the charge');
  await expect(page.getByTestId('priority-row')).toHaveCount(1);
  await page.getByTestId('save-wrap-up').click();
  // The first opens again, with what was typed.
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-call-id', first!);
  await expect(page.getByTestId('wrap-up-notice')).toContainText('Next: the wrap-up of the call');
  await expect(page.getByTestId('priority-row')).toHaveCount(1);
  await expect(page.getByLabel('Priority 1', { exact: true })).toHaveValue(
    'Refund the double charge',
  );
  expect(sessions()).toBe(1);
  await page.getByTestId('save-wrap-up').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-screen', 'coach');
  expect(sessions()).toBe(2);
});

test('first run: name, team, capture and sides in one screen, and a spoken check that the voice arrives on the agent’s side', async () => {
  app = await launchApp({ captureWav: channelOrderCall(false).wav, firstRun: true });
  const { page, dataDir } = app;
  await expect(page.getByTestId('setup')).toBeVisible();
  await expect(page.getByTestId('setup-name')).toBeFocused();
  await page.getByTestId('setup-name').fill('Ana Ruiz');
  await page.getByTestId('setup-team').fill('North');
  await expect(page.getByTestId('setup-mode-stereo-split')).toBeChecked();
  await expect(page.getByTestId('setup-caller-right')).toBeChecked();
  await page.getByTestId('setup-check').click();
  // The recording's agent greets first, on the left: the check hears them on their side.
  await expect(page.getByTestId('setup-check-result')).toHaveAttribute('data-verdict', 'ok', {
    timeout: 20_000,
  });
  await page.getByTestId('setup-done').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-screen', 'coach');
  await expect
    .poll(() => createSettingsService(openSettingsStore(dataDir)).get().profile)
    .toEqual({ agentName: 'Ana Ruiz', team: 'North', setupDone: true });
  // Opened again, the app goes straight to the coach.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-screen', 'coach');
});

/** The normal voice the engine learns from a call with its sides right (agent left), offline. */
function learnedNormalVoice(wav: string): number {
  const { channels, sampleRate } = readWavFile(wav);
  const engine = new CallEngine({ sampleRate });
  engine.process(channels[1], channels[0]);
  return engine.finish().agentNormalLufs!;
}

declare global {
  interface Window {
    __swapProbe?: { captureStartMs: number | null; offerMs: number | null; normals: string[] };
  }
}

/** Notes when the capture started (the file's time 0), when the swap offer appeared, and every normal voice shown. */
function installSwapProbe(): void {
  const probe = {
    captureStartMs: null as number | null,
    offerMs: null as number | null,
    normals: [] as string[],
  };
  window.__swapProbe = probe;
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    probe.captureStartMs ??= performance.now();
    return stream;
  };
  new MutationObserver(() => {
    if (probe.offerMs === null && document.querySelector('[data-testid="swap-offer"]'))
      probe.offerMs = performance.now();
    const normal = document.querySelector('[data-testid="agent-normal"]')?.textContent ?? '';
    if (probe.normals[probe.normals.length - 1] !== normal) probe.normals.push(normal);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

test('a call with its sides swapped: the swap is offered within 10 s of the caller’s first words, no normal voice is learned from the caller, and after the swap the agent’s is', async () => {
  const call = channelOrderCall(true);
  const straight = channelOrderCall(false);
  app = await launchApp({ captureWav: call.wav, initScript: installSwapProbe });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('swap-offer')).toBeVisible({ timeout: 20_000 });
  const probe = await page.evaluate(() => window.__swapProbe!);
  const offerAfterCallerSec =
    (probe.offerMs! - probe.captureStartMs!) / 1000 - call.callerFirstSpeechSec;
  console.log(`swap offered ${offerAfterCallerSec.toFixed(2)} s after the caller's first words`);
  expect(offerAfterCallerSec).toBeGreaterThan(0);
  expect(offerAfterCallerSec).toBeLessThan(10);
  // Until now the normal voice was never a level: the caller's voice was not learned as the agent's.
  expect(probe.normals.filter((t) => /LUFS/.test(t))).toEqual([]);

  await page.getByTestId('swap-sides').click();
  await expect(page.getByTestId('swap-offer')).toBeHidden();
  await expect(page.locator('main.coach')).toHaveAttribute('data-channel-order', 'ok', {
    timeout: 20_000,
  });
  // The agent's voice, learned after the swap, is the agent's level (the caller is 8 dB louder).
  await page.getByTestId('coach-more-toggle').click();
  const normal = page.getByTestId('agent-normal');
  await expect(normal).toContainText('LUFS', { timeout: 30_000 });
  const learned = Number((await normal.textContent())!.replace(/[^\d.-]/g, ''));
  const offline = learnedNormalVoice(straight.wav);
  expect(Math.abs(learned - offline)).toBeLessThan(3);
  await page.getByTestId('end-call').click();
});
