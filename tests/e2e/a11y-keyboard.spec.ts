/**
 * Keyboard only: each screen walked with Tab and Shift+Tab — every interactive element reached, named and
 * visibly focused, Shift+Tab the reverse of Tab — and focus moving sensibly: into the wrap-up's first
 * field when a call ends, onto the "saved" message after saving, into the export dialog when it opens and
 * back to its button when it closes.
 */
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { expectKeyboardWalk, keyboardWalk } from './support/keyboard-walk.js';
import { recentSessions, seededDataDir, writeTeamExport } from './support/a11y-states.js';
import { buildDialogue } from '../support/dialogues.js';
import { makeSessions } from '../support/session-factory.js';

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

test('a call by keyboard: coach idle and in a call, the wrap-up it opens, saving, the log and the session', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [
      { who: 'caller', at: 0.3, text: 'My order never arrived and nobody answers my emails.' },
      { who: 'agent', afterPrevEnd: 1.2, text: 'I am sorry. I will send a new one today.' },
    ],
    tailSec: 1,
  });
  app = await launchApp({ captureWav: call.file });
  const { page } = app;
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await expectKeyboardWalk(page, 'coach idle');

  await page.getByTestId('start-call').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('end-call')).toBeVisible();
  // Docked (380 px) the coach shows the cue, the meters and the call button; F3 shows the rest.
  await expect(page.getByLabel('Priority the customer stated')).toBeHidden();
  await page.keyboard.press('F3');
  await expect(page.getByLabel('Priority the customer stated')).toBeVisible();
  await expectKeyboardWalk(page, 'coach in a call');

  // Ending the call opens its wrap-up with focus in the first field.
  await page.getByTestId('end-call').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', 'priorities');
  expect(await focusedName(page)).toBe('Add a priority');
  await expectKeyboardWalk(page, 'wrap-up, first step');

  // Saving: focus goes to the message that says so (the form it was in is gone).
  await page.getByLabel('Add a priority').focus();
  await page.keyboard.type('New parcel today');
  // Enter: to the empty priority row (Enter adds a priority), then on to the resolution.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
  expect(await focusedTestId(page)).toBe('wrap-up-saved');
  await expectKeyboardWalk(page, 'wrap-up saved');

  await page.getByTestId('nav-log').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await expectKeyboardWalk(page, 'log');
  await page.getByTestId('log-row').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-review')).toHaveAttribute('data-ready', 'true');
  await expectKeyboardWalk(page, 'session with its review');
  expect(app.consoleErrors).toEqual([]);
});

test('keyboard on the follow-ups, team, settings and export screens; the export dialog takes and gives back focus', async () => {
  const dataDir = seededDataDir('a11y-keys-', recentSessions(30, 903));
  const teamFile = path.join(dataDir, 'team-export.json');
  await writeTeamExport(
    teamFile,
    makeSessions(30, { seed: 904, agents: ['Ana Souza'], fromDay: '2026-01-05', days: 10 }),
    'Ana Souza',
  );
  app = await launchApp({ dataDir });
  const { page } = app;
  const open = async (screen: string) => {
    await page.getByTestId(`nav-${screen}`).focus();
    await page.keyboard.press('Enter');
  };

  await open('follow-ups');
  await expect(page.getByTestId('follow-up-row').first()).toBeVisible();
  await expectKeyboardWalk(page, 'follow-ups');

  await open('team');
  await page.getByTestId('team-import-files').setInputFiles(teamFile);
  await expect(page.locator('.team-chart')).toHaveCount(8);
  await expectKeyboardWalk(page, 'team with charts');

  await open('settings');
  await expect(page.getByTestId('wrap-up-settings')).toBeVisible();
  await expectKeyboardWalk(page, 'settings');

  // The export dialog: focus moves into it, Tab stays in it, Escape closes it and focus is back on Export….
  await open('export');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await expect(page.getByTestId('export-count')).toHaveText('30 sessions match');
  expect(
    await page.evaluate(() => !!document.activeElement?.closest('[data-testid="export-dialog"]')),
  ).toBe(true);
  const walk = await expectKeyboardWalk(page, 'export dialog');
  expect(walk.forward.every((s) => !s.describe.includes('nav-'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  expect(await focusedTestId(page)).toBe('nav-export');
  expect(app.consoleErrors).toEqual([]);
});

test('the walk itself notices an unnamed control and a hidden focus ring', async () => {
  app = await launchApp();
  const { page } = app;
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await page.evaluate(() => {
    // Through the CSSOM: the page's CSP refuses a <style> element.
    document.styleSheets[0].insertRule('#no-ring:focus-visible { outline: none; }');
    const header = document.querySelector('.app-header')!;
    const unnamed = document.createElement('button');
    unnamed.id = 'unnamed';
    unnamed.innerHTML = '<svg width="16" height="16" aria-hidden="true"></svg>';
    const noRing = document.createElement('button');
    noRing.id = 'no-ring';
    noRing.textContent = 'No ring';
    header.append(unnamed, noRing);
    document.body.focus();
  });
  const walk = await keyboardWalk(page);
  expect(walk.forward.filter((s) => !s.name).map((s) => s.describe)).toEqual(['button ""']);
  expect(walk.forward.filter((s) => !s.visible).map((s) => s.describe)).toEqual([
    'button "No ring"',
  ]);
});
