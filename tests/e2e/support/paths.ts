import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'out/renderer');
export const CHROMIUM_PATH = process.env.CALM_LINE_CHROMIUM ?? '/usr/bin/chromium';
export const E2E_TMP = path.join(REPO_ROOT, '.tmp/e2e');

export const ELECTRON_SKIP_REASON =
  'Electron binary not installed (node_modules/electron/dist is missing and cannot be downloaded on this machine); ' +
  'the same flows run in Debian Chromium through the browser host.';
