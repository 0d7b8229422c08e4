/**
 * Opening the browser host in an installed Chromium or Chrome as an app window (`--app`, its own
 * profile under the data folder). The tokened URL is not put on the command line, where other local
 * users could read it: Chromium opens a small file (readable only by this user) that forwards to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where to look, in order; `CALM_LINE_BROWSER` (a path to the executable) comes first. */
export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const override = env.CALM_LINE_BROWSER ? [env.CALM_LINE_BROWSER] : [];
  if (platform === 'darwin') {
    return [
      ...override,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => typeof root === 'string',
    );
    return [
      ...override,
      ...roots.map((root) =>
        path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ),
      ...roots.map((root) => path.win32.join(root, 'Chromium', 'Application', 'chrome.exe')),
      ...roots.map((root) =>
        path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ),
    ];
  }
  const dirs = (env.PATH ?? '/usr/bin:/bin').split(path.delimiter).filter(Boolean);
  const names = [
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'microsoft-edge',
  ];
  return [...override, ...names.flatMap((name) => dirs.map((dir) => path.join(dir, name)))];
}

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  return chromiumCandidates(env, platform).find((candidate) => {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Writes the forwarding page (mode 0600) and returns its path. */
export function writeLauncherPage(dataDir: string, url: string): string {
  const file = path.join(dataDir, 'browser-launch.html');
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  fs.rmSync(file, { force: true });
  fs.writeFileSync(
    file,
    '<!doctype html><meta charset="utf-8">' +
      `<meta http-equiv="refresh" content="0; url=${escaped}"><title>Calm Line</title>`,
    { mode: 0o600 },
  );
  return file;
}

export interface ChromiumLaunch {
  readonly executable: string;
  readonly dataDir: string;
  readonly url: string;
}

export function launchChromiumApp({ executable, dataDir, url }: ChromiumLaunch): ChildProcess {
  const launcher = writeLauncherPage(dataDir, url);
  const profile = path.join(dataDir, 'browser-profile');
  fs.mkdirSync(profile, { recursive: true });
  return spawn(
    executable,
    [
      `--app=${pathToFileURL(launcher).href}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-features=Translate',
      '--window-size=480,760',
    ],
    { stdio: 'ignore', detached: false },
  );
}
