import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { E2E_TMP } from './support/paths.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { BANNER_COPY } from '../../renderer/src/live-coach/cue-copy.js';

let app: LaunchedApp;
test.beforeEach(async () => {
  app = await launchApp();
});
test.afterEach(async () => {
  await app.close();
});

test('the app loads its main screen through the browser host with no console errors', async () => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Calm Line' })).toBeVisible();
  await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'browser');
  await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'idle');
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await expect(page.getByTestId('meter-caller')).toBeVisible();
  await expect(page.getByTestId('meter-agent')).toBeVisible();
  // The token left the address bar after the first load.
  expect(page.url()).not.toContain('token');
  expect(app.consoleErrors).toEqual([]);
});

test('the meters stay put whatever the cue tile says (it keeps one height), in a narrow and the default window', async () => {
  const { page } = app;
  const copies = Object.values(BANNER_COPY).map((copy) => [copy.word, copy.hint] as const);
  await expect(page.getByTestId('cue-banner')).toHaveAttribute('data-cue', 'idle');
  await expect(page.getByTestId('meter-caller')).toBeVisible();
  for (const width of [380, 480]) {
    await page.setViewportSize({ width, height: 760 });
    // Each cue's words in the banner as it is drawn, and where the caller's meter then sits.
    const meterTops = await page.evaluate((texts) => {
      const banner = document.querySelector('[data-testid="cue-banner"]')!;
      const meter = document.querySelector('[data-testid="meter-caller"]')!;
      const [title, hint] = [
        banner.querySelector('.cue-word')!,
        banner.querySelector('.cue-hint')!,
      ];
      return texts.map(([t, h]) => {
        title.textContent = t;
        hint.textContent = h;
        return meter.getBoundingClientRect().top;
      });
    }, copies);
    expect(new Set(meterTops), `meter tops at ${width} px: ${meterTops.join(', ')}`).toHaveProperty(
      'size',
      1,
    );
  }
});

test('settings persist through the real services and explain desktop-only features', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('desktop-only')).toBeVisible();
  const pause = page.getByTestId('cue-pauseSec');
  await expect(pause).toHaveValue('0.8');
  await pause.fill('1.2');
  await pause.blur();
  await expect(page.getByTestId('settings-message')).toHaveText('Saved.');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('cue-pauseSec')).toHaveValue('1.2');
  await page.getByTestId('reset-settings').click();
  await expect(page.getByTestId('cue-pauseSec')).toHaveValue('0.8');
  expect(app.consoleErrors).toEqual([]);
});

test('files the host could not read are moved aside and the user is told what happened and where', async () => {
  await app.close();
  const dataDir = mkdtempSync(path.join(E2E_TMP, 'corrupt-'));
  mkdirSync(path.join(dataDir, 'drafts'), { recursive: true });
  writeFileSync(path.join(dataDir, 'drafts', 'wrap-up-draft.json'), '{"callId": "a1b2', 'utf8'); // cut off mid-write
  writeFileSync(path.join(dataDir, 'settings.json'), 'not json at all', 'utf8');
  app = await launchApp({ dataDir });
  const notices = app.page.getByTestId('storage-notices');
  await expect(notices).toContainText('could not read some of its files');
  await expect(notices).toContainText('wrap-up-draft.json');
  await expect(notices).toContainText(path.join(dataDir, 'drafts'));
  await expect(notices).toContainText('settings');
  // The app is usable and the moved files are where the notice says.
  await expect(app.page.getByTestId('start-call')).toBeEnabled();
  expect(
    readdirSync(path.join(dataDir, 'drafts')).some((f) =>
      /^wrap-up-draft\.corrupt-.*\.json$/.test(f),
    ),
  ).toBe(true);
  await app.page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(0);
  rmSync(dataDir, { recursive: true, force: true });
});
