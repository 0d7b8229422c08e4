import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';
import { findElectronBinary } from '../../main/cli/start-electron.js';
import { buildDialogue } from '../support/dialogues.js';
import { E2E_TMP, ELECTRON_SKIP_REASON, REPO_ROOT } from './support/paths.js';

/**
 * The desktop app itself under Playwright's `_electron`: the same flows the Chromium specs cover through
 * the browser host. Electron's binary comes from GitHub; where it cannot be had, these specs skip and say so.
 */
const binary = findElectronBinary();
test.skip(binary === undefined, ELECTRON_SKIP_REASON);

test('the desktop app opens hardened, meters a call and hands it off', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [
      { who: 'caller', at: 0.5, text: 'My order never arrived and I want to know why.' },
      { who: 'agent', at: 4.5, text: 'I am sorry. Let me check that right away.' },
    ],
  });
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [
      REPO_ROOT,
      `--user-data-dir=${dataDir}`,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${call.file}%noloop`,
    ],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'electron');
    // Hardening as the page sees it: no Node, isolated preload API only.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(page.url().startsWith('app://')).toBe(true);
    await page.getByTestId('start-call').click();
    await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'wait-for-pause', { timeout: 5000 });
    await page.waitForTimeout((call.durationSec - 1) * 1000);
    await page.getByTestId('end-call').click();
    await expect(page.getByTestId('app')).toBeVisible();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
