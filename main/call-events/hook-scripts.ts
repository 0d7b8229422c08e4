/**
 * The hook scripts Calm Line ships (hooks/ in the repository; `resources/hooks` in the packaged app):
 * calm-line-hook.sh (POSIX sh; with no event it reads Twinkle's TWINKLE_TRIGGER and SIP_* variables),
 * calm-line-hook.cmd and calm-line-hook.ps1 (Windows). Settings names the one for this platform.
 */
import fs from 'node:fs';
import path from 'node:path';

export const HOOKS_FOLDER = 'hooks';

export function hookScriptName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'calm-line-hook.cmd' : 'calm-line-hook.sh';
}

/** The platform's hook script in `hooksDir`, or null when it is not there. */
export function findHookScript(
  hooksDir: string,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string | null {
  const file = path.join(hooksDir, hookScriptName(platform));
  return exists(file) ? file : null;
}
