/**
 * `npm run start:browser`: Calm Line without Electron. Rebuilds the renderer when its build is missing
 * or stale, starts the browser host on a free port, and opens it in an installed Chromium/Chrome as an
 * app window (its own profile under the data folder). Without one, prints the link to open.
 * Environment: CALM_LINE_DATA_DIR (data folder), CALM_LINE_PORT, CALM_LINE_BROWSER (browser
 * executable), CALM_LINE_NO_BROWSER=1 (only print the link), CALM_LINE_RENDERER_DIR (serve this built
 * renderer as is, no rebuild check).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RENDERER_DIR, startBrowserHost } from './browser-host';
import { findChromium, launchChromiumApp } from './chromium-launcher';
import { buildRenderer, isRendererBuildStale, rendererSourcePaths } from './renderer-build';
import { onShutdownSignals, type ShutdownStep } from './shutdown-signals';
import { defaultUserDataDir } from './user-data-dir';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (message: string): void => console.log(`[calm-line] ${message}`);

async function main(): Promise<void> {
  const rendererDir = process.env.CALM_LINE_RENDERER_DIR
    ? path.resolve(process.env.CALM_LINE_RENDERER_DIR)
    : DEFAULT_RENDERER_DIR;
  if (!process.env.CALM_LINE_RENDERER_DIR && isRendererBuildStale(rendererDir, rendererSourcePaths(PROJECT_ROOT))) {
    log('Building the renderer (vite build)…');
    if (!buildRenderer(PROJECT_ROOT)) {
      console.error('[calm-line] The renderer build failed; see the output above.');
      process.exit(1);
    }
  }

  const dataDir = process.env.CALM_LINE_DATA_DIR ? path.resolve(process.env.CALM_LINE_DATA_DIR) : defaultUserDataDir();
  const port = process.env.CALM_LINE_PORT ? Number(process.env.CALM_LINE_PORT) : 0;
  const host = await startBrowserHost({ dataDir, rendererDir, port, log });

  const launcherPage = path.join(dataDir, 'browser-launch.html');
  const steps: ShutdownStep[] = [
    // Saves and drafts are on disk when acknowledged; closing writes the session index snapshot.
    () => host.close(),
    () => fs.rmSync(launcherPage, { force: true }),
  ];
  onShutdownSignals(steps, log);

  const executable = process.env.CALM_LINE_NO_BROWSER ? undefined : findChromium();
  if (executable === undefined) {
    // The one place the tokened link is shown: the user needs it to open the app.
    console.log(`\nCalm Line is running. Open this link in Chromium or Chrome (keep it private):\n\n  ${host.url}\n`);
    console.log('Press Ctrl+C to stop.');
    return;
  }
  const browser = launchChromiumApp({ executable, dataDir, url: host.url });
  log(`Opened Calm Line in ${path.basename(executable)}. Press Ctrl+C here to stop.`);
  browser.on('error', (error) => log(`Could not start ${executable}: ${error.message}`));
  browser.on('exit', () => {
    log('Browser window closed; stopping.');
    process.kill(process.pid, 'SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(`[calm-line] Could not start: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
