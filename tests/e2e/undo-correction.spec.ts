import fs, { rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import Papa from 'papaparse';
import { exportHeader, exportSessionsToFile } from '../../main/export/export-file.js';
import { openSessionRepository } from '../../main/sessions/session-repository.js';
import { followUpVolume } from '../support/follow-up-volume.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { seededDataDir } from './support/a11y-states.js';

/**
 * Undo and correction at volume (issue 27), over 2,000 saved calls of six agents: an accidental call's
 * wrap-up discarded (nothing kept), a saved wrap-up corrected (its history, and the correction in a
 * re-export), a session deleted and brought back within the undo window, then deleted for good. "Mark
 * done" undone is in follow-ups-volume.spec.ts; the team store's copy of a correction in
 * tests/main/sessions/session-edit.test.ts (a real PostgreSQL).
 */
let dataDir: string;
let app: LaunchedApp | undefined;
const COUNT = 2000;

test.beforeAll(() => {
  const sessions = followUpVolume({ count: COUNT, overdue: 300, dueToday: 3, upcoming: 10 });
  dataDir = seededDataDir('undo-', sessions);
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const repository = () => openSessionRepository({ dataDir });

test('an accidental call is discarded from its wrap-up: nothing is kept, the log is as it was', async () => {
  app = await launchApp({ dataDir });
  const { page } = app;
  await page.getByTestId('start-call').click();
  await page.getByTestId('end-call').click();
  const wrapUp = page.getByTestId('wrap-up');
  await expect(wrapUp).toHaveAttribute('data-step', 'priorities');
  const callId = (await wrapUp.getAttribute('data-call-id'))!;
  await page.getByTestId('discard-call').click();
  await page.getByTestId('discard-confirm').click();
  await expect(page.getByTestId('wrap-up-discarded')).toContainText('nothing was kept');
  expect(repository().has(callId)).toBe(false);
  // No draft and no timeline of it left behind.
  const draftFile = path.join(dataDir, 'drafts', 'wrap-up-draft.json');
  expect(fs.existsSync(draftFile) ? fs.readFileSync(draftFile, 'utf8') : '').not.toContain(callId);
  const timelines = path.join(dataDir, 'timelines');
  const months = fs.existsSync(timelines) ? fs.readdirSync(timelines) : [];
  expect(months.flatMap((m) => fs.readdirSync(path.join(timelines, m)))).not.toContain(
    `${callId}.json`,
  );
  await page.getByTestId('nav-log').click();
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', String(COUNT));
  expect(app.consoleErrors).toEqual([]);
});

test('a saved wrap-up is corrected: its history says who changed what, and a re-export carries it', async () => {
  app = await launchApp({ dataDir });
  const { page } = app;
  await page.getByTestId('nav-log').click();
  const row = page.getByTestId('log-row').first();
  const id = (await row.getAttribute('data-session-id'))!;
  const before = repository().get(id)!;
  await row.click();
  await page.getByTestId('edit-wrap-up').click();
  const target = before.wrapUp.resolution === 'resolved' ? 'pending' : 'resolved';
  await page.getByTestId('edit-resolution').selectOption(target);
  await page.getByTestId('edit-notes').fill('Corrected: the refund went out on Monday.');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-saved')).toContainText('Correction saved');
  const entry = page.getByTestId('edit-history-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`resolution`);
  await expect(entry).toContainText(target === 'resolved' ? '→ Resolved' : '→ Pending');
  await expect(entry).toContainText('notes');
  await expect(page.getByTestId('session-wrap-up')).toContainText('Corrected: the refund went out');

  const after = repository().get(id)!;
  expect(after.edits).toHaveLength(1);
  expect(Date.parse(after.savedAt)).toBeGreaterThan(Date.parse(before.savedAt));
  // A re-export (the export's own writer over the folder) has the corrected values.
  const file = path.join(dataDir, '..', `${path.basename(dataDir)}-re-export.csv`);
  await exportSessionsToFile(repository().iterate({}), {
    format: 'csv',
    filePath: file,
    header: exportHeader('Lead', '0.1.0', {}, new Date()),
  });
  const rows = Papa.parse<Record<string, string>>(
    fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
  fs.rmSync(file);
  expect(rows).toHaveLength(COUNT);
  const exported = rows.find((r) => r.session_id === id)!;
  expect(exported.resolution).toBe(target);
  expect(exported.notes).toBe('Corrected: the refund went out on Monday.');
  expect(app.consoleErrors).toEqual([]);
});

test('a deleted session comes back with Undo, as it was; without Undo it goes for good', async () => {
  app = await launchApp({ dataDir });
  const { page } = app;
  await page.getByTestId('nav-log').click();
  const first = page.getByTestId('log-row').first();
  const id = (await first.getAttribute('data-session-id'))!;
  const stored = repository().get(id)!;
  const deleteIt = async () => {
    await page.locator(`[data-testid="log-row"][data-session-id="${id}"]`).click();
    await page.getByTestId('delete-session').click();
    await page.getByTestId('delete-confirm').click();
    await expect(page.getByTestId('delete-undo-notice')).toContainText('Deleted the call of');
    await expect(page.locator(`[data-testid="log-row"][data-session-id="${id}"]`)).toHaveCount(0);
  };
  await deleteIt();
  await page.getByTestId('delete-undo').click();
  await expect(page.getByTestId('delete-undo-notice')).toHaveCount(0);
  await expect(page.locator(`[data-testid="log-row"][data-session-id="${id}"]`)).toHaveCount(1);
  expect(repository().get(id)).toEqual(stored);

  await deleteIt();
  // The undo window closes (10 s): the session is deleted for good, and the log says so.
  await expect.poll(() => repository().has(id), { timeout: 20_000 }).toBe(false);
  await expect(page.getByTestId('delete-undo-notice')).toHaveCount(0);
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-total', String(COUNT - 1));
  expect(app.consoleErrors).toEqual([]);
});
