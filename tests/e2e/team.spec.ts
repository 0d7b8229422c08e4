/**
 * Team leads in Chromium through the browser host (real services, temporary data folders):
 * - the team view imports two agents' JSON exports and a folder, refuses a malformed file by name while
 *   keeping the rest, shows where each session came from, draws the trend charts, and saves one as PNG;
 * - the export dialog counts the matching sessions before exporting, then delivers the export as a
 *   download that re-imports into the team view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host.js';
import { exportHeader } from '../../main/export/export-file.js';
import { jsonChunks } from '../../main/export/export-json.js';
import { openSessionRepository } from '../../main/sessions/session-repository.js';
import type { Session } from '../../preload/contract/session-schema.js';
import { parseSessionExport } from '../../renderer/src/team/import-session-export.js';
import { makeSessions } from '../support/session-factory.js';
import { CHROMIUM_PATH, E2E_TMP, RENDERER_DIR } from './support/paths.js';

// CALM_LINE_RENDERER_DIR: serve another build (as start-browser does), e.g. one made aside for a quick run.
const rendererDir = process.env.CALM_LINE_RENDERER_DIR ?? RENDERER_DIR;

interface Launched {
  page: Page;
  host: BrowserHost;
  browser: Browser;
  dataDir: string;
  errors: string[];
}
let app: Launched | undefined;
let work: string;

async function launch(seed?: Session[]): Promise<Launched> {
  fs.mkdirSync(E2E_TMP, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(E2E_TMP, 'team-data-'));
  if (seed) openSessionRepository({ dataDir }).saveMany(seed);
  const host = await startBrowserHost({ dataDir, rendererDir, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const page = await browser.newPage({
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(host.url);
  await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'browser');
  return { page, host, browser, dataDir, errors };
}

async function exportFile(file: string, sessions: Session[], agent: string): Promise<void> {
  let text = '';
  for await (const chunk of jsonChunks(
    exportHeader(agent, '0.1.0', {}, new Date('2026-02-01T10:00:00Z')),
    sessions,
  ))
    text += chunk;
  fs.writeFileSync(file, text);
}

test.beforeEach(() => {
  fs.mkdirSync(E2E_TMP, { recursive: true });
  work = fs.mkdtempSync(path.join(E2E_TMP, 'team-files-'));
});
test.afterEach(async () => {
  if (app) {
    await app.browser.close();
    await app.host.close();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
    app = undefined;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

/** Pixels of a canvas that are not the white paper (the chart actually drew). */
async function inkedPixels(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n++;
      return n;
    });
}

test('team view: two agents’ exports and a folder merge, a malformed file is refused by name, charts draw and save as PNG', async () => {
  const ana = makeSessions(60, {
    seed: 501,
    agents: ['Ana Souza'],
    fromDay: '2026-01-05',
    days: 20,
  });
  const bjorn = makeSessions(40, {
    seed: 502,
    agents: ['Björn Lindqvist'],
    fromDay: '2026-01-05',
    days: 20,
  });
  const chidi = makeSessions(15, {
    seed: 503,
    agents: ['Chidi Okafor'],
    fromDay: '2026-01-05',
    days: 20,
  });
  await exportFile(path.join(work, 'ana.json'), ana, 'Ana Souza');
  // Björn's export also holds 10 of Ana's sessions (a shared queue): they count once.
  await exportFile(
    path.join(work, 'bjorn.json'),
    [...bjorn, ...ana.slice(0, 10)],
    'Björn Lindqvist',
  );
  fs.writeFileSync(
    path.join(work, 'broken.json'),
    fs.readFileSync(path.join(work, 'ana.json'), 'utf8').slice(0, 4000),
  );
  const folder = path.join(work, 'inbox');
  fs.mkdirSync(folder);
  await exportFile(path.join(folder, 'chidi.json'), chidi, 'Chidi Okafor');
  fs.writeFileSync(path.join(folder, 'readme.txt'), 'not an export');

  app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Team' }).click();
  await page
    .getByTestId('team-import-files')
    .setInputFiles(['ana.json', 'broken.json', 'bjorn.json'].map((f) => path.join(work, f)));

  const messages = page.getByTestId('team-message');
  await expect(messages).toHaveCount(3);
  await expect(messages.nth(0)).toHaveText('ana.json: 60 new sessions.');
  await expect(messages.nth(1)).toHaveAttribute('role', 'alert');
  await expect(messages.nth(1)).toContainText('Not imported: broken.json is not valid JSON');
  await expect(messages.nth(2)).toHaveText('bjorn.json: 40 new sessions, 10 already imported.');
  await expect(page.getByTestId('team-sources').locator('tbody tr')).toHaveCount(2);
  await expect(
    page.getByRole('heading', { name: /Exports — 100 sessions from 2 agents/ }),
  ).toBeVisible();

  // A folder: its JSON export is imported, other files are skipped.
  await page.getByTestId('team-import-folder').setInputFiles(folder);
  await expect(messages).toHaveCount(1);
  await expect(messages.first()).toHaveText('inbox/chidi.json: 15 new sessions.');
  await expect(
    page.getByRole('heading', { name: /Exports — 115 sessions from 3 agents/ }),
  ).toBeVisible();

  // Where each session came from: Ana's shared sessions show her export and "also in 1 other".
  const rows = page.getByTestId('team-session-row');
  await expect(rows).toHaveCount(100);
  await expect(page.getByTestId('team-sessions')).toContainText('Björn Lindqvist');
  await expect(
    page.getByTestId('team-sessions').getByText('(also in 1 other)').first(),
  ).toBeVisible();

  // Eight charts, each drawn (not blank), one line per agent plus the team.
  const charts = page.locator('.team-chart');
  await expect(charts).toHaveCount(8);
  for (const id of [
    'calls',
    'overtalkPerCall',
    'tooLoudPerCall',
    'timeToCalm',
    'confirmedShare',
    'escalations',
    'followUpsDue',
    'followUpsOverdue',
  ]) {
    await expect
      .poll(() => inkedPixels(page, `chart-${id}`), { message: id })
      .toBeGreaterThan(2000);
  }
  // Hiding agents leaves less ink on the chart.
  const allInk = await inkedPixels(page, 'chart-calls');
  for (const name of ['Ana Souza', 'Björn Lindqvist', 'Chidi Okafor'])
    await page.getByTestId('team-agents').getByLabel(name).uncheck();
  await expect.poll(() => inkedPixels(page, 'chart-calls')).toBeLessThan(allInk);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('save-png-calls').click(),
  ]);
  expect(download.suggestedFilename()).toBe('calm-line-team-calls.png');
  const png = fs.readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(200); // width from the IHDR chunk

  // The workspace outlives the screen.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByTestId('team-sources').locator('tbody tr')).toHaveCount(3);
  expect(app.errors).toEqual([]);
});

test('export dialog: counts the matching sessions first, then the export downloads and re-imports in the team view', async () => {
  const stored = makeSessions(120, { seed: 511, fromDay: '2026-01-05', days: 20 });
  app = await launch(stored);
  const { page } = app;
  await page.getByTestId('nav-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-count')).toHaveText('120 sessions match');

  const ana = stored.filter((s) => s.agent === 'Ana Souza');
  await page.getByTestId('export-agent').fill('Ana Souza');
  await expect(page.getByTestId('export-count')).toHaveText(`${ana.length} sessions match`);
  await page.getByTestId('export-format-json').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-start').click(),
  ]);
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('export-progress')).toContainText(
    `Exported ${ana.length} sessions`,
  );
  expect(download.suggestedFilename()).toMatch(
    /^calm-line-sessions_Ana-Souza_start_\d{4}-\d{2}-\d{2}\.json$/,
  );
  const file = path.join(work, download.suggestedFilename());
  await download.saveAs(file);
  const outcome = parseSessionExport('export.json', fs.readFileSync(file, 'utf8'));
  expect(outcome.ok).toBe(true);
  if (outcome.ok)
    expect(new Set(outcome.file.sessions.map((s) => s.id))).toEqual(new Set(ana.map((s) => s.id)));

  // The link was for one download only.
  expect(download.url()).toMatch(/\/export-download\/[0-9a-f]{64}$/);
  expect(await page.evaluate((u) => fetch(u).then((r) => r.status), download.url())).toBe(404);

  // CSV of everything: BOM, header, one row per session.
  await page.getByTestId('export-agent').fill('');
  await expect(page.getByTestId('export-count')).toHaveText('120 sessions match');
  await page.getByTestId('export-format-csv').check();
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-start').click(),
  ]);
  const csv = fs.readFileSync(await csvDownload.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8').trimEnd().split('\r\n').length).toBeGreaterThanOrEqual(121);
  await page.getByTestId('export-close').click();
  await expect(dialog).toBeHidden();

  // The JSON export goes into the team view as is.
  await page.getByRole('button', { name: 'Team' }).click();
  await page.getByTestId('team-import-files').setInputFiles(file);
  await expect(page.getByTestId('team-message')).toHaveText(
    `${path.basename(file)}: ${ana.length} new sessions.`,
  );
  // The only console error is the second, refused fetch of the used link above.
  expect(app.errors).toEqual([
    'Failed to load resource: the server responded with a status of 404 (Not Found)',
  ]);
});
