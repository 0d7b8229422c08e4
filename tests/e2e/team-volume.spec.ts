import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import type { Session } from '../../preload/contract/session-schema.js';
import { localDayAfter } from '../../preload/domain/calendar-day.js';
import { SIX_AGENTS, followUpVolume } from '../support/follow-up-volume.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { writeTeamExport } from './support/a11y-states.js';
import { E2E_TMP } from './support/paths.js';

/**
 * The team view over a year (issue 27): six agents' exports, 2,000 calls over 365 days, imported as a
 * lead does. A year is drawn by the week (53 points), a chosen month by the day; the x-axis labels the
 * charts drew do not overlap and stay inside their chart at 1280×800, 420×700 and 320×640 (their boxes are read
 * from the page); one legend; tables in words; the imports are still there after a restart of the page,
 * each with its agent, until removed.
 */
let app: LaunchedApp | undefined;
let work: string;
let files: string[];
let sessions: Session[];

test.beforeAll(async () => {
  fs.mkdirSync(E2E_TMP, { recursive: true });
  work = fs.mkdtempSync(path.join(E2E_TMP, 'team-year-'));
  sessions = followUpVolume({ count: 2000, overdue: 200, dueToday: 5, upcoming: 20 });
  files = [];
  for (const agent of SIX_AGENTS) {
    const file = path.join(work, `${agent.split(' ')[0].toLowerCase()}.json`);
    await writeTeamExport(
      file,
      sessions.filter((s) => s.agent === agent),
      agent,
    );
    files.push(file);
  }
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});
test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every chart's drawn x labels: none overlapping the next, none outside the canvas. */
async function expectReadableAxes(page: Page): Promise<number> {
  const charts = page.locator('.team-chart canvas');
  await expect(charts).toHaveCount(8);
  let checked = 0;
  for (const canvas of await charts.all()) {
    await expect(canvas).toHaveAttribute('data-x-labels', /\[\[/);
    const { boxes, width } = await canvas.evaluate((el) => ({
      boxes: JSON.parse((el as HTMLCanvasElement).dataset.xLabels ?? '[]') as [number, number][],
      width: el.getBoundingClientRect().width,
    }));
    expect(boxes.length).toBeGreaterThan(1);
    const sorted = [...boxes].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i][0]).toBeGreaterThan(sorted[i - 1][1]);
    expect(sorted[0][0]).toBeGreaterThanOrEqual(0);
    expect(sorted[sorted.length - 1][1]).toBeLessThanOrEqual(width + 0.5);
    checked++;
  }
  return checked;
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 420, height: 700 },
  { width: 320, height: 640 },
]) {
  test(`a year of six agents at ${size.width}×${size.height}: weeks, readable axes, one legend, words not stored values`, async () => {
    app = await launchApp();
    const { page } = app;
    await page.setViewportSize(size);
    await page.getByTestId('nav-team').click();
    await page.getByTestId('team-import-files').setInputFiles(files);
    await expect(page.getByTestId('team-message')).toHaveCount(6);
    await expect(page.getByTestId('team-granularity')).toContainText('One point per week');
    await expectReadableAxes(page);
    // One legend: the agents' panel; no chart draws its own.
    await expect(page.getByTestId('team-agents')).toHaveCount(1);
    for (const agent of SIX_AGENTS)
      await expect(page.getByTestId('team-agents')).toContainText(agent);
    await expect(page.getByTestId('chart-calls')).not.toContainText('per day per day');
    await expect(page.getByTestId('chart-calls').locator('caption')).toHaveText('Calls per week');

    // A month: one point a day, still readable.
    await page.getByTestId('team-from').fill(localDayAfter(new Date(), -31));
    await page.getByTestId('team-to').fill(localDayAfter(new Date(), -1));
    await expect(page.getByTestId('team-granularity')).toContainText('One point per day');
    await expectReadableAxes(page);

    // The sessions table in words.
    const table = page.getByTestId('team-session-row');
    await expect(table.first()).toBeVisible();
    const cells = (await table.locator('td').allTextContents()).join('|');
    expect(cells).not.toMatch(/\|(partly|pending|manager-requested|handed-off|abusive-conduct)\|/);
    expect(app.consoleErrors).toEqual([]);
  });
}

test('imported exports are kept, each with its agent, until removed', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByTestId('nav-team').click();
  await page.getByTestId('team-import-files').setInputFiles(files.slice(0, 2));
  await expect(page.getByTestId('team-sources').locator('tbody tr')).toHaveCount(2);
  await page.reload();
  await page.getByTestId('nav-team').click();
  const rows = page.getByTestId('team-sources').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(SIX_AGENTS[0]);
  await expect(rows.nth(1)).toContainText(SIX_AGENTS[1]);
  await page.getByRole('button', { name: `Remove ${path.basename(files[0])}` }).click();
  await expect(rows).toHaveCount(1);
  await page.reload();
  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('team-sources').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('team-sources')).not.toContainText(SIX_AGENTS[0]);
  expect(app.consoleErrors).toEqual([]);
});
