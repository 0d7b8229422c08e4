/**
 * The README's pictures of the screens a team works through at volume: the follow-ups over 2,000 calls
 * with 1,200 overdue, and the team view with six agents' exports over a year (by the week), docked beside
 * the softphone (420×700) and in a wide window (1280×800). Run:
 * `npx tsx tests/e2e/tools/volume-screenshots.ts [OUT_DIR]` (default assets/screenshots).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SIX_AGENTS, followUpVolume } from '../../support/follow-up-volume.js';
import { seededDataDir, writeTeamExport } from '../support/a11y-states.js';
import { E2E_TMP } from '../support/paths.js';
import { launchApp } from '../support/app-fixture.js';

const OUT = path.resolve(process.argv[2] ?? 'assets/screenshots');
const SIZES = [
  { name: 'docked', width: 420, height: 700 },
  { name: 'wide', width: 1280, height: 800 },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sessions = followUpVolume({ count: 2000, overdue: 1200, dueToday: 7, upcoming: 40 });
  const dataDir = seededDataDir('shots-', sessions);
  const exportsDir = mkdtempSync(path.join(E2E_TMP, 'shots-team-'));
  const files: string[] = [];
  for (const agent of SIX_AGENTS) {
    const file = path.join(exportsDir, `${agent.split(' ')[0].toLowerCase()}.json`);
    await writeTeamExport(
      file,
      sessions.filter((s) => s.agent === agent),
      agent,
    );
    files.push(file);
  }
  try {
    for (const size of SIZES) {
      const app = await launchApp({ dataDir });
      try {
        const { page } = app;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.getByTestId('nav-follow-ups').click();
        await page.getByTestId('follow-ups-overdue').getByTestId('follow-up-row').first().waitFor();
        await page
          .getByTestId('follow-ups-upcoming')
          .getByTestId('follow-up-row')
          .first()
          .waitFor();
        const file = path.join(OUT, `follow-ups-${size.name}.png`);
        await page.screenshot({ path: file });
        console.log(file);

        await page.getByTestId('nav-team').click();
        await page.getByTestId('team-import-files').setInputFiles(files);
        await page
          .locator('.team-chart canvas[data-x-labels]')
          .nth(7)
          .waitFor({ state: 'attached' });
        await page
          .getByTestId('team-granularity')
          .evaluate((el) => el.closest('form')?.scrollIntoView({ block: 'start' }));
        const team = path.join(OUT, `team-${size.name}.png`);
        await page.screenshot({ path: team });
        console.log(team);
      } finally {
        await app.close();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(exportsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
