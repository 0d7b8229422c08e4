import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { buildDialogue } from '../support/dialogues.js';
import { CHROMIUM_PATH, E2E_TMP, REPO_ROOT } from './support/paths.js';

/**
 * `npm run start:browser` as a newcomer runs it on a machine without Electron — and, like this project's
 * own machines, without a display: the command prints the app's link instead of opening a window, a
 * browser opens that link, a call runs with fake capture audio, and Ctrl+C stops the host cleanly. A
 * browser that cannot start leaves the host serving, with the link printed.
 */
function waitForLink(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no link printed; output so far:\n${output.text}`)),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output.text += chunk.toString();
      const out = output.text;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`start:browser exited early (${code}):\n${output.text}`)),
    );
  });
}

interface CommandOptions {
  /** Flags after `--`, as a user passes them through npm. */
  readonly flags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * `npm run start:browser` as a user runs it, in a terminal with no display (no DISPLAY, no WAYLAND_DISPLAY)
 * and none of the launcher's environment variables unless `env` sets them.
 */
function startBrowserHostCommand(
  dataDir: string,
  { flags = [], env = {} }: CommandOptions = {},
): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'DISPLAY',
    'WAYLAND_DISPLAY',
    'CALM_LINE_NO_BROWSER',
    'CALM_LINE_BROWSER',
    'CALM_LINE_PORT',
  ]) {
    delete childEnv[name];
  }
  Object.assign(childEnv, { CALM_LINE_DATA_DIR: dataDir }, env);
  return spawn(
    'npm',
    ['run', '--silent', 'start:browser', ...(flags.length > 0 ? ['--', ...flags] : [])],
    {
      cwd: REPO_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: Ctrl+C reaches npm and everything under it, as in a terminal
    },
  );
}

/** Seconds on the live call clock, which counts the audio the engine has analysed ("m:ss"). */
async function callClockSeconds(
  page: Page,
  testId: 'call-time' | 'venting-timer',
): Promise<number> {
  const match = /^(\d+):(\d\d)$/.exec((await page.getByTestId(testId).textContent()) ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

/** Debian Chromium whose fake capture device plays `wav` once. */
function launchBrowser(wav: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}%noloop`,
    ],
  });
}

/** Ctrl+C reaches the whole foreground group, as in a terminal: the host closes cleanly and stops listening. */
async function expectCtrlCStopsCleanly(
  host: ChildProcess,
  output: { text: string },
  link: string,
): Promise<void> {
  const exited = new Promise<void>((resolve) => host.on('exit', () => resolve()));
  process.kill(-host.pid!, 'SIGINT');
  await exited;
  expect(output.text).toContain('SIGINT: closing Calm Line');
  expect(output.text).not.toContain('Shutdown step failed');
  await expect(fetch(new URL(link).origin)).rejects.toThrow();
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

test('npm run start:browser on a machine without a display prints the link; a call and its wrap-up run end to end; Ctrl+C stops it cleanly', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [
      { who: 'caller', at: 0.5, text: 'Why was my card charged twice this month?' },
      {
        who: 'agent',
        at: 4.0,
        text: 'I am sorry, I can see both charges. I will refund one today.',
      },
    ],
  });
  mkdirSync(E2E_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'start-browser-'));
  const host = startBrowserHostCommand(dataDir);
  const browser = await launchBrowser(call.file);
  try {
    const output = { text: '' };
    const link = await waitForLink(host, output);
    expect(output.text).toContain(
      'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window was opened.',
    );
    expect(output.text).toContain('Open this link in Chromium or Chrome on this machine');
    const page = await browser.newPage();
    await page.goto(link);
    await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'browser');
    // A new data folder: the first-run setup, skipped as a hurried agent would.
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('start-call').click();
    await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'wait-for-pause', {
      timeout: 5000,
    });
    // The agent's reply is heard to its end (the call clock counts analysed audio, not wall time).
    await expect
      .poll(() => callClockSeconds(page, 'call-time'), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(Math.floor(call.durationSec - 0.5));
    await page.getByTestId('end-call').click();

    // The wrap-up opens on the call's end; the team's required steps (priorities, resolution) by keyboard.
    await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
    await page.keyboard.type('Refund the duplicate charge');
    await page.keyboard.press('Enter'); // the next, empty priority row
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
    await expect(page.getByTestId('log-row')).toContainText('1 priority');

    await expectCtrlCStopsCleanly(host, output, link);
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
    utterances: [
      {
        who: 'caller',
        at: 0.5,
        text: 'My internet has been down since Monday and I work from home.',
      },
    ],
    tailSec: 20,
  });
  mkdirSync(E2E_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'start-browser-'));
  const browser = await launchBrowser(call.file);
  let host = startBrowserHostCommand(dataDir, { flags: ['--no-browser'], env: { DISPLAY: ':0' } });
  try {
    const page = await browser.newPage();
    await page.goto(await waitForLink(host, { text: '' }));
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('start-call').click();
    await page.getByLabel('Priority the customer stated').fill('Internet back for work');
    await page.getByLabel('Priority the customer stated').press('Enter');
    // The caller has been venting for 3 s of the call's audio when Ctrl+C comes.
    await expect
      .poll(() => callClockSeconds(page, 'venting-timer'), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3);

    const exited = new Promise<void>((resolve) => host.on('exit', () => resolve()));
    process.kill(-host.pid!, 'SIGINT'); // the call is still running
    await exited;

    host = startBrowserHostCommand(dataDir, { flags: ['--no-browser'], env: { DISPLAY: ':0' } });
    const again = await browser.newPage();
    await again.goto(await waitForLink(host, { text: '' }));
    await expect(again.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
    await expect(again.getByLabel('Priority 1', { exact: true })).toHaveValue(
      'Internet back for work',
    );
    const callerTalk = parseFloat(
      (await again.getByTestId('summary-caller-talk').textContent()) ?? '0',
    );
    expect(callerTalk).toBeGreaterThan(2);
    process.kill(-host.pid!, 'SIGINT');
  } finally {
    await browser.close();
    killGroup(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a browser that exits at once with an error: one line says so, the link is printed, and the host serves on', async () => {
  mkdirSync(E2E_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'start-browser-'));
  // What a broken browser does (no display server it can reach, run as root without --no-sandbox): exit 1 at once.
  const failingBrowser = path.join(dataDir, 'failing-browser');
  writeFileSync(failingBrowser, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n', {
    mode: 0o755,
  });
  const host = startBrowserHostCommand(dataDir, {
    env: { DISPLAY: ':0', CALM_LINE_BROWSER: failingBrowser },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const output = { text: '' };
    const link = await waitForLink(host, output);
    const told = output.text.split('\n').filter((line) => line.includes('exited'));
    expect(told).toEqual([
      expect.stringMatching(
        /^\[calm-line\] failing-browser exited [\d.]+ s after launch with an error \(exit code 1\); open the link below instead\.$/,
      ),
    ]);
    expect(output.text).not.toContain('stopping');

    // Still serving: the printed link opens the app, and the host is still running afterwards.
    const page = await browser.newPage();
    await page.goto(link);
    await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'browser');
    await page.getByTestId('nav-log').click();
    await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', '0'); // answered by the host
    expect(host.exitCode).toBeNull();

    await expectCtrlCStopsCleanly(host, output, link);
  } finally {
    await browser.close();
    killGroup(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
