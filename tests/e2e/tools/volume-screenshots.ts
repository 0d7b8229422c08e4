/**
 * The README's pictures of the screens a team works through at volume: the follow-ups over 2,000 calls
 * with 1,200 overdue, docked beside the softphone (420×700) and in a wide window (1280×800). Run:
 * `npx tsx tests/e2e/tools/volume-screenshots.ts [OUT_DIR]` (default assets/screenshots).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { followUpVolume } from '../../support/follow-up-volume.js';
import { seededDataDir } from '../support/a11y-states.js';
import { launchApp } from '../support/app-fixture.js';

const OUT = path.resolve(process.argv[2] ?? 'assets/screenshots');
const SIZES = [
  { name: 'docked', width: 420, height: 700 },
  { name: 'wide', width: 1280, height: 800 },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dataDir = seededDataDir(
    'shots-',
    followUpVolume({ count: 2000, overdue: 1200, dueToday: 7, upcoming: 40 }),
  );
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
      } finally {
        await app.close();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
