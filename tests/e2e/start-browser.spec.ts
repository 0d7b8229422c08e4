import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect, chromium, type Browser } from '@playwright/test';
import { buildDialogue } from '../support/dialogues.js';
import { CHROMIUM_PATH, E2E_TMP, REPO_ROOT } from './support/paths.js';

/**
 * `npm run start:browser` as a newcomer runs it on a machine without Electron: the command prints the
 * app's link (no browser window is opened here: CALM_LINE_NO_BROWSER), a browser opens that link, a call
 * runs with fake capture audio, and Ctrl+C stops the host cleanly.
 */
function waitForLink(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no link printed; output so far:\n${output.text}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output.text += chunk.toString();
      const out = output.text;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`start:browser exited early (${code}):\n${output.text}`)));
  });
}

/** `npm run start:browser` as a user runs it, printing the link instead of opening a window. */
function startBrowserHostCommand(dataDir: string): ChildProcess {
  return spawn('npm', ['run', '--silent', 'start:browser'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CALM_LINE_NO_BROWSER: '1', CALM_LINE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: Ctrl+C reaches npm and everything under it, as in a terminal
  });
}

/** Debian Chromium whose fake capture device plays `wav` once. */
function launchBrowser(wav: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}%noloop`],
  });
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

test('npm run start:browser serves the app; a call and its wrap-up run end to end; Ctrl+C stops it cleanly', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [
      { who: 'caller', at: 0.5, text: 'Why was my card charged twice this month?' },
      { who: 'agent', at: 4.0, text: 'I am sorry, I can see both charges. I will refund one today.' },
    ],
  });
  mkdirSync(E2E_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'start-browser-'));
  const host = startBrowserHostCommand(dataDir);
  const browser = await launchBrowser(call.file);
  try {
    const output = { text: '' };
    const link = await waitForLink(host, output);
    const page = await browser.newPage();
    await page.goto(link);
    await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'browser');
    await page.getByTestId('start-call').click();
    await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'wait-for-pause', { timeout: 5000 });
    await page.waitForTimeout((call.durationSec - 0.5) * 1000);
    await page.getByTestId('end-call').click();

    // The wrap-up opens on the call's end; the team's required steps (priorities, resolution) by keyboard.
    await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
    await page.keyboard.type('Refund the duplicate charge');
    for (const step of ['catalyst', 'ownership', 'resolution']) {
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', step);
    }
    await page.keyboard.press('1'); // resolved
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
    await page.getByTestId('nav-log').click();
    await expect(page.getByTestId('log-row')).toHaveCount(1);
    await expect(page.getByTestId('log-row')).toContainText('Resolved');

    // Ctrl+C reaches the whole foreground group, as in a terminal: the host closes and stops listening.
    const exited = new Promise<void>((resolve) => host.on('exit', () => resolve()));
    process.kill(-host.pid!, 'SIGINT');
    await exited;
    expect(output.text).toContain('SIGINT: closing Calm Line');
    expect(output.text).not.toContain('Shutdown step failed');
    await expect(fetch(new URL(link).origin)).rejects.toThrow();
    expect(output.text.split(new URL(link).searchParams.get('token')!).length - 1).toBe(1); // the link, printed once
  } finally {
    await browser.close();
    killGroup(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('Ctrl+C in the middle of a call ends it and keeps its wrap-up draft for the next start', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [{ who: 'caller', at: 0.5, text: 'My internet has been down since Monday and I work from home.' }],
    tailSec: 20,
  });
  mkdirSync(E2E_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'start-browser-'));
  const browser = await launchBrowser(call.file);
  let host = startBrowserHostCommand(dataDir);
  try {
    const page = await browser.newPage();
    await page.goto(await waitForLink(host, { text: '' }));
    await page.getByTestId('start-call').click();
    await page.getByLabel('Priority the customer stated').fill('Internet back for work');
    await page.getByLabel('Priority the customer stated').press('Enter');
    await page.waitForTimeout(4000);

    const exited = new Promise<void>((resolve) => host.on('exit', () => resolve()));
    process.kill(-host.pid!, 'SIGINT'); // the call is still running
    await exited;

    host = startBrowserHostCommand(dataDir);
    const again = await browser.newPage();
    await again.goto(await waitForLink(host, { text: '' }));
    await expect(again.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
    await expect(again.getByLabel('Priority 1', { exact: true })).toHaveValue('Internet back for work');
    const callerTalk = parseFloat((await again.getByTestId('summary-caller-talk').textContent()) ?? '0');
    expect(callerTalk).toBeGreaterThan(2);
    process.kill(-host.pid!, 'SIGINT');
  } finally {
    await browser.close();
    killGroup(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
