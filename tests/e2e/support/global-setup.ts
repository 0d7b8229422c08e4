import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { findElectronBinary } from '../../../main/cli/start-electron.js';
import { CHROMIUM_PATH, ELECTRON_SKIP_REASON, RENDERER_DIR } from './paths.js';

/** The specs need the built renderer and Debian's Chromium; build the renderer when it is missing. */
export default function globalSetup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  if (findElectronBinary() === undefined)
    console.log(`\n[electron specs will skip] ${ELECTRON_SKIP_REASON}\n`);
  if (!existsSync(`${RENDERER_DIR}/index.html`)) {
    execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  }
}
