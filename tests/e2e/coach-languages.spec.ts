/**
 * The coach in every language (issue 28): for en, es, pt-BR, fr, de and the pseudo-locale (accented,
 * about 40 % longer), a call in the built app through the browser host at 420×700 (docked beside the
 * softphone), 320×640 and 1280×800 (the tile in a column) — the page's `lang` is the language, the tile, the live badge, the buttons and
 * the figures speak it, every cue's word and hint fit the tile (no word broken across lines, nothing cut
 * off, outside the window or overlapping: the layout check the reflow specs use) and axe finds 0
 * violations; then, once, the language switched in Settings during a call changes the coach's words with
 * no reload and the call going on. Each cue's words are put in the tile in turn (as app-loads.spec.ts
 * does) rather than played as a call per cue: the layout depends on the words, and six locales × five
 * cues of real calls would cost minutes.
 */
import { test, expect, type Page } from '@playwright/test';
import { LOCALES, PSEUDO_LOCALE, type AppLocale } from '../../renderer/src/i18n/locales.js';
import { CUE_MESSAGES, type BannerState } from '../../renderer/src/live-coach/cue-copy.js';
import { buildDialogue } from '../support/dialogues.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { expectAccessible } from './support/a11y-audit.js';
import { expectReflows } from './support/layout-check.js';
import { dataDirIn, messagesOf, say } from './support/locale-messages.js';

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Docked beside the softphone, the narrowest reflow width, and a wide window (the tile in a column). */
const SIZES = [
  { width: 420, height: 700 },
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];
const CUES = Object.keys(CUE_MESSAGES) as BannerState[];

/** A short call: the caller vents, the agent answers; the call stays live after it. */
function shortCall() {
  return buildDialogue({
    sampleRate: 48000,
    utterances: [
      { who: 'caller', at: 0.3, text: 'My order never arrived and nobody answers my emails.' },
      { who: 'agent', afterPrevEnd: 1.2, text: 'I am sorry. I will send a new one today.' },
    ],
    tailSec: 1,
  });
}

/**
 * Each word of the tile's big line that broke across lines: as the tile shows it, or with a cue's words
 * written in (and its longest word's length, which CueTile gives the line to size it by).
 */
async function brokenWords(page: Page, words?: { word: string; hint: string }): Promise<string[]> {
  return page.evaluate((put) => {
    const tile = document.querySelector('[data-testid="cue-banner"]')!;
    const big = tile.querySelector<HTMLElement>('.cue-word')!;
    if (put) {
      big.textContent = put.word;
      big.style.setProperty(
        '--cue-word-chars',
        String(Math.max(...put.word.split(/\s+/).map((w) => [...w].length))),
      );
      tile.querySelector('.cue-hint')!.textContent = put.hint;
    }
    const w = big.textContent ?? '';
    const text = big.firstChild!;
    const broken: string[] = [];
    for (const match of w.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
    return broken;
  }, words);
}

for (const locale of [...LOCALES, PSEUDO_LOCALE] as AppLocale[]) {
  test(`the coach in ${locale}: its words in a call, every cue fitting the tile at 420, 320 and 1280 px, axe with lang=${locale}`, async () => {
    const messages = messagesOf(locale);
    app = await launchApp({ captureWav: shortCall().file, dataDir: dataDirIn(locale) });
    const { page } = app;
    await page.setViewportSize(SIZES[0]);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByTestId('start-call')).toContainText(
      say(messages, 'coach.start-call', { key: '' }),
    );

    await page.getByTestId('start-call').click();
    await expect(page.getByTestId('end-call')).toBeVisible();
    await expect(page.getByTestId('live-indicator')).toHaveText(messages['call.live']);
    // The tile says the cue the engine gives, in this language.
    const banner = page.getByTestId('cue-banner');
    const cue = (await banner.getAttribute('data-cue')) as BannerState;
    await expect(banner.locator('.cue-word')).toHaveText(
      new RegExp(`^(${CUES.map((c) => escape(messages[CUE_MESSAGES[c].word])).join('|')})$`),
    );
    expect(CUES).toContain(cue);
    await expect(page.getByTestId('coach-more-toggle')).toContainText(
      say(messages, 'coach.more', { key: 'F3' }),
    );
    await expectAccessible(page, `coach in ${locale}, in a call`);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect
        .soft(await brokenWords(page), `${locale}, the live tile at ${size.width} px`)
        .toEqual([]);
    }

    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const state of CUES) {
        const word = messages[CUE_MESSAGES[state].word];
        const hint = messages[CUE_MESSAGES[state].hint];
        expect
          .soft(await brokenWords(page, { word, hint }), `${locale} "${word}" at ${size.width} px`)
          .toEqual([]);
        await expectReflows(page, `coach in ${locale}, in a call, tile "${word}"`);
      }
    }
    // The coach's details (figures, voices, priorities) in this language, at the narrowest.
    await page.setViewportSize(SIZES[1]);
    await page.getByTestId('coach-more-toggle').click();
    await expect(page.getByTestId('live-stats')).toContainText(messages['coach.stats.venting']);
    await expectReflows(page, `coach in ${locale}, in a call, its details`);
    expect(app.consoleErrors).toEqual([]);
  });
}

test('switching the language in Settings during a call changes the coach’s words at once, with no reload', async () => {
  app = await launchApp({ captureWav: shortCall().file, dataDir: dataDirIn('system') });
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('end-call')).toBeVisible();
  await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));

  const fr = messagesOf('fr');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('nav-settings')).toHaveText(fr['app.nav.settings']);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('end-call')).toContainText(say(fr, 'coach.end-call', { key: '' }));
  await expect(page.getByTestId('live-indicator')).toHaveText(fr['call.live']);
  const cue = (await page.getByTestId('cue-banner').getAttribute('data-cue')) as BannerState;
  await expect(page.getByTestId('cue-banner').locator('.cue-hint')).toHaveText(
    fr[CUE_MESSAGES[cue].hint],
  );
  await expect(page).toHaveTitle(/^● Appel en cours · /);
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
  // The choice is stored: a new page opens in French.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('language')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('Settings and the header in the pseudo-locale at 320 px: nothing cut off, outside or overlapping; axe with lang=en-XA', async () => {
  const xa = messagesOf(PSEUDO_LOCALE);
  app = await launchApp({ dataDir: dataDirIn(PSEUDO_LOCALE) });
  const { page } = app;
  await page.setViewportSize(SIZES[1]);
  await expect(page.locator('html')).toHaveAttribute('lang', PSEUDO_LOCALE);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('heading', { name: xa['settings.language.title'] })).toBeVisible();
  await expect(page.getByTestId('language')).toHaveValue(PSEUDO_LOCALE);
  await expectReflows(page, 'settings in en-XA');
  await expectAccessible(page, 'settings in en-XA');
  expect(app.consoleErrors).toEqual([]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
