/**
 * axe-core with the WCAG 2.2 A and AA rules (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on every screen
 * and state a user reaches, in the built app through the browser host: the coach idle and in a call with
 * each cue showing, the wrap-up on each step and with its required-step message, the log with results and
 * empty, a session with its review, the follow-ups, the team view with charts, the export dialog idle,
 * counting, in progress and done, settings, and every notice and error (files the host could not read,
 * a device lost mid-call, the microphone permission refused). Each state: 0 violations.
 */
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { BANNER_COPY, type BannerState } from '../../renderer/src/live-coach/cue-copy.js';
import { WRAP_UP_STEPS } from '../../preload/contract/settings-schema.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { expectAccessible } from './support/a11y-audit.js';
import {
  corruptStorage,
  everyCueCall,
  holdSocketFrames,
  installSocketGate,
  recentSessions,
  releaseSocketFrames,
  seededDataDir,
  writeTeamExport,
} from './support/a11y-states.js';
import { buildDialogue } from '../support/dialogues.js';
import { makeSessions } from '../support/session-factory.js';

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

const CUES: BannerState[] = [
  'wait-for-pause',
  'your-turn',
  'caller-heated',
  'talking-over',
  'too-loud',
];

/** Audits while `cue` shows; the cue must still be showing when the audit ends (it audited that state). */
async function auditCue(page: Page, cue: BannerState): Promise<void> {
  const banner = page.getByTestId('cue-banner');
  await expect(banner).toHaveAttribute('data-cue', cue, { timeout: 30_000 });
  const changesBefore = await page.evaluate(() => window.__cueChanges ?? 0);
  await expectAccessible(page, `coach, in a call: ${BANNER_COPY[cue].title}`);
  const changesAfter = await page.evaluate(() => window.__cueChanges ?? 0);
  expect(changesAfter, `"${cue}" stayed on screen through its audit`).toBe(changesBefore);
}

declare global {
  interface Window {
    __cueChanges?: number;
  }
}

test('coach, a call with every cue, its wrap-up step by step, the log and the session review', async () => {
  const call = everyCueCall();
  app = await launchApp({ captureWav: call.file });
  const { page } = app;
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await expectAccessible(page, 'coach idle');
  await page.evaluate(() => {
    window.__cueChanges = 0;
    new MutationObserver(() => (window.__cueChanges! += 1)).observe(
      document.querySelector('[data-testid="cue-banner"]')!,
      { attributes: true, attributeFilter: ['data-cue'] },
    );
  });

  await page.getByTestId('start-call').click();
  for (const cue of CUES) await auditCue(page, cue);
  await expect(page.getByTestId('cue-banner')).not.toHaveAttribute('data-cue', 'too-loud', {
    timeout: 20_000,
  });
  await page.getByTestId('end-call').click();

  // The wrap-up on each step (Enter moves on; the notes box of the last step takes Enter as a new line).
  const wrapUp = page.getByTestId('wrap-up');
  for (const step of WRAP_UP_STEPS) {
    await expect(wrapUp).toHaveAttribute('data-step', step);
    await expectAccessible(page, `wrap-up step: ${step}`);
    if (step !== 'reference') await page.keyboard.press('Enter');
  }
  // Saving without the required priority and resolution: the required-step message.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-problem')).toBeVisible();
  await expectAccessible(page, 'wrap-up: required-step message');
  await page.getByRole('button', { name: /^1 Priorities/ }).click();
  await page.getByLabel('Add a priority').fill('Line repaired today');
  await page.getByRole('button', { name: /^4 Resolution/ }).click();
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
  await expectAccessible(page, 'wrap-up saved');

  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await expectAccessible(page, 'log with results');
  await page.getByTestId('log-row').click();
  await expect(page.getByTestId('call-review')).toHaveAttribute('data-ready', 'true');
  await expectAccessible(page, 'session with its review');
  // The lanes in words: a summary the lanes' slider points to, and the call as a table.
  await expect(page.getByTestId('review-summary')).toContainText(/^Caller: typically -\d/);
  await expect(page.getByTestId('review-summary')).toContainText('You: typically');
  await page.getByText('Loudness as a table').click();
  const reviewSec = Number(await page.getByTestId('call-review').getAttribute('data-duration'));
  await expect(page.getByTestId('review-table').locator('tbody tr')).toHaveCount(
    Math.ceil(reviewSec / 10),
  );
  await expectAccessible(page, 'session review with its table open');
  expect(app.consoleErrors).toEqual([]);
});

test('log, follow-ups, team with charts, export dialog (idle, counting, in progress, done), settings, storage notice', async () => {
  const dataDir = seededDataDir('a11y-seeded-', recentSessions(60, 901));
  corruptStorage(dataDir);
  const teamFile = path.join(dataDir, 'team-export.json');
  await writeTeamExport(
    teamFile,
    makeSessions(40, {
      seed: 902,
      agents: ['Ana Souza', 'Björn Lindqvist'],
      fromDay: '2026-01-05',
      days: 20,
    }),
    'Ana Souza',
  );
  app = await launchApp({ dataDir, initScript: installSocketGate });
  const { page } = app;
  await expect(page.getByTestId('storage-notices')).toBeVisible();
  await expectAccessible(page, 'coach with the storage notice');
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-row').first()).toBeVisible();
  await expectAccessible(page, 'log with results');
  await page.getByTestId('log-row').first().click();
  await expect(page.getByTestId('session-detail')).toBeVisible();
  await expectAccessible(page, 'session without a stored timeline');
  await page.getByTestId('session-back').click();
  await page.getByTestId('log-search').fill('no call says this zebra');
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', '0');
  await expectAccessible(page, 'log with no results');
  await page.getByTestId('open-recorded-call').setInputFiles(everyCueCall().file);
  await expect(page.getByTestId('recorded-review')).toHaveAttribute('data-ready', 'true');
  await expectAccessible(page, 'log: a recorded call opened, its review with playback');

  await page.getByTestId('nav-follow-ups').click();
  await expect(page.getByTestId('follow-up-row').first()).toBeVisible();
  await expectAccessible(page, 'follow-ups due and overdue');

  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('team-view')).toBeVisible();
  await expectAccessible(page, 'team view, nothing imported');
  await page.getByTestId('team-import-files').setInputFiles(teamFile);
  await expect(page.locator('.team-chart')).toHaveCount(8);
  await expect(page.getByTestId('team-message')).toHaveCount(1);
  await expectAccessible(page, 'team view with charts');
  // Each chart in words: a summary sentence, and its figures as a table.
  await expect(page.locator('.team-chart-summary')).toHaveCount(8);
  await expect(page.getByTestId('chart-calls')).toContainText(/Calls per day: \d+ days from/);
  await page.getByTestId('chart-calls').getByText('Figures as a table').click();
  await expect(page.getByTestId('chart-table-calls').locator('thead th')).toHaveText([
    'Day',
    'Team',
    'Ana Souza',
    'Björn Lindqvist',
  ]);
  await expectAccessible(page, 'team chart with its table open');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('wrap-up-settings')).toBeVisible();
  await expectAccessible(page, 'settings');

  await page.getByTestId('nav-wrap-up').click();
  await expectAccessible(page, 'wrap-up, none open');

  // The export dialog: counting (the count's answer held), idle, in progress (progress held), done.
  await holdSocketFrames(page, ['"count":']);
  await page.getByTestId('nav-export').click();
  await expect(page.getByTestId('export-count')).toHaveText('Counting…');
  await expectAccessible(page, 'export dialog, counting');
  await releaseSocketFrames(page);
  await expect(page.getByTestId('export-count')).toHaveText('60 sessions match');
  await expectAccessible(page, 'export dialog, idle');
  await holdSocketFrames(page, ['"export-progress"']);
  await page.getByTestId('export-format-json').check();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-cancel')).toBeVisible();
  await expectAccessible(page, 'export dialog, in progress');
  await releaseSocketFrames(page);
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');
  await expectAccessible(page, 'export dialog, done');
});

test('errors: the microphone permission refused; the log and follow-ups empty', async () => {
  app = await launchApp({ denyMedia: true });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('source-problem')).toHaveAttribute(
    'data-kind',
    'permission-denied',
  );
  await expectAccessible(page, 'coach: microphone permission refused');
  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', '0');
  await expectAccessible(page, 'log, no sessions yet');
  await page.getByTestId('nav-follow-ups').click();
  await expect(page.getByTestId('follow-ups')).toBeVisible();
  await expectAccessible(page, 'follow-ups, none');
});

test('errors: a device lost mid-call, and a mono source', async () => {
  const call = buildDialogue({
    sampleRate: 48000,
    utterances: [
      {
        who: 'caller',
        at: 0.3,
        text: 'I was charged twice for the same order and I want my money back.',
      },
    ],
    tailSec: 4,
  });
  app = await launchApp({
    captureWav: call.file,
    initScript: () => {
      const streams: MediaStream[] = [];
      (window as unknown as { __streams: MediaStream[] }).__streams = streams;
      const devices = navigator.mediaDevices;
      const original = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (c) => {
        const s = await original(c);
        streams.push(s);
        return s;
      };
    },
  });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('meter-caller').locator('canvas')).not.toHaveAttribute(
    'data-level',
    '',
    { timeout: 8000 },
  );
  await page.evaluate(() => {
    for (const s of (window as unknown as { __streams: MediaStream[] }).__streams)
      for (const t of s.getAudioTracks()) {
        t.stop();
        t.dispatchEvent(new Event('ended'));
      }
  });
  await expect(page.getByTestId('source-problem')).toHaveAttribute('data-kind', 'device-lost');
  await expectAccessible(page, 'coach: device lost mid-call');
  await app.close();

  const mono = buildDialogue({
    sampleRate: 48000,
    layout: 'mono',
    utterances: [
      { who: 'caller', at: 0.3, text: 'Hello, my account has been locked since Monday.' },
    ],
  });
  app = await launchApp({ captureWav: mono.file });
  await app.page.getByTestId('start-call').click();
  await expect(app.page.getByTestId('source-problem')).toHaveAttribute('data-kind', 'mono-source');
  await expectAccessible(app.page, 'coach: mono source');
});
