/**
 * `npm run start:browser`: Calm Line without Electron. Rebuilds the renderer when its build is missing
 * or stale, starts the browser host on 127.0.0.1, and opens it in an installed Chromium/Chrome as an app
 * window (its own profile under the data folder). Whenever no window can be opened — `--no-browser`, no
 * display, no browser found, or a browser that exits at once — it prints the tokened link and keeps
 * serving until Ctrl+C. Only a window the user closed after using it stops the host.
 * Flags (start-browser-options.ts): --no-browser, --port N. Environment: CALM_LINE_DATA_DIR (data
 * folder), CALM_LINE_PORT, CALM_LINE_NO_BROWSER=1, CALM_LINE_BROWSER (browser executable),
 * CALM_LINE_RENDERER_DIR (serve this built renderer as is, no rebuild check).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RENDERER_DIR, startBrowserHost, type BrowserHost } from './browser-host';
import { decideOnBrowserExit, hasGraphicalDisplay, type BrowserExit } from './browser-window';
import { findChromium, launchChromiumApp } from './chromium-launcher';
import { buildRenderer, isRendererBuildStale, rendererSourcePaths } from './renderer-build';
import { onShutdownSignals, type ShutdownStep } from './shutdown-signals';
import { parseStartBrowserOptions, START_BROWSER_USAGE } from './start-browser-options';
import { defaultUserDataDir } from '../storage/user-data-dir';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (message: string): void => console.log(`[calm-line] ${message}`);

/** The one place the tokened link is shown: the user needs it to open the app. */
function printLink(host: BrowserHost, note?: string): void {
  console.log(
    '\nCalm Line is running. Open this link in Chromium or Chrome on this machine (keep it private):\n\n' +
      `  ${host.url}\n` +
      (note ? `\n${note}\n` : ''),
  );
  console.log('Press Ctrl+C to stop.');
}

async function main(): Promise<void> {
  const parsed = parseStartBrowserOptions(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(`[calm-line] ${parsed.message}\n${START_BROWSER_USAGE}`);
    process.exit(2);
  }
  const options = parsed.options;
  if (options.help) {
    console.log(START_BROWSER_USAGE);
    return;
  }

  const rendererDir = process.env.CALM_LINE_RENDERER_DIR
    ? path.resolve(process.env.CALM_LINE_RENDERER_DIR)
    : DEFAULT_RENDERER_DIR;
  if (
    !process.env.CALM_LINE_RENDERER_DIR &&
    isRendererBuildStale(rendererDir, rendererSourcePaths(PROJECT_ROOT))
  ) {
    log('Building the renderer (vite build)…');
    if (!buildRenderer(PROJECT_ROOT)) {
      console.error('[calm-line] The renderer build failed; see the output above.');
      process.exit(1);
    }
  }

  const dataDir = process.env.CALM_LINE_DATA_DIR
    ? path.resolve(process.env.CALM_LINE_DATA_DIR)
    : defaultUserDataDir();
  const host = await startBrowserHost({ dataDir, rendererDir, port: options.port, log }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException)?.code !== 'EADDRINUSE') throw error;
      console.error(
        `[calm-line] Port ${options.port} is in use: choose another with --port N, or leave it out for a free one.`,
      );
      process.exit(1);
    },
  );

  const launcherPage = path.join(dataDir, 'browser-launch.html');
  const steps: ShutdownStep[] = [
    // Saves and drafts are on disk when acknowledged; closing writes the session index snapshot.
    () => host.close(),
    () => fs.rmSync(launcherPage, { force: true }),
  ];
  onShutdownSignals(steps, log);

  if (!options.openBrowser) {
    printLink(host);
    return;
  }
  if (!hasGraphicalDisplay(process.env, process.platform)) {
    log(
      'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window was opened.',
    );
    printLink(
      host,
      `From another computer over SSH: ssh -L ${host.port}:127.0.0.1:${host.port} <this machine>, then open the link there.`,
    );
    return;
  }
  const executable = findChromium();
  if (executable === undefined) {
    log('No Chromium, Chrome or Edge found (set CALM_LINE_BROWSER to its path to use another).');
    printLink(host);
    return;
  }

  const name = path.basename(executable);
  const launchedAt = Date.now();
  const browser = launchChromiumApp({ executable, dataDir, url: host.url });
  log(`Opening Calm Line in ${name}; Ctrl+C here stops it.`);
  let ended = false;
  const onBrowserEnd = (exit: Omit<BrowserExit, 'name' | 'sinceLaunchMs'>): void => {
    if (ended) return; // a failed spawn reports both `error` and `exit`
    ended = true;
    const decision = decideOnBrowserExit({ ...exit, name, sinceLaunchMs: Date.now() - launchedAt });
    log(decision.line);
    if (decision.stopHost) process.kill(process.pid, 'SIGTERM');
    else printLink(host);
  };
  browser.on('error', (error) =>
    onBrowserEnd({ code: null, signal: null, spawnError: error.message }),
  );
  browser.on('exit', (code, signal) => onBrowserEnd({ code, signal }));
}

main().catch((error: unknown) => {
  console.error(`[calm-line] Could not start: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
