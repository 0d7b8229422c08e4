import { test, expect } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

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
