import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { buildHoldCall, type HoldCall } from '../support/hold-call.js';
import { openLiveRun, type LiveRun } from '../support/live-run.js';
import { E2E_TMP, REPO_ROOT } from './support/paths.js';
import { buildCallCommand, callCommand } from './support/call-command.js';
import { openSessionServices } from '../../main/host/session-services.js';
import { localDay } from '../../preload/domain/calendar-day.js';

/**
 * The phone software drives a real call: the bundled `call` command (plain node, as a softphone runs it)
 * against the browser host with the page open in Chromium, the fake capture playing a call with ten seconds
 * of music on hold in the middle. start with a ref → meters run → hold: no cue and the venting timer stays
 * → resume → end → the wrap-up opens with the ref; the saved session carries id, ref, the hold and every
 * event with what it did, and the CSV export id and ref; the caller number follows the privacy setting
 * (last 4 digits here; not kept by default). Settings shows the command line and the last events.
 */
const CALL_ID = 'a84f2c@pbx.example';
const CASE_REF = 'CASE-4711';

let run: LiveRun | undefined;
let call: HoldCall;

test.beforeAll(async () => {
  call = buildHoldCall();
  await buildCallCommand();
});
test.afterEach(async () => {
  await run?.app.close();
  run = undefined;
});

async function waitForFileTime(page: Page, sec: number): Promise<void> {
  await page.waitForFunction(
    (s) => {
      const start = window.__calmLineProbe?.captureStartMs;
      return start != null && (performance.now() - start) / 1000 >= s;
    },
    sec,
    { timeout: 60_000, polling: 20 },
  );
}

test('the command starts, holds, resumes and ends a real call; the session carries id, ref and the hold', async () => {
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'call-events-'));
  run = await openLiveRun(call.file, { dataDir });
  const { page } = run.app;
  await expect(page.getByTestId('start-call')).toBeEnabled();

  // Settings → Phone software: the command line for this machine; keep the caller's last 4 digits.
  await page.getByTestId('nav-settings').click();
  const command = page.getByTestId('phone-command');
  await expect(command).toContainText(path.join('out', 'cli', 'call.js'));
  await expect(command).toContainText(dataDir);
  await expect(page.getByTestId('phone-url')).toHaveText(
    'calm-line://call/start?id=CALL_ID&ref=CASE_REF',
  );
  await page.getByTestId('phone-caller-number').selectOption('last4');
  await page.getByTestId('phone-test-mark').click();
  await expect(page.getByTestId('phone-test-result')).toHaveText(
    'No call in progress: nothing marked.',
  );
  await expect(page.getByTestId('phone-events').locator('li')).toHaveCount(1);
  await page.getByTestId('nav-coach').click();

  // No call yet: an end is reported and changes nothing (exit 0: the app took it and said so).
  const early = await callCommand(dataDir, 'end', '--id', CALL_ID);
  expect(early.code).toBe(0);
  expect(early.stderr).toContain('No call in progress');

  const started = await callCommand(
    dataDir,
    'start',
    '--id',
    CALL_ID,
    '--ref',
    CASE_REF,
    '--from',
    '+44 20 7946 0321',
  );
  expect(started, started.stderr).toMatchObject({ code: 0 });
  expect(started.stderr).toContain(`Started call ${CALL_ID}`);
  await expect(page.getByTestId('end-call')).toBeVisible();
  // Meters run.
  await expect(page.getByTestId('meter-caller')).not.toHaveAttribute('data-level', '', {
    timeout: 10_000,
  });

  // A repeated start and an end for another call change nothing.
  const again = await callCommand(dataDir, 'start', '--id', CALL_ID);
  expect(again.code).toBe(0);
  expect(again.stderr).toContain('Already in this call');
  const otherEnd = await callCommand(dataDir, 'end', '--id', 'someone-else');
  expect(otherEnd.code).toBe(0);
  expect(otherEnd.stderr).toContain('nothing ended');
  await expect(page.getByTestId('end-call')).toBeVisible();

  // The caller's complaint shows cues (the rules work in this call).
  await waitForFileTime(page, call.holdStartSec - 0.4);
  const heldAtPageMs = await page.evaluate(() => performance.now());
  const hold = await callCommand(dataDir, 'hold', '--id', CALL_ID);
  expect(hold.code).toBe(0);
  await expect(page.getByTestId('on-hold')).toBeVisible();

  // During the music: no cue, and the venting timer does not move.
  await waitForFileTime(page, call.holdStartSec + 1);
  const ventingEarly = await page.getByTestId('venting-timer').textContent();
  await waitForFileTime(page, call.holdEndSec - 0.3);
  const ventingLate = await page.getByTestId('venting-timer').textContent();
  expect(ventingLate).toBe(ventingEarly);
  const resumedAtPageMs = await page.evaluate(() => performance.now());
  const resume = await callCommand(dataDir, 'resume', '--id', CALL_ID);
  expect(resume.code).toBe(0);
  await expect(page.getByTestId('on-hold')).toBeHidden();

  await waitForFileTime(page, call.durationSec + 0.2);
  const ended = await callCommand(dataDir, 'end', '--id', CALL_ID);
  expect(ended.code).toBe(0);
  expect(ended.stderr).toContain('Ended the call');

  const probe = await page.evaluate(() => window.__calmLineProbe!);
  const cueShown = (v: string) => v !== '' && v !== 'listening' && v !== 'idle';
  const banner = probe.changes.filter((c) => c.target === 'cue-banner');
  expect(banner.some((c) => c.t < heldAtPageMs && cueShown(c.value))).toBe(true);
  // The cue showing when the hold came ends at once; none starts until the resume.
  const settleMs = 300;
  const duringHold = banner.filter(
    (c) => c.t > heldAtPageMs + settleMs && c.t < resumedAtPageMs && cueShown(c.value),
  );
  expect(duringHold).toEqual([]);
  const stateAtHold = [...banner].reverse().find((c) => c.t <= heldAtPageMs + settleMs);
  expect(stateAtHold && cueShown(stateAtHold.value)).toBeFalsy();

  // The wrap-up opened with the case reference.
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
  const kb = page.keyboard;
  await kb.type('Internet back tomorrow');
  // Enter in a priority with text adds the next row; Enter there goes on.
  await kb.press('Enter');
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
  for (const step of ['catalyst', 'ownership', 'resolution']) {
    await kb.press('Enter');
    await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', step);
  }
  await kb.press('1');
  for (let i = 0; i < 6; i++) await kb.press('Alt+ArrowRight');
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'reference');
  await expect(page.getByLabel('Case or ticket reference')).toHaveValue(CASE_REF);
  await kb.press('Control+Enter');
  await expect(page.getByTestId('wrap-up')).toBeHidden();

  await run.app.close();
  run = undefined;

  const sessions = openSessionServices({ dataDir });
  try {
    const list = sessions.repository.list({ offset: 0, limit: 10 });
    expect(list.total).toBe(1);
    const session = sessions.repository.get(list.rows[0].id)!;
    expect(session.wrapUp.caseReference).toBe(CASE_REF);
    const phone = session.call.phone!;
    expect(phone.callId).toBe(CALL_ID);
    expect(phone.caseRef).toBe(CASE_REF);
    // Privacy: only the last 4 digits, as set.
    expect(phone.from).toBe('…0321');
    expect(phone.holds).toHaveLength(1);
    const [h] = phone.holds;
    expect(h.start).toBeGreaterThan(call.holdStartSec - 1.5);
    expect(h.start).toBeLessThan(call.holdStartSec + 0.5);
    expect(h.end).toBeGreaterThan(call.holdEndSec - 1);
    expect(h.end).toBeLessThan(call.holdEndSec + 1);
    expect(phone.events.map((e) => `${e.kind}:${e.outcome}`)).toEqual([
      'start:applied',
      'start:ignored',
      'end:refused',
      'hold:applied',
      'resume:applied',
      'end:applied',
    ]);
    // No cue was recorded inside the hold.
    const inHold = session.call.cues.filter((c) => c.start > h.start + 0.3 && c.start < h.end);
    expect(inHold).toEqual([]);
    // The CSV export carries id and ref.
    const day = localDay(new Date(session.startedAt));
    const csvFile = path.join(dataDir, 'export.csv');
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
          path.join(REPO_ROOT, 'main/cli/export.ts'),
          '--from',
          day,
          '--to',
          day,
          '--format',
          'csv',
          '--out',
          csvFile,
          '--data-dir',
          dataDir,
        ],
        { timeout: 60_000 },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      phone_call_id: CALL_ID,
      phone_case_ref: CASE_REF,
      case_reference: CASE_REF,
      caller_number: '…0321',
      hold_count: '1',
    });
  } finally {
    sessions.close();
  }
  // The command finds no app now (the host removed its file on exit).
  const after = await callCommand(dataDir, 'mark');
  expect(after.code).toBe(3);
  expect(after.stderr).toContain('not running');
  rmSync(dataDir, { recursive: true, force: true });
});
