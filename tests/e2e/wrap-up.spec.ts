import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { waitForCallClock } from './support/call-clock.js';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { buildDialogue, type Dialogue } from '../support/dialogues.js';
import { openLiveRun, playCall, type LiveRun } from '../support/live-run.js';
import { launchApp } from './support/app-fixture.js';
import { E2E_TMP } from './support/paths.js';

/**
 * The guided wrap-up after a real call (the built app in Debian Chromium, the fake capture playing a
 * generated call): completed with the keyboard alone, saved, then found in the log by its words; and a
 * reload in the middle restores the draft exactly, step and fields.
 */
function shortCall(): Dialogue {
  return buildDialogue({
    sampleRate: 48000,
    callerLevelDbfs: -24,
    agentLevelDbfs: -26,
    utterances: [
      {
        who: 'caller',
        at: 0.5,
        text: 'I was charged twice for the same phone and nobody calls me back.',
      },
      {
        who: 'agent',
        afterPrevEnd: 1.2,
        text: 'I am sorry. I will refund the second charge today.',
      },
    ],
    tailSec: 1,
  });
}

let run: LiveRun | undefined;
let call: Dialogue;
test.beforeAll(() => {
  call = shortCall();
  mkdirSync(E2E_TMP, { recursive: true });
});
test.afterEach(async () => {
  await run?.app.close();
  run = undefined;
});

/** The page's focused element, described for assertions. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      label: el?.getAttribute('aria-label') ?? el?.closest('label')?.textContent?.trim() ?? '',
      tag: el?.tagName ?? '',
      value: (el as HTMLInputElement | null)?.value ?? '',
    };
  });

async function expectStep(page: Page, step: string) {
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-step', step);
}

test('a wrap-up completed by keyboard alone after a real call is saved, then found in the log', async () => {
  run = await openLiveRun(call.file);
  const { page } = run.app;
  await playCall(run, call.durationSec + 0.3);
  // The call's end opened its wrap-up, with the call's figures attached and focus in the first field.
  await expectStep(page, 'priorities');
  await expect(page.getByTestId('summary-overtalk')).toHaveText('0');
  await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
  await expect.poll(async () => (await focused(page)).label).toBe('Add a priority');
  const kb = page.keyboard;

  // 1. Priorities: type, Alt+2 administrative, Alt+C confirmed; ↓ to a new row; Alt+3 emotional; Alt+↑ ranks it first.
  await kb.type('Second charge refunded');
  await kb.press('Alt+Digit2');
  await kb.press('Alt+KeyC');
  await kb.press('ArrowDown');
  await kb.type('Being called back');
  await kb.press('Alt+Digit3');
  await kb.press('Alt+ArrowUp');
  await expect(page.getByTestId('priority-row')).toHaveCount(2);
  await expect(page.getByLabel('Priority 1', { exact: true })).toHaveValue('Being called back');
  // Enter adds a priority, as in the coach's pad: the empty row takes the next one…
  await kb.press('Enter');
  await expectStep(page, 'priorities');
  await expect.poll(async () => (await focused(page)).label).toBe('Add a priority');
  // …and Enter in the empty row goes on.
  await kb.press('Enter');
  // 2. Catalyst.
  await expectStep(page, 'catalyst');
  await kb.type('Rent is due on Friday');
  await kb.press('Enter');
  // 3. Ownership and apology: the number keys toggle.
  await expectStep(page, 'ownership');
  await kb.press('1');
  await kb.press('2');
  await kb.press('Enter');
  // 4. Resolution: 2 = partly.
  await expectStep(page, 'resolution');
  await kb.press('2');
  await kb.press('Enter');
  // 5. Next steps: what, Tab, who.
  await expectStep(page, 'next-steps');
  await kb.type('Refund of the second charge');
  await kb.press('Tab');
  await kb.type('Billing team');
  await kb.press('Enter');
  // 6. Escalation: 2 = manager requested, Tab to the reason.
  await expectStep(page, 'escalation');
  await kb.press('2');
  await kb.press('Tab');
  await kb.type('Asked for a supervisor twice');
  // A step back and forth keeps everything (Shift+Enter back, Alt+→ forward).
  await kb.press('Shift+Enter');
  await expectStep(page, 'next-steps');
  await expect(page.getByLabel('Next step 1: who')).toHaveValue('Billing team');
  await kb.press('Alt+ArrowRight');
  await expectStep(page, 'escalation');
  await expect(
    page.getByTestId('choice-escalation').getByRole('radio', { checked: true }),
  ).toHaveAttribute('data-value', 'manager-requested');
  await kb.press('Enter');
  // 7. Goodwill: 4 = credit, Tab, value.
  await expectStep(page, 'goodwill');
  await kb.press('4');
  await kb.press('Tab');
  await kb.type('15');
  await kb.press('Enter');
  // 8. Root cause: 1 = billing, Tab, note, Tab, Space ticks "may affect other customers".
  await expectStep(page, 'root-cause');
  await kb.press('1');
  await kb.press('Tab');
  await kb.type('Duplicate charge after the tariff change');
  await kb.press('Tab');
  await kb.press('Space');
  await kb.press('Enter');
  // 9. Follow-up: the date is prefilled 30 days on; Alt+2 = email from the date field.
  await expectStep(page, 'follow-up');
  const followUpDate = await page.getByLabel('Follow up on').inputValue();
  expect(followUpDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const expectedDate = await page.evaluate(() => {
    const d = new Date();
    const t = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 30);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  });
  expect(followUpDate).toBe(expectedDate);
  await kb.press('Alt+Digit2');
  await kb.press('Enter');
  // 10. Reference and notes (Enter is a new line in the notes), then Ctrl+Enter saves.
  await expectStep(page, 'reference');
  await kb.type('CASE-4711');
  await kb.press('Tab');
  await kb.type('Calm by the end.');
  await kb.press('Enter');
  await kb.type('Wants an email confirmation.');
  await kb.press('Control+Enter');

  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();
  await expect(page.getByTestId('nav-wrap-up').locator('.nav-badge')).toHaveCount(0);

  // The log lists it; the search finds it by the catalyst's words and not by words it does not hold.
  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await page.getByTestId('log-search').fill('rent friday');
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', '1');
  await page.getByTestId('log-search').fill('router');
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', '0');
  await page.getByTestId('log-search').fill('CASE-4711');
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await expect(page.getByTestId('log-row')).toContainText('Partly resolved');
  await expect(page.getByTestId('log-row')).toContainText('Manager requested');
  await expect(page.getByTestId('log-row')).toContainText('2 priorities (1 confirmed)');

  // Opened, the session shows everything typed.
  await page.getByTestId('log-row').click();
  const summary = page.getByTestId('session-wrap-up');
  await expect(summary.locator('ol li').nth(0)).toContainText('Being called back');
  await expect(summary.locator('ol li').nth(0)).toContainText('emotional');
  await expect(summary.locator('ol li').nth(1)).toContainText('Second charge refunded');
  await expect(summary.locator('ol li').nth(1)).toContainText('administrative · confirmed');
  for (const text of [
    'Rent is due on Friday',
    'Ownership taken · apologised',
    'Partly resolved',
    'Manager requested — Asked for a supervisor twice',
    'Credit 15',
    'Billing — Duplicate charge after the tariff change (may affect other customers)',
    'by email',
    'Refund of the second charge — Billing team',
  ]) {
    await expect(summary).toContainText(text);
  }
  await expect(summary.locator('.summary-notes')).toHaveText(
    'Calm by the end.\nWants an email confirmation.',
  );
  await expect(page.getByTestId('call-review')).toHaveAttribute('data-ready', 'true');
  expect(run.app.consoleErrors).toEqual([]);
});

test('a reload in the middle of a wrap-up restores the draft exactly, on the step the agent was on', async () => {
  run = await openLiveRun(call.file);
  const { page } = run.app;
  await playCall(run, call.durationSec + 0.3);
  await expectStep(page, 'priorities');
  const kb = page.keyboard;
  await kb.type('Refund the second charge');
  await kb.press('Alt+Digit2');
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.type('Rent is due on Friday — 🏠 «loyer»');
  await kb.press('Enter');
  await kb.press('2');
  await kb.press('Enter');
  await kb.press('3');
  await kb.press('Enter');
  await kb.press('Enter');
  await expectStep(page, 'escalation');
  await kb.press('4');
  await kb.press('Tab');
  await kb.type('Threatened the previous agent');
  const callId = await page.getByTestId('wrap-up').getAttribute('data-call-id');
  // Reload at once: the change typed last has not waited out the autosave delay.
  await page.reload();

  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expectStep(page, 'escalation');
  await expect(page.getByTestId('wrap-up')).toHaveAttribute('data-call-id', callId!);
  await expect(
    page.getByTestId('choice-escalation').getByRole('radio', { checked: true }),
  ).toHaveAttribute('data-value', 'abusive-conduct');
  await expect(page.getByLabel('Reason')).toHaveValue('Threatened the previous agent');
  await kb.press('Shift+Enter');
  await expectStep(page, 'next-steps');
  await kb.press('Shift+Enter');
  await expectStep(page, 'resolution');
  await expect(
    page.getByTestId('choice-resolution').getByRole('radio', { checked: true }),
  ).toHaveAttribute('data-value', 'pending');
  await kb.press('Shift+Enter');
  await expect(
    page.getByRole('checkbox', { name: 'I took ownership of the problem' }),
  ).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'I apologised' })).toBeChecked();
  await kb.press('Shift+Enter');
  await expect(page.locator('.wrap-up-step input').first()).toHaveValue(
    'Rent is due on Friday — 🏠 «loyer»',
  );
  await kb.press('Shift+Enter');
  await expect(page.getByLabel('Priority 1', { exact: true })).toHaveValue(
    'Refund the second charge',
  );
  await expect(
    page.getByRole('group', { name: 'Type of priority 1' }).getByRole('button', { pressed: true }),
  ).toHaveText('Administrative');
  // The call's figures came back with it, and the after-call work clock still counts from the call's end.
  await expect(page.getByTestId('summary-caller-talk')).not.toHaveText('0.0 s');
  const acw = await page.getByTestId('acw-timer').locator('strong').textContent();
  expect(acw).toMatch(/^0:0[1-9]|^0:[1-5]\d/);
  expect(run.app.consoleErrors).toEqual([]);
});

test('the wrap-up reopens after the app and its host are closed and started again on the same data', async () => {
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'wrap-up-restart-'));
  try {
    const first = await launchApp({ captureWav: call.file, dataDir });
    try {
      await first.page.getByTestId('start-call').click();
      await first.page.getByTestId('end-call').waitFor();
      await waitForCallClock(first.page, call.durationSec);
      await first.page.getByTestId('end-call').click();
      await expectStep(first.page, 'priorities');
      await first.page.keyboard.type('Call back on Monday');
      await expect(first.page.getByTestId('draft-status')).toHaveText('Draft saved');
    } finally {
      await first.close();
    }
    const again = await launchApp({ dataDir });
    try {
      await expect(again.page.getByTestId('draft-restored')).toBeVisible();
      await expectStep(again.page, 'priorities');
      await expect(again.page.getByLabel('Priority 1', { exact: true })).toHaveValue(
        'Call back on Monday',
      );
      expect(again.consoleErrors).toEqual([]);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a call that ends while the last wrap-up is still open keeps that wrap-up waiting, as typed, and nothing is saved behind the agent’s back', async () => {
  run = await openLiveRun(call.file);
  const { page } = run.app;
  await playCall(run, 2);
  await expectStep(page, 'priorities');
  await page.keyboard.type('Refund the first call');
  // The next call comes in before the wrap-up is saved.
  await page.getByTestId('nav-coach').click();
  await page.getByTestId('start-call').click();
  await page.getByTestId('end-call').click();
  await expectStep(page, 'priorities');
  await expect(page.getByTestId('wrap-up-notice')).toContainText('Kept for later');
  await expect(page.getByLabel('Priority 1', { exact: true })).toHaveCount(0);
  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-row')).toHaveCount(0);
  // Reloaded (a crash, a forced quit): both wrap-ups come back, the earlier one as it was typed.
  await page.reload();
  await expect(page.getByTestId('wrap-up-badge')).toHaveText('2');
  await page.getByTestId('nav-wrap-up').click();
  await expectStep(page, 'priorities');
  // The newer call's wrap-up is the open one: its required steps, then saved.
  await page.getByLabel('Add a priority').focus();
  await page.keyboard.type('Second call sorted');
  // Enter: to the empty priority row, then on past the priorities, the catalyst and ownership.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await expectStep(page, 'resolution');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  // The earlier one opens next, as it was typed.
  await expect(page.getByTestId('wrap-up-notice')).toContainText('Next: the wrap-up of the call');
  await expect(page.getByLabel('Priority 1', { exact: true })).toHaveValue('Refund the first call');
  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  expect(run.app.consoleErrors).toEqual([]);
});

test('steps the team requires block saving until answered; the agent’s name from settings goes into the session', async () => {
  run = await openLiveRun(call.file);
  const { page } = run.app;
  await page.getByTestId('nav-settings').click();
  const settings = page.getByTestId('wrap-up-settings');
  await settings.getByTestId('settings-agent-name').fill('Sam Rivera');
  await settings.getByTestId('settings-agent-name').blur();
  await expect(settings.getByTestId('wrap-up-settings-message')).toHaveText('Saved.');
  // The ticks show what the host stored.
  await settings.getByLabel('Emotional catalyst').click();
  await expect(
    settings.getByLabel('Emotional catalyst'),
    'the host stores wrapUp.requiredSteps',
  ).toBeChecked();
  await settings.getByLabel('Restated priorities').click();
  await expect(
    settings.getByLabel('Restated priorities'),
    'the host stores wrapUp.requiredSteps',
  ).not.toBeChecked();
  await page.getByTestId('nav-coach').click();
  await playCall(run, 2);

  // Saving at once: the alert names what is missing and the wrap-up moves to the first missing step.
  await expectStep(page, 'priorities');
  await expect(page.locator('.step-nav button[data-state="required"]')).toHaveCount(2);
  // The step list names each step and says in words which are required; a default is not an answer:
  // escalation ("none") and the follow-up (prefilled date) are not marked answered until confirmed.
  const stepList = page.getByRole('list', { name: 'Wrap-up steps' });
  await expect(stepList.getByRole('button')).toHaveText([
    '1 Priorities',
    '2 Catalyst required',
    '3 Ownership',
    '4 Resolution required',
    '5 Next steps',
    '6 Escalation',
    '7 Goodwill',
    '8 Root cause',
    '9 Follow-up',
    '10 Reference',
  ]);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-problem')).toContainText(
    'what is really at stake for the customer (Emotional catalyst), a resolution (Resolution)',
  );
  await expectStep(page, 'catalyst');
  await page.keyboard.type('Moving house next week');
  await expect(stepList.getByRole('button').nth(1)).toHaveText('2 Catalyst ✓ answered');
  await page.keyboard.press('Control+Enter');
  await expectStep(page, 'resolution');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('wrap-up-saved')).toBeVisible();

  await page.getByTestId('nav-log').click();
  await page.getByTestId('log-row').click();
  await expect(page.getByTestId('session-detail')).toContainText('Sam Rivera');
  await expect(page.getByTestId('session-wrap-up')).toContainText('Moving house next week');
  expect(run.app.consoleErrors).toEqual([]);
});
