import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { openSessionRepository } from '../../main/sessions/session-repository.js';
import {
  ESCALATION_VALUES,
  RESOLUTION_VALUES,
  SESSION_SCHEMA_VERSION,
  emptyWrapUp,
  sessionSchema,
  type Session,
} from '../../preload/contract/session-schema.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { E2E_TMP } from './support/paths.js';

/**
 * The session log and the follow-ups over a data folder holding 45 known sessions (one a day, written by
 * the real repository before the app starts): newest first, pages, text search, each filter — every count
 * is computed from the sessions themselves — and the follow-ups due and overdue with their badge.
 */
const COUNT = 45;
const day = (offsetDays: number): Date => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays, 10, 0, 0);
};
const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** Session i was taken i days ago; its properties cycle so that every filter has matches and misses. */
function sessions(): Session[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const started = day(-i);
    const wrapUp = emptyWrapUp();
    wrapUp.priorities = [
      {
        id: `p${i}`,
        text: i === 17 ? 'Replace the broken walnut cabinet' : `Priority of call ${i}`,
        kind: 'technical',
        confirmed: i % 2 === 0,
        rank: 1,
      },
    ];
    wrapUp.resolution = i % 5 === 4 ? null : RESOLUTION_VALUES[i % 4];
    wrapUp.escalation = { kind: ESCALATION_VALUES[i % 4], reason: i % 4 === 0 ? '' : 'reason' };
    wrapUp.caseReference = `REF-${1000 + i}`;
    // Follow-ups: i=0,1 due today; i=2..4 overdue (one of them done); every 3rd later call has one in the future.
    if (i <= 1) wrapUp.followUp = { date: ymd(day(0)), channel: 'call', doneAt: null };
    else if (i <= 4)
      wrapUp.followUp = {
        date: ymd(day(-i + 1)),
        channel: 'email',
        doneAt: i === 4 ? new Date().toISOString() : null,
      };
    else if (i % 3 === 0) wrapUp.followUp = { date: ymd(day(7)), channel: 'letter', doneAt: null };
    const session: Session = {
      schemaVersion: SESSION_SCHEMA_VERSION,
      id: uuid(i),
      agent: 'Sam',
      startedAt: started.toISOString(),
      endedAt: new Date(started.getTime() + 120_000).toISOString(),
      call: {
        durationSec: 120,
        sampleRate: 48000,
        metrics: {
          callerTalkSec: 60,
          agentTalkSec: 40,
          talkRatio: 0.4,
          overtalkCount: i % 3,
          overtalkSec: i % 3,
          longestCallerTurnSec: 20,
          medianResponseGapSec: 1,
          timeToCalmSec: null,
          cueCounts: {
            'wait-for-pause': 1,
            'your-turn': 1,
            'talking-over': i % 3,
            'too-loud': 0,
            'caller-heated': 0,
          },
        },
        loudness: {
          caller: {
            integratedLufs: -24,
            maxMomentaryLufs: -18,
            maxShortTermLufs: -20,
            peakDbfs: -6,
          },
          agent: {
            integratedLufs: -26,
            maxMomentaryLufs: -20,
            maxShortTermLufs: -22,
            peakDbfs: -8,
          },
        },
        overtalk: [],
        cues: [],
        marks: [],
        agentNormalLufs: null,
      },
      wrapUp,
      afterCallWorkSec: 60,
      savedAt: new Date(started.getTime() + 180_000).toISOString(),
      hasTimeline: false,
      recording: null,
    };
    return sessionSchema.parse(session);
  });
}

let dataDir: string;
let all: Session[];
let app: LaunchedApp | undefined;
test.beforeEach(() => {
  mkdirSync(E2E_TMP, { recursive: true });
  dataDir = mkdtempSync(path.join(E2E_TMP, 'session-log-'));
  all = sessions();
  openSessionRepository({ dataDir }).saveMany(all);
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const rowIds = (page: Page) =>
  page
    .getByTestId('log-row')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sessionId));
const total = (page: Page) => page.getByTestId('log-count');

test('the log lists every session newest first, in pages, and finds one by its words', async () => {
  app = await launchApp({ dataDir });
  const { page } = app;
  await page.getByTestId('nav-log').click();
  await expect(total(page)).toHaveAttribute('data-total', String(COUNT));
  await expect(total(page)).toHaveText(`1–20 of ${COUNT} sessions, newest first`);
  expect(await rowIds(page)).toEqual(all.slice(0, 20).map((s) => s.id));
  // Counts in words: every call here has one priority — "1 priority", never "1 priorities".
  await expect(page.getByTestId('log-row').first()).toContainText(/\b1 priority \(/);
  await page.getByRole('button', { name: 'Older →' }).click();
  await expect(total(page)).toHaveText(`21–40 of ${COUNT} sessions, newest first`);
  await expect(total(page)).toHaveAttribute('data-total', String(COUNT));
  expect(await rowIds(page)).toEqual(all.slice(20, 40).map((s) => s.id));
  await page.getByRole('button', { name: 'Older →' }).click();
  await expect(total(page)).toHaveText(`41–${COUNT} of ${COUNT} sessions, newest first`);
  await expect(total(page)).toHaveAttribute('data-total', String(COUNT));
  expect(await rowIds(page)).toEqual(all.slice(40).map((s) => s.id));
  await expect(page.getByRole('button', { name: 'Older →' })).toBeDisabled();

  // "/" jumps to the search box; the words of one priority find that call alone.
  await page.keyboard.press('/');
  await page.keyboard.type('walnut cabinet');
  await expect(total(page)).toHaveAttribute('data-total', '1');
  expect(await rowIds(page)).toEqual([uuid(17)]);
  await page.getByTestId('log-search').fill('REF-1003');
  await expect(total(page)).toHaveAttribute('data-total', '1');
  await expect(page.getByTestId('log-row')).toContainText('REF-1003');
  // ↓ from the search box to the rows, Enter opens the session.
  await page.getByTestId('log-search').press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-detail')).toHaveAttribute('data-session-id', uuid(3));
  await expect(page.getByTestId('session-wrap-up')).toContainText('Priority of call 3');
  await expect(page.getByTestId('call-review')).toContainText('No loudness timeline was kept');
  await page.getByTestId('session-back').click();
  await expect(page.getByTestId('log-search')).toHaveValue('REF-1003');
  expect(app.consoleErrors).toEqual([]);
});

test('each filter keeps exactly the sessions it names', async () => {
  app = await launchApp({ dataDir });
  const { page } = app;
  await page.getByTestId('nav-log').click();
  await expect(total(page)).toHaveAttribute('data-total', String(COUNT));
  await page.locator('.log-filters summary').click();

  const expectCount = async (n: number) => {
    await expect(total(page)).toHaveAttribute('data-total', String(n));
  };
  // Date range (inclusive days).
  const from = ymd(day(-12));
  const to = ymd(day(-3));
  await page.getByTestId('log-from').fill(from);
  await page.getByTestId('log-to').fill(to);
  const inRange = all.filter((s) => {
    const d = ymd(new Date(s.startedAt));
    return d >= from && d <= to;
  });
  await expectCount(inRange.length);
  expect(await rowIds(page)).toEqual(inRange.map((s) => s.id));
  await page.getByRole('button', { name: 'Clear' }).click();
  await expectCount(COUNT);

  for (const r of ['resolved', 'escalated', 'none'] as const) {
    await page.getByTestId('log-resolution').selectOption(r);
    await expectCount(all.filter((s) => (s.wrapUp.resolution ?? 'none') === r).length);
  }
  await page.getByTestId('log-resolution').selectOption('');
  for (const e of ESCALATION_VALUES) {
    await page.getByTestId('log-escalation').selectOption(e);
    await expectCount(all.filter((s) => s.wrapUp.escalation.kind === e).length);
  }
  await page.getByTestId('log-escalation').selectOption('');
  const today = ymd(new Date());
  const fu = (s: Session) => s.wrapUp.followUp;
  const truth = {
    due: all.filter((s) => fu(s).date === today && !fu(s).doneAt).length,
    overdue: all.filter((s) => fu(s).date !== null && fu(s).date! < today && !fu(s).doneAt).length,
    open: all.filter((s) => fu(s).date !== null && !fu(s).doneAt).length,
    done: all.filter((s) => fu(s).doneAt !== null).length,
  };
  for (const [status, n] of Object.entries(truth)) {
    await page.getByTestId('log-follow-up').selectOption(status);
    await expectCount(n);
  }
  // Filters combine with the text search.
  await page.getByTestId('log-follow-up').selectOption('open');
  await page.getByTestId('log-search').fill('REF-1002');
  await expectCount(1);
  expect(app.consoleErrors).toEqual([]);
});

test('follow-ups due and overdue are listed with a badge counting what is due today; marking one done records it', async () => {
  app = await launchApp({ dataDir });
  const { page } = app;
  const today = ymd(new Date());
  const open = (s: Session) => s.wrapUp.followUp.date !== null && s.wrapUp.followUp.doneAt === null;
  const due = all.filter((s) => open(s) && s.wrapUp.followUp.date === today);
  const overdue = all.filter((s) => open(s) && s.wrapUp.followUp.date! < today);
  await expect(page.getByTestId('follow-ups-badge')).toHaveText(String(due.length));
  await page.getByTestId('nav-follow-ups').click();
  await expect(page.getByTestId('follow-ups-due').getByTestId('follow-up-row')).toHaveCount(
    due.length,
  );
  await expect(page.getByTestId('follow-ups-overdue').getByTestId('follow-up-row')).toHaveCount(
    overdue.length,
  );
  await expect(page.getByTestId('follow-ups-overdue')).toContainText(
    overdue.length === 1 ? '1 day overdue' : 'days overdue',
  );
  await expect(
    page.getByTestId('follow-ups-overdue').getByTestId('follow-up-channel').first(),
  ).toHaveText('Through email');

  const target = overdue[0];
  await page
    .locator(`[data-testid="follow-up-row"][data-session-id="${target.id}"]`)
    .getByTestId('follow-up-done')
    .click();
  await expect(page.getByTestId('follow-ups-overdue').getByTestId('follow-up-row')).toHaveCount(
    overdue.length - 1,
  );
  await expect(page.getByTestId('follow-ups-overdue-count')).toHaveText(`(${overdue.length - 1})`);
  await expect(page.getByTestId('follow-ups-badge')).toHaveText(String(due.length));

  // The session now says when it was done; the log's "done" filter counts it.
  await page.getByTestId('nav-log').click();
  await page.locator('.log-filters summary').click();
  await page.getByTestId('log-follow-up').selectOption('done');
  await expect(total(page)).toHaveAttribute(
    'data-total',
    String(all.filter((s) => s.wrapUp.followUp.doneAt !== null).length + 1),
  );
  await page.locator(`[data-testid="log-row"][data-session-id="${target.id}"]`).click();
  await expect(page.getByTestId('session-wrap-up')).toContainText('Follow-up done');
  await expect(page.getByTestId('detail-mark-done')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('an empty log says what to do: save a call when none is saved, clear the filters when none match', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByTestId('nav-log').click();
  await expect(total(page)).toHaveText(/^No sessions saved yet\. Save a call’s wrap-up/);
  await app.close();

  app = await launchApp({ dataDir });
  await app.page.getByTestId('nav-log').click();
  await app.page.getByTestId('log-search').fill('no call says zebra-quartz');
  await expect(total(app.page)).toHaveText(
    'No sessions match these filters or words. Clear them to see every session.',
  );
  expect(app.consoleErrors).toEqual([]);
});
