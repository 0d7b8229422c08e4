/**
 * Runs the shipped command-line programs as users do: the bundle (out/cli/NAME.js, built first when
 * stale, as `npm run` does) under plain node, in a child process, in English unless asked otherwise.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../support/test-audio';
import { buildCli } from '../../../main/cli/bundle/build-cli.mjs';
import { isCliBundleStale } from '../../../main/cli/bundle/cli-bundle-stale.mjs';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Builds out/cli/<name>.js when it is missing or older than its sources. */
export async function ensureCliBundle(name: string): Promise<string> {
  if (isCliBundleStale(PROJECT_ROOT, name)) await buildCli(PROJECT_ROOT, [name]);
  return path.join(PROJECT_ROOT, 'out/cli', `${name}.js`);
}

/**
 * The environment of a run in English, whatever the machine's: the programs' messages for people follow
 * LC_ALL, LC_MESSAGES and LANG (main/i18n/main-locale.ts).
 */
export function languageEnv(lang = 'C.UTF-8'): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang };
}

export function runNode(
  bundle: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = languageEnv(),
): CliRun {
  const r = spawnSync(process.execPath, [bundle, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
