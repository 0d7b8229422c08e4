import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH, RENDERER_DIR } from './paths.js';

/** The specs need the built renderer and Debian's Chromium; build the renderer when it is missing. */
export default function globalSetup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  if (!existsSync(`${RENDERER_DIR}/index.html`)) {
    execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  }
}
