/**
 * Zoom, reflow, forced colours and reduced motion in the built app:
 * - every screen at 200 % zoom of a 1280×800 window (640×400 CSS px) and at 320 CSS px wide: nothing cut
 *   off, outside the viewport horizontally or overlapping, no sideways scrolling of the page;
 * - with forced colours (Chromium's emulation), the meters' bar, track and peak, the cue banner and the
 *   review's regions stay distinguishable;
 * - with prefers-reduced-motion, nothing in the banner or meters transitions and the peak hold drops in
 *   one step.
 */
import path from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { expectReflows } from './support/layout-check.js';
import {
  everyCueCall,
  recentSessions,
  seededDataDir,
  writeTeamExport,
} from './support/a11y-states.js';
import { makeSessions } from '../support/session-factory.js';
import { concat, scratchDir, silence, sine, writeWavFile } from '../support/test-audio.js';
import { contrastRatio, over, parseColour, type Rgba } from '../support/colour-contrast.js';

const SIZES = [
  { width: 640, height: 400 }, // a 1280×800 window at 200 %
  { width: 320, height: 640 }, // 320 CSS px: 1280 px at 400 %
];

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function atEverySize(page: Page, state: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await expectReflows(page, state);
  }
}

test('every screen reflows at 200 % zoom and at 320 CSS px', async () => {
  const dataDir = seededDataDir('a11y-layout-', recentSessions(40, 905));
  const teamFile = path.join(dataDir, 'team-export.json');
  await writeTeamExport(
    teamFile,
    makeSessions(40, {
      seed: 906,
      agents: ['Ana Souza', 'Björn Lindqvist', 'Chidi Okafor'],
      fromDay: '2026-01-05',
      days: 20,
    }),
    'Ana Souza',
  );
  app = await launchApp({ dataDir });
  const { page } = app;
  const open = (screen: string) => page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await atEverySize(page, 'coach idle');

  await open('log');
  await expect(page.getByTestId('log-row').first()).toBeVisible();
  await atEverySize(page, 'log');
  await page.getByTestId('log-row').first().click();
  await expect(page.getByTestId('session-detail')).toBeVisible();
  await atEverySize(page, 'session');
  await page.getByTestId('session-back').click();
  await page.getByTestId('open-recorded-call').setInputFiles(everyCueCall().file);
  await expect(page.getByTestId('recorded-review')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('recorded-review').getByText('Loudness as a table').click();
  await atEverySize(page, 'recorded call review');

  await open('follow-ups');
  await expect(page.getByTestId('follow-up-row').first()).toBeVisible();
  await atEverySize(page, 'follow-ups');

  await open('team');
  await page.getByTestId('team-import-files').setInputFiles(teamFile);
  await expect(page.locator('.team-chart')).toHaveCount(8);
  await page.getByTestId('chart-calls').getByText('Figures as a table').click();
  await atEverySize(page, 'team with charts');

  await open('settings');
  await atEverySize(page, 'settings');

  await open('export');
  await expect(page.getByTestId('export-count')).toHaveText('40 sessions match');
  await atEverySize(page, 'export dialog');
  await page.getByTestId('export-close').click();

  // A call (the fake device's tone: the same on both channels, so the mono-source notice shows too).
  await open('coach');
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('end-call')).toBeVisible();
  await atEverySize(page, 'coach in a call');
  await page.getByTestId('end-call').click();
  await expect(page.getByTestId('wrap-up')).toBeVisible();
  await atEverySize(page, 'wrap-up');
});

/** The colours of a screenshot of `el` and how often each occurs (quantised to 8 levels per channel). */
async function palette(page: Page, el: Locator): Promise<{ colour: Rgba; share: number }[]> {
  const png = (await el.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    return [...counts]
      .map(([k, n]) => {
        const [r, g, b] = k.split(',').map(Number);
        return { colour: { r, g, b, a: 1 }, share: n / total };
      })
      .sort((a, b) => b.share - a.share);
  }, png);
}

test('forced colours: the meters, the cue banner and the review stay distinguishable', async () => {
  // The caller: a steady tone for 6 s (the bar and its peak), then silence.
  const sampleRate = 48000;
  const tone = concat(
    silence(sampleRate, 0.3),
    sine({ sampleRate, seconds: 6, peakDbfs: -20 }),
    silence(sampleRate, 1),
  );
  const file = writeWavFile(
    path.join(scratchDir('a11y-forced-colours'), 'caller-tone.wav'),
    [new Float32Array(tone.length), tone],
    sampleRate,
  );
  app = await launchApp({ captureWav: file });
  const { page } = app;
  await page.emulateMedia({ forcedColors: 'active' });
  await page.getByTestId('start-call').click();
  const caller = page.getByTestId('meter-caller').locator('canvas');
  await expect(caller).toHaveAttribute('data-level', /^-2\d\.\d$/, { timeout: 8000 });

  // The bar: its colour against the track, both from the system palette the page resolved.
  const colours = await palette(page, caller);
  const [track, fill] = colours;
  console.log(
    `forced colours, caller meter: ${colours
      .slice(0, 4)
      .map((c) => `rgb(${c.colour.r},${c.colour.g},${c.colour.b}) ${(c.share * 100).toFixed(0)} %`)
      .join(', ')}`,
  );
  expect(fill.share).toBeGreaterThan(0.1);
  expect(contrastRatio(track.colour, fill.colour)).toBeGreaterThanOrEqual(3);
  const system = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.forcedColorAdjust = 'none';
    document.body.append(probe);
    const resolve = (c: string) => {
      probe.style.color = c;
      return getComputedStyle(probe).color;
    };
    const out = { canvas: resolve('Canvas'), highlight: resolve('Highlight') };
    probe.remove();
    return out;
  });
  // Track = Canvas; bar = Highlight drawn over it (Chromium's Highlight is translucent).
  const near = (a: Rgba, b: Rgba) =>
    Math.abs(a.r - b.r) <= 2 && Math.abs(a.g - b.g) <= 2 && Math.abs(a.b - b.b) <= 2;
  const canvasColour = parseColour(system.canvas);
  expect(near(track.colour, canvasColour), `track ${JSON.stringify(track.colour)}`).toBe(true);
  expect(
    near(fill.colour, over(parseColour(system.highlight), canvasColour)),
    `bar ${JSON.stringify(fill.colour)} is Highlight ${system.highlight}`,
  ).toBe(true);

  // The banner: border and icon in the text colour against its background, the cue in words.
  const banner = page.getByTestId('cue-banner');
  const look = await banner.evaluate((el) => {
    const s = getComputedStyle(el);
    const icon = el.querySelector('svg');
    return {
      border: s.borderTopColor,
      borderWidth: s.borderTopWidth,
      background: s.backgroundColor,
      icon: icon ? getComputedStyle(icon).color : '',
      iconShown: !!icon && icon.getBoundingClientRect().width > 20,
      title: el.querySelector('.cue-word')?.textContent ?? '',
    };
  });
  console.log('forced colours, cue tile:', look);
  expect(look.border).not.toBe(look.background);
  expect(parseFloat(look.borderWidth)).toBeGreaterThanOrEqual(2);
  expect(look.icon).not.toBe(look.background);
  expect(look.iconShown).toBe(true);
  expect(look.title).not.toBe('');
  await page.getByTestId('end-call').click();

  // The review's regions: outlined and labelled in system colours (the stripes of the normal palette are
  // background images, which forced colours remove).
  await page.getByTestId('nav-log').click();
  await page.getByTestId('open-recorded-call').setInputFiles(everyCueCall().file);
  const review = page.getByTestId('recorded-review');
  await expect(review).toHaveAttribute('data-ready', 'true');
  const regions = await review.evaluate((el) => {
    const host = el.querySelector('[data-testid="review-wave"]')!;
    const found = [
      ...(host.querySelector('div')?.shadowRoot ?? host).querySelectorAll(
        '[data-testid="review-region"]',
      ),
    ];
    return found.map((r) => {
      const s = getComputedStyle(r);
      const label = r.querySelector('.region-label');
      return {
        kind: (r as HTMLElement).dataset.kind,
        border: s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1,
        borderColour: s.borderTopColor,
        background: getComputedStyle(host).backgroundColor,
        label: label?.textContent ?? '',
      };
    });
  });
  console.log(`forced colours, review regions: ${regions.length}`, regions.slice(0, 3));
  expect(regions.length).toBeGreaterThan(3);
  for (const r of regions) {
    expect(r.border, `${r.kind} outlined`).toBe(true);
    expect(r.borderColour).not.toBe(r.background);
    expect(r.label, `${r.kind} labelled`).not.toBe('');
  }
  expect(app.consoleErrors).toEqual([]);
});

test('reduced motion: no transitions on the banner or meters, and the peak hold drops in one step', async () => {
  const sampleRate = 48000;
  const tone = concat(
    silence(sampleRate, 0.3),
    sine({ sampleRate, seconds: 2, peakDbfs: -14 }),
    silence(sampleRate, 5),
  );
  const file = writeWavFile(
    path.join(scratchDir('a11y-reduced-motion'), 'caller-burst.wav'),
    [new Float32Array(tone.length), tone],
    sampleRate,
  );
  app = await launchApp({ captureWav: file });
  const { page } = app;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await expect(page.getByTestId('cue-banner').locator('svg')).toHaveCount(1);
  const motion = await page.evaluate(() =>
    [
      '[data-testid="cue-banner"]',
      '[data-testid="cue-banner"] svg',
      '.meter canvas',
      '.meter-value',
    ].map((sel) => {
      const el = document.querySelector(sel);
      if (!el) return `${sel}: missing`;
      const s = getComputedStyle(el);
      return `${sel}: ${s.transitionDuration} ${s.animationDuration}`;
    }),
  );
  for (const m of motion) expect(m).toMatch(/: 0s 0s$/);

  await page.getByTestId('start-call').click();
  const caller = page.getByTestId('meter-caller').locator('canvas');
  await expect(caller).not.toHaveAttribute('data-level', '', { timeout: 8000 });
  // After the burst: where the peak mark is (% of the scale; -1: none), sampled for 2.5 s of silence.
  await expect(caller).toHaveAttribute('data-level', '', { timeout: 8000 });
  const positions: number[] = [];
  const until = Date.now() + 2500;
  while (Date.now() < until) {
    const png = (await caller.screenshot()).toString('base64');
    positions.push(
      await page.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const row = ctx.getImageData(0, 2, bitmap.width, 1).data; // above the bar: track and peak
        let darkest = -1;
        for (let x = 0; x < bitmap.width && darkest < 0; x++)
          if (row[x * 4] + row[x * 4 + 1] + row[x * 4 + 2] < 200) darkest = x; // --meter-peak #1d1f21
        return darkest < 0 ? -1 : Math.round((darkest / bitmap.width) * 100);
      }, png),
    );
  }
  const distinct = [...new Set(positions)];
  console.log(
    `reduced motion: peak positions seen after the burst (% of the scale): ${positions.join(' ')}`,
  );
  // Held in one place, then gone: at most one position besides "none".
  expect(distinct.filter((p) => p >= 0).length).toBeLessThanOrEqual(1);
  expect(distinct).toContain(-1);
});
