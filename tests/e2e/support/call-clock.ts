import type { Page } from '@playwright/test';

/**
 * Waits until the app's own call clock (the tile's m:ss, counted by the engine in audio time) reads at
 * least `seconds` (rounded up to the clock's whole seconds): a call that must play for a while is waited
 * on by what the app says, not by a sleep of ours that a slow machine outruns.
 */
export async function waitForCallClock(page: Page, seconds: number): Promise<void> {
  const whole = Math.ceil(seconds);
  await page.waitForFunction(
    (target) => {
      const text = document.querySelector('[data-testid="call-time"]')?.textContent ?? '';
      const m = /^(\d+):(\d{2})$/.exec(text.trim());
      return m !== null && Number(m[1]) * 60 + Number(m[2]) >= target;
    },
    whole,
    { timeout: (whole + 60) * 1000, polling: 100 },
  );
}
