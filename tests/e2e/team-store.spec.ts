/**
 * The team store end to end, in Chromium through the browser host, over a real PostgreSQL: three agents'
 * apps sync their sessions (two through the app's services, one through its own browser host, which
 * syncs by itself in the background and shows "Team store: synced"); the team lead's app shows every
 * agent's sessions from the store — the total, the three agents on the charts, a filter by agent, the
 * next page — without a single file passed around.
 */
import fs from 'node:fs';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host.js';
import { localDayAfter } from '../../preload/domain/calendar-day.js';
import { makeSessions } from '../support/session-factory.js';
import { practiceRun } from '../support/practice-runs.js';
import { postgresUnavailableReason } from '../support/postgres-server.js';
import {
  agentDataDir,
  openAgentApp,
  startTeamFixture,
  type TeamFixture,
} from '../main/team/team-fixture.js';
import { CHROMIUM_PATH, E2E_TMP, RENDERER_DIR } from './support/paths.js';

const rendererDir = process.env.CALM_LINE_RENDERER_DIR ?? RENDERER_DIR;
const unavailable = postgresUnavailableReason();

const AGENTS = [
  { role: 'ana', name: 'Ana Souza', count: 40 },
  { role: 'bjorn', name: 'Björn Lindqvist', count: 25 },
  { role: 'chidi', name: 'Chidi Okafor', count: 15 },
] as const;

let fx: TeamFixture | undefined;
const dirs: string[] = [];
const opened: { browser: Browser; host: BrowserHost }[] = [];

test.skip(unavailable !== null, `needs PostgreSQL: ${unavailable ?? ''}`);

test.afterAll(async () => {
  for (const { browser, host } of opened) {
    await browser.close();
    await host.close();
  }
  await fx?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function openApp(dataDir: string): Promise<Page> {
  const host = await startBrowserHost({ dataDir, rendererDir, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  opened.push({ browser, host });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(host.url);
  await expect(page.getByTestId('app')).toHaveAttribute('data-host', 'browser');
  return page;
}

test("a team lead sees three agents' sessions from the store, with filters and paging", async () => {
  fx = await startTeamFixture();
  fs.mkdirSync(E2E_TMP, { recursive: true });
  // Calls in the last two weeks: inside the team view's default 30 days.
  const fromDay = localDayAfter(new Date(), -14);
  const pages: Page[] = [];
  for (const [i, agent] of AGENTS.entries()) {
    const login = {
      role: agent.role,
      password: `pw-${agent.role}`,
      teamId: 'north',
      agentId: agent.role,
    };
    await fx.addAgent(login);
    const sessions = makeSessions(agent.count, {
      seed: 700 + i,
      agents: [agent.name],
      fromDay,
      days: 12,
    });
    const dir = agentDataDir(fx.config(login), sessions);
    dirs.push(dir);
    if (i < 2) {
      const app = openAgentApp(dir, fx.config(login));
      // Ana rehearsed twice: the team view shows it as practice, never among the calls.
      if (i === 0)
        for (const [n, waited] of [3, 1].entries())
          app.practice.saveRun(
            practiceRun(
              `b0000000-0000-4000-8000-00000000000${n}`,
              `${fromDay}T10:0${n}:00Z`,
              {
                turns: 4,
                waited,
                answeredSoftly: 2,
                talkedOver: 4 - waited,
              },
              agent.name,
            ),
          );
      expect((await app.team.sync!.pushNow()).error).toBeNull();
      await app.close();
    } else {
      // Chidi's own app syncs in the background and says so in its header.
      const page = await openApp(dir);
      pages.push(page);
      await expect(page.getByTestId('team-sync-status')).toHaveText('Team store: synced', {
        timeout: 30_000,
      });
    }
  }
  await fx.addLead('lena', 'pw-lena', ['north']);
  const leadDir = agentDataDir(fx.config({ role: 'lena', password: 'pw-lena', teamId: 'north' }));
  dirs.push(leadDir);
  const page = await openApp(leadDir);
  await expect(page.getByTestId('team-sync-status')).toHaveText('Team store: synced');
  await page.getByTestId('nav-team').click();

  const total = AGENTS.reduce((n, a) => n + a.count, 0);
  await expect(page.getByTestId('team-store-total')).toHaveText(`— ${total} matching`);
  await expect(page.getByTestId('team-session-row')).toHaveCount(50);
  const chartAgents = page.getByTestId('team-agents');
  for (const agent of AGENTS) await expect(chartAgents).toContainText(agent.name);
  await expect(page.locator('.team-chart canvas').first()).toBeVisible();

  // Ana's two rehearsals: their own table, 4 of 8 turns waited for, 4 overlaps — and not in the total.
  const practice = page.getByTestId('team-practice-row');
  await expect(practice).toHaveCount(1);
  await expect(practice.locator('td')).toHaveText([
    'Ana Souza (ana)',
    '2',
    '50%',
    '50%',
    '4',
    /\d/,
  ]);

  // Every agent's sessions are there, each once: the second page holds the rest.
  await page.getByRole('button', { name: 'Older', exact: true }).click();
  await expect(page.getByTestId('team-session-row')).toHaveCount(total - 50);

  await page.getByTestId('team-store-agent').fill('Björn Lindqvist');
  await expect(page.getByTestId('team-store-total')).toHaveText('— 25 matching');
  const agentsShown = await page
    .getByTestId('team-session-row')
    .locator('td:nth-child(2)')
    .allTextContents();
  // The display name, with the agent id the store recorded for the login that synced it.
  expect(new Set(agentsShown)).toEqual(new Set(['Björn Lindqvist (bjorn)']));
  // The agent id finds the same sessions.
  await page.getByTestId('team-store-agent').fill('bjorn');
  await expect(page.getByTestId('team-store-total')).toHaveText('— 25 matching');
  await expect(page.getByTestId('team-store-error')).toHaveCount(0);
});
