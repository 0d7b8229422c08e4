/**
 * follow_ups_first_screen_ms: from a click on the menu's Follow-ups (on the log) to every section's
 * first page on screen (the app's performance mark), in the browser host's page in Chromium at
 * 1280×800, over 2,000 saved calls of six agents with 1,200 overdue follow-ups, 7 due today and 40
 * upcoming (issue 27 asks ≤ 500 ms). The first open after the app starts and the best of the later
 * opens are reported; follow_ups_first_screen_within_500ms holds the threshold for the first open.
 */
import { rmSync } from 'node:fs';
import { launchApp } from '../e2e/support/app-fixture';
import { seededDataDir } from '../e2e/support/a11y-states';
import { timeFollowUpsFirstScreen } from '../e2e/support/follow-ups-timing';
import { followUpVolume } from '../support/follow-up-volume';
import { round, type BenchModule } from './bench-module';

const THRESHOLD_MS = 500;

export const followUpsBench: BenchModule = {
  name: 'follow-ups',
  async run(ctx) {
    const sessions = followUpVolume({ count: 2000, overdue: 1200, dueToday: 7, upcoming: 40 });
    ctx.log('writing 2,000 sessions…');
    const dataDir = seededDataDir('bench-follow-ups-', sessions);
    const app = await launchApp({ dataDir });
    const times: number[] = [];
    try {
      const { page } = app;
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByTestId('follow-ups-badge').waitFor();
      for (let i = 0; i < ctx.runs + 1; i++) {
        await page.getByTestId('nav-log').click();
        await page.getByTestId('log-row').first().waitFor();
        times.push(await timeFollowUpsFirstScreen(page));
      }
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const [first, ...later] = times;
    ctx.log(
      `first screen: first open ${first.toFixed(0)} ms, then ${later.map((t) => t.toFixed(0)).join(' ')} ms`,
    );
    return {
      follow_ups_first_screen_ms: round(first, 1),
      follow_ups_first_screen_best_ms: round(Math.min(...later), 1),
      follow_ups_first_screen_within_500ms: first <= THRESHOLD_MS,
    };
  },
};
