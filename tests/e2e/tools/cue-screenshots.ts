/**
 * The README's pictures of the coach: each cue as the agent sees it, docked beside the softphone
 * (420×700) and in a wide window (1280×800), light and dark. A real call plays through Chromium's fake
 * capture (the accessibility audit's every-cue call) and each cue is photographed the moment the tile
 * shows it. Run: `npx tsx tests/e2e/tools/cue-screenshots.ts [OUT_DIR]` (default assets/screenshots).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchApp } from '../support/app-fixture.js';
import { everyCueCall } from '../support/a11y-states.js';

const OUT = path.resolve(process.argv[2] ?? 'assets/screenshots');
const CUES = ['wait-for-pause', 'your-turn', 'caller-heated', 'talking-over', 'too-loud'] as const;
const SIZES = [
  { name: 'docked', width: 420, height: 700 },
  { name: 'wide', width: 1280, height: 800 },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const call = everyCueCall();
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      const app = await launchApp({ captureWav: call.file });
      try {
        const { page } = app;
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.getByTestId('start-call').click();
        const seen = new Set<string>();
        const deadline = Date.now() + (call.durationSec + 5) * 1000;
        while (seen.size < CUES.length && Date.now() < deadline) {
          const cue = await page
            .getByTestId('cue-banner')
            .getAttribute('data-cue', { timeout: 1000 })
            .catch(() => null);
          if (cue && (CUES as readonly string[]).includes(cue) && !seen.has(cue)) {
            seen.add(cue);
            const file = path.join(OUT, `${cue}-${size.name}-${scheme}.png`);
            await page.screenshot({ path: file });
            console.log(file);
          }
          // The next cue: wait until the banner shows something else (or a second passes).
          await page
            .waitForFunction(
              (prev) =>
                document.querySelector('[data-testid="cue-banner"]')?.getAttribute('data-cue') !==
                prev,
              cue,
              { timeout: 1000 },
            )
            .catch(() => undefined);
        }
        const missing = CUES.filter((c) => !seen.has(c));
        if (missing.length > 0)
          console.error(`${size.name} ${scheme}: not seen ${missing.join(', ')}`);
      } finally {
        await app.close();
      }
    }
  }
}

void main();
