/**
 * The command line Settings shows for the phone software's hooks: the program, and the data folder only
 * when the user moved it. Softphones append the event and their variables (`start --id %CALLID%`); many
 * (Twinkle; MicroSIP and Zoiper on Windows) start it without a shell, splitting it at spaces and keeping
 * any quotes. So the bundled command finds the default folder itself (call.ts), and a line holds a quoted
 * path only when a path has a space — then `needsShell` says so and Settings points to the hook scripts
 * with CALM_LINE_DATA_DIR instead.
 */
import path from 'node:path';

/** Quoted for the platform's shell (and for softphones that split arguments like one). */
export function quoteArg(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[A-Za-z0-9_./:=@+\\-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface CallCommandLine {
  /** `node /…/out/cli/call.js` (browser host) or the packaged app with `--call`; `--data-dir D` if moved. */
  readonly command: string;
  /** A path in it has a space or a quote: a softphone that runs it without a shell would split it there. */
  readonly needsShell: boolean;
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  const resolve = platform === 'win32' ? path.win32.resolve : path.posix.resolve;
  const [x, y] = [resolve(a), resolve(b)];
  return platform === 'win32' || platform === 'darwin'
    ? x.toLowerCase() === y.toLowerCase()
    : x === y;
}

export function callCommandLine(
  program: readonly string[],
  dataDir: string,
  defaultDataDir: string,
  platform: NodeJS.Platform = process.platform,
): CallCommandLine {
  const args = samePath(dataDir, defaultDataDir, platform)
    ? [...program]
    : [...program, '--data-dir', dataDir];
  return {
    command: args.map((a) => quoteArg(a, platform)).join(' '),
    needsShell: args.some((a) => /[\s"']/.test(a)),
  };
}
