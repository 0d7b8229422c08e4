/**
 * `npm start`: runs the built app (out/) in Electron when the Electron binary is installed. Where it is
 * not (no download possible), explains the alternative in one paragraph and exits non-zero — before
 * spending time on a build. With `--build`, runs `npm run build` once the binary is known to exist.
 * Never imports `electron`, whose index tries to download the binary.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Path of the Electron executable if it is installed, else undefined. */
export function findElectronBinary(
  electronPackageDir: string = path.join(PROJECT_ROOT, 'node_modules', 'electron'),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  let executable: string;
  try {
    executable = fs.readFileSync(path.join(electronPackageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronPackageDir, 'dist');
  const candidate = path.join(distDir, executable);
  return fs.existsSync(candidate) ? candidate : undefined;
}

export const ELECTRON_MISSING_MESSAGE =
  'Calm Line cannot start as a desktop app here: the Electron binary is not installed ' +
  '(node_modules/electron/dist is missing, and this machine cannot download it). ' +
  'Run `npm run start:browser` instead: it serves the same app from this computer only (127.0.0.1) ' +
  'to your installed Chromium or Chrome, with the same settings folder; global hotkeys, the tray icon ' +
  'and system-audio capture need the desktop app.';

/**
 * Electron ≥ 42 fetches its binary on first run rather than at install. Try that once (it fails within a
 * second where GitHub cannot be reached) so `npm start` works on any normal machine.
 */
function tryDownloadElectron(): void {
  const installer = path.join(PROJECT_ROOT, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return;
  console.log('Fetching the Electron binary (first run)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [installer], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'ignore'],
    env,
    timeout: 10 * 60_000,
  });
}

function main(): void {
  let electron = findElectronBinary();
  if (electron === undefined) {
    tryDownloadElectron();
    electron = findElectronBinary();
  }
  if (electron === undefined) {
    console.error(ELECTRON_MISSING_MESSAGE);
    process.exit(1);
  }
  if (process.argv.includes('--build')) {
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'out', 'main', 'main.js'))) {
    console.error('Calm Line is not built yet: run `npm run build` first.');
    process.exit(1);
  }
  const child = spawn(electron, [PROJECT_ROOT], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
