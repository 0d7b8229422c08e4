/**
 * Every screen in every language (issue 28): for en, es, pt-BR, fr, de and the pseudo-locale (accented,
 * about 40 % longer), one launch of the built app over a data folder holding a dozen recent calls (log
 * rows, follow-ups due and overdue) opens the coach, a wrap-up (after a short call), the log, the
 * follow-ups, the team view (a folder of two agents' exports imported) and Settings in turn, docked beside
 * the softphone at 420×700 — the pseudo-locale and German (the longest words) also at 320×640, the
 * narrowest reflow width, where long words fail first — and in those two, what each screen leads to: every
 * wrap-up step and its required-steps message, a session, a follow-up selected, a chart's figures as a
 * table, the export dialog. On each screen:
 * the page's `lang` is the language, a heading or button the agent reads says the locale's catalogue text,
 * no English sentence of the catalogue shows where the locale words it otherwise (in the pseudo-locale: no
 * word outside its ⟦…⟧ but the data the app was given), nothing is cut off, outside the window or
 * overlapping (the layout check the reflow specs use) and axe finds 0 violations. The English run ends by
 * choosing German in Settings: the screens visited after it speak German, with no reload.
 * Six launches, under two minutes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { LOCALES, PSEUDO_LOCALE, type AppLocale } from '../../renderer/src/i18n/locales.js';
import type { Messages } from '../../renderer/src/i18n/catalogue.js';
import { STEP_MESSAGES, WRAP_UP_STEPS } from '../../renderer/src/wrap-up/wrap-up-steps.js';
import { makeSessions } from '../support/session-factory.js';
import { launchApp, type LaunchedApp } from './support/app-fixture.js';
import { expectAccessible } from './support/a11y-audit.js';
import { recentSessions, writeTeamExport } from './support/a11y-states.js';
import { expectReflows } from './support/layout-check.js';
import { dataDirIn, englishThatDiffers, messagesOf, say } from './support/locale-messages.js';
import { E2E_TMP } from './support/paths.js';

const DOCKED = { width: 420, height: 700 };
const NARROWEST = { width: 320, height: 640 };
const TEAM = ['Ana Souza', 'Björn Lindqvist'];

let teamFolder: string;
/** The team's export files as text, and their folder's and files' names (data the page shows). */
const teamData: string[] = [];
let app: LaunchedApp | undefined;
const dataDirs: string[] = [];

test.beforeAll(async () => {
  fs.mkdirSync(E2E_TMP, { recursive: true });
  teamFolder = fs.mkdtempSync(path.join(E2E_TMP, 'lang-team-'));
  for (const [i, agent] of TEAM.entries())
    await writeTeamExport(
      path.join(teamFolder, `export-${i + 1}.json`),
      makeSessions(15, { seed: 2800 + i, agents: [agent], fromDay: '2026-01-05', days: 20 }),
      agent,
    );
  for (const file of fs.readdirSync(teamFolder))
    teamData.push(file, fs.readFileSync(path.join(teamFolder, file), 'utf8'));
  teamData.push(path.basename(teamFolder));
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});
test.afterAll(() => {
  for (const dir of [teamFolder, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
});

type Screen = 'coach' | 'wrap-up' | 'log' | 'follow-ups' | 'team' | 'settings';

/**
 * Opens a screen and waits for what the agent reads on it first, in this locale's words: the coach's
 * Start call, the wrap-up's heading (a short call ended first), a log row in the log's region, an overdue
 * follow-up under its heading, the team's charts from an imported folder, the Settings' language choice.
 */
async function open(page: Page, screen: Screen, messages: Messages): Promise<void> {
  if (screen === 'wrap-up') {
    await page.getByTestId('nav-coach').click();
    await page.getByTestId('start-call').click();
    await expect(page.getByTestId('end-call')).toBeVisible();
    await page.getByTestId('end-call').click();
  } else await page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId(`nav-${screen}`)).toHaveText(
    new RegExp(`^${escape(messages[`app.nav.${screen}`])}`),
  );
  switch (screen) {
    case 'coach':
      await expect(page.getByTestId('start-call')).toContainText(
        say(messages, 'coach.start-call', { key: '' }),
      );
      await expect(page.getByTestId('start-call')).toBeEnabled();
      break;
    case 'wrap-up':
      await expect(
        page.getByTestId('wrap-up').getByRole('heading', { name: messages['wrap-up.heading'] }),
      ).toBeVisible();
      await expect(page.getByTestId('wrap-up-step-title')).not.toBeEmpty();
      break;
    case 'log':
      await expect(
        page.getByRole('region', { name: messages['log.region'] }).getByTestId('log-row').first(),
      ).toBeVisible();
      await expect(page.getByRole('searchbox', { name: messages['log.search'] })).toBeVisible();
      break;
    case 'follow-ups':
      await expect(page.getByTestId('follow-ups-overdue').getByRole('heading')).toContainText(
        messages['follow-ups.section.overdue'],
      );
      await expect(page.getByTestId('follow-up-row').first()).toBeVisible();
      break;
    case 'team':
      await expect(page.getByRole('heading', { name: messages['team.title'] })).toBeVisible();
      if ((await page.locator('.team-chart').count()) === 0)
        await page.getByTestId('team-import-folder').setInputFiles(teamFolder);
      await expect(page.locator('.team-chart')).toHaveCount(8);
      break;
    case 'settings':
      await expect(
        page.getByRole('heading', { name: messages['settings.language.title'] }),
      ).toBeVisible();
      break;
  }
}

/** The English sentences among `english` the page shows now. */
async function englishShown(page: Page, english: readonly string[]): Promise<string[]> {
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  return english.filter((sentence) => text.includes(sentence));
}

/**
 * Words on screen outside every ⟦…⟧ the pseudo-locale puts around a message (machine text in <pre>,
 * <code> and <kbd> aside): text that never went through the catalogue — or data.
 */
async function unmarkedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    let depth = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const shown =
        parent &&
        !parent.closest('script, style, option, pre, code, kbd, .visually-hidden') &&
        parent.checkVisibility({ visibilityProperty: true });
      let outside = '';
      for (const c of node.textContent ?? '') {
        if (c === '⟦') depth += 1;
        else if (c === '⟧') depth = Math.max(0, depth - 1);
        else if (depth === 0) outside += c;
      }
      if (shown) found.push(...(outside.match(/\p{L}{3,}/gu) ?? []));
    }
    return found;
  });
}

/**
 * The words a pseudo-locale page may show unmarked: the data it was given (sessions, the team's exports
 * and their file names), the product's name, and dates as Intl writes them for en-XA (English names).
 */
function dataWords(data: readonly string[]): Set<string> {
  const words = new Set(data.flatMap((text) => text.match(/\p{L}{3,}/gu) ?? []));
  const english = (options: Intl.DateTimeFormatOptions, count: number, step: number) =>
    Array.from({ length: count }, (_, i) =>
      new Intl.DateTimeFormat(PSEUDO_LOCALE, options).format(new Date(2026, 0, 4 + i * step)),
    );
  for (const name of [
    ...english({ weekday: 'short' }, 7, 1),
    ...english({ weekday: 'long' }, 7, 1),
    ...english({ month: 'short' }, 12, 31),
    ...english({ month: 'long' }, 12, 31),
    'Calm',
    'Line',
  ])
    words.add(name);
  return words;
}

const SCREENS: Screen[] = ['coach', 'wrap-up', 'log', 'follow-ups', 'team', 'settings'];

/** The pseudo-locale and German (the longest words of the five): also at the narrowest width, and deeper. */
const LONGEST: AppLocale[] = [PSEUDO_LOCALE, 'de'];
const sizesFor = (locale: AppLocale) => (LONGEST.includes(locale) ? [DOCKED, NARROWEST] : [DOCKED]);

for (const locale of [...LOCALES, PSEUDO_LOCALE] as AppLocale[]) {
  const sizes = sizesFor(locale);
  test(`every screen in ${locale}: its words, laid out at ${sizes.map((s) => s.width).join(' and ')} px, axe with lang=${locale}`, async () => {
    const messages = messagesOf(locale);
    const english = locale === 'en' ? [] : englishThatDiffers(locale);
    const sessions = recentSessions(12, 2810);
    const dataDir = dataDirIn(locale, sessions);
    dataDirs.push(dataDir);
    const data = dataWords([JSON.stringify(sessions), ...teamData]);
    app = await launchApp({ dataDir });
    const { page } = app;

    /** What the agent sees now: the language, no English, no unmarked words, axe, the layout. */
    const check = async (state: string, audit = true) => {
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      expect.soft(await englishShown(page, english), `English on ${state}`).toEqual([]);
      if (locale === PSEUDO_LOCALE)
        expect
          .soft(
            [...new Set(await unmarkedWords(page))].filter((w) => !data.has(w)),
            `words outside the catalogue on ${state}`,
          )
          .toEqual([]);
      if (audit) await expectAccessible(page, state);
      for (const size of sizes) {
        await page.setViewportSize(size);
        await expectReflows(page, state);
      }
      await page.setViewportSize(DOCKED);
    };

    await page.setViewportSize(DOCKED);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    for (const screen of SCREENS) {
      await open(page, screen, messages);
      await check(`${screen} in ${locale}`);
      if (!LONGEST.includes(locale)) continue;
      // In the longest languages, what each screen opens into: its own longer sentences and buttons.
      const deeper = `${screen} in ${locale}`;
      switch (screen) {
        case 'wrap-up':
          // Each step has its own fields; saving with required steps open names them.
          for (const [i, step] of WRAP_UP_STEPS.entries()) {
            if (i === 0) continue;
            await page.getByTestId('step-nav-item').nth(i).click();
            await expect(page.getByTestId('wrap-up-step-title')).toContainText(
              messages[STEP_MESSAGES[step]],
            );
            await check(`wrap-up step ${step} in ${locale}`, locale === PSEUDO_LOCALE);
          }
          await page.getByTestId('save-wrap-up').click();
          await expect(page.getByTestId('wrap-up-problem')).toBeVisible();
          await check(`${deeper}, required steps open`);
          break;
        case 'log':
          await page.getByTestId('log-row').first().click();
          await expect(page.getByTestId('session-back')).toHaveText(messages['log.detail.back']);
          await check(`${deeper}, a session`);
          await page.getByTestId('session-back').click();
          break;
        case 'follow-ups':
          await page.getByTestId('follow-up-select').first().check();
          await check(`${deeper}, one selected`);
          await page.getByTestId('follow-up-select').first().uncheck();
          break;
        case 'team':
          await page.getByTestId('chart-calls').getByText(messages['team.chart.table']).click();
          await check(`${deeper}, a chart's figures as a table`);
          break;
        case 'settings':
          await page.getByTestId('nav-export').click();
          await expect(page.getByTestId('export-dialog')).toBeVisible();
          await check(`export dialog in ${locale}`);
          await page.getByTestId('export-close').click();
          break;
      }
    }

    if (locale === 'en') {
      // One switch in Settings: every screen then speaks German, the page never reloaded.
      await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
      const de = messagesOf('de');
      const notGerman = englishThatDiffers('de');
      // The English check sees English: Settings shows sentences German words otherwise.
      expect(await englishShown(page, notGerman)).not.toEqual([]);
      await page.getByTestId('language').selectOption('de');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      for (const screen of ['settings', 'log', 'follow-ups', 'team'] as Screen[]) {
        await open(page, screen, de);
        expect
          .soft(await englishShown(page, notGerman), `English on ${screen} after the switch`)
          .toEqual([]);
      }
      expect(
        await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
      ).toBe(true);
    }
    expect(app.consoleErrors).toEqual([]);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
