import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { waitForCallClock } from './support/call-clock.js';
import path from 'node:path';
import {
  test,
  expect,
  _electron as electron,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { findElectronBinary } from '../../main/cli/start-electron.js';
import { buildDialogue, type Dialogue } from '../support/dialogues.js';
import { E2E_TMP, ELECTRON_SKIP_REASON, REPO_ROOT } from './support/paths.js';

/**
 * The desktop app itself under Playwright's `_electron`: the same flows the Chromium specs cover through
 * the browser host — start → a call with audio → the guided wrap-up → an export — plus what only the
 * desktop shell does: the lockdown as the page sees it, global shortcuts and the desktop state.
 * Electron's binary comes from GitHub; where it cannot be had, these specs skip and say so.
 */
const binary = findElectronBinary();
test.skip(binary === undefined, ELECTRON_SKIP_REASON);

interface Desktop {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

async function launchDesktop(call: Dialogue): Promise<Desktop> {
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
  const page = await app.firstWindow();
  await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'electron');
  return {
    app,
    page,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function shortCall(): Dialogue {
  return buildDialogue({
    sampleRate: 48000,
    callerLevelDbfs: -24,
    agentLevelDbfs: -26,
    utterances: [
      { who: 'caller', at: 0.5, text: 'My order never arrived and I want to know why.' },
      { who: 'agent', afterPrevEnd: 1.2, text: 'I am sorry. Let me check that right away.' },
    ],
    tailSec: 1,
  });
}

const desktopState = (page: Page) =>
  page.evaluate(async () => {
    const result = await (
      window as unknown as {
        calmLine: {
          getDesktopState(): Promise<{
            ok: boolean;
            value: { callStatus: { call: string }; hotkeys: { status: string }[] };
          }>;
        };
      }
    ).calmLine.getDesktopState();
    return result.value;
  });

test('hardened as the page sees it: app:// only, no Node, no new windows, no navigation away', async () => {
  const desktop = await launchDesktop(shortCall());
  try {
    const { page } = desktop;
    expect(page.url()).toBe('app://calm-line/index.html');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    // The bridge holds functions only: one per contract method, plus on().
    const bridge = await page.evaluate(() =>
      Object.entries((window as unknown as { calmLine: object }).calmLine).map(
        ([k, v]) => `${k}:${typeof v}`,
      ),
    );
    expect(bridge.every((entry) => entry.endsWith(':function'))).toBe(true);
    expect(bridge).toContain('on:function');
    // window.open is refused; so is navigating the app's window elsewhere.
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(desktop.app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    // A round trip to the main process after the attempt: it has handled (and refused) the navigation first,
    // since both travel the same renderer → main channel in order.
    await desktopState(page);
    expect(page.url()).toBe('app://calm-line/index.html');
    // eval is blocked by the CSP.
    expect(
      await page.evaluate(() => {
        try {
          return (0, eval)('1 + 1');
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    // The main process registered the global shortcuts (each registered, or reported as taken).
    const state = await desktopState(page);
    expect(
      state.hotkeys.map((h) => h.status).every((s) => s === 'registered' || s === 'taken'),
    ).toBe(true);
  } finally {
    await desktop.close();
  }
});

test('start → a call with audio → the guided wrap-up → an export to a file', async () => {
  const call = shortCall();
  const desktop = await launchDesktop(call);
  try {
    const { app, page, dataDir } = desktop;
    await page.getByTestId('start-call').click();
    await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'wait-for-pause', {
      timeout: 5000,
    });
    // The UI reports the call to the host: the tray shows "in a call".
    await expect.poll(async () => (await desktopState(page)).callStatus.call).toBe('in-call');
    await waitForCallClock(page, call.durationSec - 1);
    await page.getByTestId('end-call').click();

    // The wrap-up opens on the call's end; the tray now shows it waiting.
    await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
    await expect
      .poll(async () => (await desktopState(page)).callStatus.call)
      .toBe('wrap-up-pending');
    const kb = page.keyboard;
    await kb.type('Find the missing order');
    await kb.press('Enter'); // the next, empty priority row
    await kb.press('Enter');
    await kb.type('Birthday present');
    await kb.press('Enter');
    await kb.press('1');
    await kb.press('Enter');
    await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'resolution');
    await kb.press('1'); // resolved
    for (const step of [
      'next-steps',
      'escalation',
      'goodwill',
      'root-cause',
      'follow-up',
      'reference',
    ]) {
      await kb.press('Enter');
      await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', step);
    }
    await kb.type('CASE-ELECTRON-1');
    await kb.press('Control+Enter');
    await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
    await expect.poll(async () => (await desktopState(page)).callStatus.call).toBe('idle');

    // Export: the native save dialog answers with a file in the test's folder.
    const target = path.join(dataDir, 'calm-line-export.json');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath,
      })) as typeof dialog.showSaveDialog;
    }, target);
    await page.getByTestId('nav-export').click();
    await expect(page.getByTestId('export-count')).toHaveAttribute('data-count', '1');
    await page.getByTestId('export-format-json').check();
    await page.getByTestId('export-start').click();
    await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');
    expect(existsSync(target)).toBe(true);
    const exported = readFileSync(target, 'utf8');
    expect(exported).toContain('CASE-ELECTRON-1');
    expect(exported).toContain('Birthday present');
  } finally {
    await desktop.close();
  }
});
