import { existsSync } from 'node:fs';
import { findElectronBinary } from '../../../main/cli/start-electron.js';
import {
  buildRenderer,
  isRendererBuildStale,
  rendererSourcePaths,
} from '../../../main/browser-host/renderer-build.js';
import { CHROMIUM_PATH, ELECTRON_SKIP_REASON, RENDERER_DIR, REPO_ROOT } from './paths.js';

/**
 * The specs need Debian's Chromium and a renderer build no older than its sources: `npm run test:e2e`
 * alone rebuilds a stale build (as `npm run start:browser` does) rather than test an old one.
 */
export default function globalSetup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  if (findElectronBinary() === undefined)
    console.log(`\n[electron specs will skip] ${ELECTRON_SKIP_REASON}\n`);
  if (isRendererBuildStale(RENDERER_DIR, rendererSourcePaths(REPO_ROOT))) {
    console.log('\n[the renderer build is older than its sources: building it]\n');
    if (!buildRenderer(REPO_ROOT))
      throw new Error('vite build failed: the specs would test nothing');
  }
}
