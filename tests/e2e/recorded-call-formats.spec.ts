import { test, expect, type Page } from '@playwright/test';
import { ENCODING_LABELS, PHONE_ENCODINGS, encodeCall } from '../support/call-encodings.js';
import { floorCall } from '../support/floor-calls.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';

/**
 * "Open a recorded call…" in Chromium with a real call as phone systems store it (µ-law, A-law, GSM 6.10
 * WAV, MP3, Ogg Opus, FLAC): the worker decodes each (the wasm decoders, allowed by the app's 'wasm-unsafe-eval'),
 * the review shows the same regions as for the PCM original (±50 ms) and plays the file — GSM 6.10,
 * which Chromium cannot play, through the worker's PCM copy.
 */
const TOLERANCE_SEC = 0.05;

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

interface Region {
  kind: string;
  start: number;
  end: number;
}

async function openAndRead(page: Page, file: string): Promise<Region[]> {
  await page.getByTestId('open-recorded-call').setInputFiles(file);
  // The result names the file opened (the previous file's review is gone by then).
  await expect(page.getByTestId('recorded-result').locator('h3')).toContainText(
    file.split('/').pop()!,
    { timeout: 30_000 },
  );
  const review = page.getByTestId('recorded-review');
  await expect(review).toHaveAttribute('data-ready', 'true');
  const regions = review.getByTestId('review-region');
  await expect(regions.first()).toBeAttached();
  return regions.evaluateAll((els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      return {
        kind: el.dataset.kind ?? '',
        start: Number(el.dataset.start),
        end: Number(el.dataset.end),
      };
    }),
  );
}

async function expectPlays(page: Page): Promise<void> {
  const cursor = page.getByTestId('recorded-review').getByTestId('review-cursor');
  const before = Number(await cursor.getAttribute('data-time'));
  await page.getByTestId('review-play').click();
  await expect
    .poll(async () => Number(await cursor.getAttribute('data-time')))
    .toBeGreaterThan(before + 0.5);
  await page.getByTestId('review-play').click();
}

test('a real call in every phone format opens, shows the PCM original’s regions and plays', async () => {
  test.setTimeout(240_000);
  const source = floorCall('clean').wav;
  app = await launchApp({});
  const { page } = app;
  await page.getByTestId('nav-log').click();
  const originals = new Map<string, Region[]>();
  for (const encoding of PHONE_ENCODINGS) {
    const { file, original } = encodeCall(source, encoding);
    if (!originals.has(original)) originals.set(original, await openAndRead(page, original));
    const want = originals.get(original)!;
    const got = await openAndRead(page, file);
    const label = ENCODING_LABELS[encoding];
    expect(
      got.map((r) => r.kind),
      label,
    ).toEqual(want.map((r) => r.kind));
    got.forEach((r, i) => {
      expect(Math.abs(r.start - want[i].start), `${label} ${r.kind} start`).toBeLessThanOrEqual(
        TOLERANCE_SEC,
      );
      expect(Math.abs(r.end - want[i].end), `${label} ${r.kind} end`).toBeLessThanOrEqual(
        TOLERANCE_SEC,
      );
    });
    await expectPlays(page);
  }
  await expect(page.getByTestId('recorded-error')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});
