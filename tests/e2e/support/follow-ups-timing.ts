/**
 * The follow-ups' first screen, timed in the page with performance marks: a mark just before the menu's
 * Follow-ups is clicked, and the app's own mark (FIRST_SCREEN_MARK) once every section's first page is
 * on screen. Used by the volume spec (which asserts what is shown) and by `npm run bench` (the threshold).
 */
import type { Page } from '@playwright/test';

export const CLICK_MARK = 'follow-ups:click';
export const FIRST_SCREEN_MARK = 'follow-ups:first-screen';

/** Opens the follow-ups from another screen and returns ms from the click to the first screen. */
export async function timeFollowUpsFirstScreen(page: Page): Promise<number> {
  await page.evaluate(
    ([click]) => {
      performance.clearMarks();
      performance.clearMeasures();
      performance.mark(click);
      document.querySelector<HTMLElement>('[data-testid="nav-follow-ups"]')?.click();
    },
    [CLICK_MARK],
  );
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
    FIRST_SCREEN_MARK,
  );
  return page.evaluate(
    ([click, shown]) => performance.measure('follow-ups-first-screen', click, shown).duration,
    [CLICK_MARK, FIRST_SCREEN_MARK],
  );
}
