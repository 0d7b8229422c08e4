import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type ConsoleMessage } from '@playwright/test';
import { startBrowserHost } from '../../../main/browser-host/browser-host.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { openSettingsStore } from '../../../main/settings/settings-store.js';
import { CHROMIUM_PATH, E2E_TMP, RENDERER_DIR } from './paths.js';

export interface LaunchOptions {
  /** WAV file Chromium's fake capture device plays into getUserMedia (once, no loop). */
  captureWav?: string;
  /** Leave out the flag that auto-accepts the media permission prompt, so the request is denied. */
  denyMedia?: boolean;
  /** Reuse a data folder (to test persistence across launches). */
  dataDir?: string;
  /** Test instrumentation run in the page before the app's own scripts. */
  initScript?: () => void;
  /**
   * Open as a new user would: the first-run setup first. Otherwise a data folder without settings gets
   * the default settings with the setup marked done, so the app opens on the coach.
   */
  firstRun?: boolean;
  /**
   * Capture real devices instead of Chromium's fake one: no fake-device flags, and Chromium started with
   * this environment (PULSE_SERVER: the test's own PulseAudio). The permission prompt is still accepted.
   */
  realCapture?: { env: Record<string, string> };
}

export interface LaunchedApp {
  page: Page;
  browser: Browser;
  dataDir: string;
  url: string;
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Launch the real app: browser host with real services on a temp data folder, Debian Chromium, fake capture
 * (or real devices: realCapture).
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  mkdirSync(E2E_TMP, { recursive: true });
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(E2E_TMP, 'data-'));
  if (!options.firstRun && !existsSync(path.join(dataDir, 'settings.json')))
    createSettingsService(openSettingsStore(dataDir)).update({ profile: { setupDone: true } });
  const host = await startBrowserHost({ dataDir, rendererDir: RENDERER_DIR, port: 0 });
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (!options.realCapture) args.push('--use-fake-device-for-media-stream');
  if (!options.denyMedia) args.push('--use-fake-ui-for-media-stream');
  else args.push('--deny-permission-prompts');
  if (options.captureWav)
    args.push(`--use-file-for-fake-audio-capture=${options.captureWav}%noloop`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    ...(options.realCapture ? { env: { ...process.env, ...options.realCapture.env } } : {}),
  });
  const page = await browser.newPage({ viewport: { width: 380, height: 720 } });
  const consoleErrors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(host.url);
  return {
    page,
    browser,
    dataDir,
    url: host.url,
    consoleErrors,
    async close() {
      await browser.close();
      await host.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
