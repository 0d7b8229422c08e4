/**
 * The README's pictures of the coach: each cue as the agent sees it, docked beside the softphone
 * (420×700) and in a wide window (1280×800), light and dark. A real call plays through Chromium's fake
 * capture (the accessibility audit's every-cue call) and each cue is photographed the moment the tile
 * shows it. Run: `npx tsx tests/e2e/tools/cue-screenshots.ts [OUT_DIR] [--language es|pt-BR|fr|de|en-XA]`
 * (default assets/screenshots, English). With a language: docked and light only, each file named
 * `<cue>-docked-light-<language>.png`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchApp } from '../support/app-fixture.js';
import { everyCueCall } from '../support/a11y-states.js';
import { E2E_TMP } from '../support/paths.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { openSettingsStore } from '../../../main/settings/settings-store.js';
import {
  LANGUAGE_SETTINGS,
  type LanguageSetting,
} from '../../../preload/contract/settings-schema.js';

const args = process.argv.slice(2);
const languageAt = args.indexOf('--language');
const LANGUAGE = languageAt >= 0 ? (args.splice(languageAt, 2)[1] as LanguageSetting) : null;
if (LANGUAGE !== null && !LANGUAGE_SETTINGS.includes(LANGUAGE))
  throw new Error(`--language: one of ${LANGUAGE_SETTINGS.join(', ')}`);
const OUT = path.resolve(args[0] ?? 'assets/screenshots');
const CUES = ['wait-for-pause', 'your-turn', 'caller-heated', 'talking-over', 'too-loud'] as const;
const SIZES = [
  { name: 'docked', width: 420, height: 700 },
  { name: 'wide', width: 1280, height: 800 },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const call = everyCueCall();
  for (const size of LANGUAGE ? SIZES.slice(0, 1) : SIZES) {
    for (const scheme of LANGUAGE ? (['light'] as const) : (['light', 'dark'] as const)) {
      const folder = dataDir();
      const app = await launchApp({ captureWav: call.file, dataDir: folder });
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
            const file = path.join(
              OUT,
              `${cue}-${size.name}-${scheme}${LANGUAGE ? `-${LANGUAGE}` : ''}.png`,
            );
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
        rmSync(folder, { recursive: true, force: true });
      }
    }
  }
}

/** A data folder set up as the agent left it (setup done), in the language asked for. */
function dataDir(): string {
  const dir = mkdtempSync(path.join(E2E_TMP, 'shots-'));
  createSettingsService(openSettingsStore(dir)).update({
    profile: { setupDone: true },
    ...(LANGUAGE ? { ui: { language: LANGUAGE } } : {}),
  });
  return dir;
}

void main();
