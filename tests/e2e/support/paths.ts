import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'out/renderer');
export const CHROMIUM_PATH = process.env.CALM_LINE_CHROMIUM ?? '/usr/bin/chromium';
export const E2E_TMP = path.join(REPO_ROOT, '.tmp/e2e');
