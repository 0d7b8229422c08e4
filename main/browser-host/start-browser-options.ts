/**
 * What `npm run start:browser` was asked to do: its flags (`npm run start:browser -- --no-browser --port 8080`)
 * over its environment variables (CALM_LINE_NO_BROWSER, CALM_LINE_PORT). Pure: the caller prints the
 * message of a refusal and exits 2.
 */

export interface StartBrowserOptions {
  /** Open the app in an installed Chromium/Chrome (false: only print the link). */
  readonly openBrowser: boolean;
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly help: boolean;
}

export type StartBrowserOptionsResult =
  | { readonly ok: true; readonly options: StartBrowserOptions }
  | { readonly ok: false; readonly message: string };

export const START_BROWSER_USAGE = [
  'Usage: npm run start:browser -- [--no-browser] [--port N]',
  '  --no-browser  do not open a browser window; print the link to open instead (CALM_LINE_NO_BROWSER=1)',
  '  --port N      listen on 127.0.0.1:N instead of a free port (CALM_LINE_PORT=N)',
  '  --help        show this help',
].join('\n');

/** An integer 0–65535 written in decimal digits, or undefined. */
function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** Set and not one of the usual ways of saying "off". */
function envFlagOn(value: string | undefined): boolean {
  return (
    value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase())
  );
}

export function parseStartBrowserOptions(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): StartBrowserOptionsResult {
  let openBrowser = !envFlagOn(env.CALM_LINE_NO_BROWSER);
  let help = false;
  let port = 0;
  if (env.CALM_LINE_PORT !== undefined && env.CALM_LINE_PORT !== '') {
    const fromEnv = parsePort(env.CALM_LINE_PORT);
    if (fromEnv === undefined) {
      return {
        ok: false,
        message: `CALM_LINE_PORT must be a port number from 0 to 65535, not "${env.CALM_LINE_PORT}".`,
      };
    }
    port = fromEnv;
  }

  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--no-browser') openBrowser = false;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      if (value === undefined)
        return { ok: false, message: '--port needs a number, e.g. --port 8080.' };
      const fromFlag = parsePort(value);
      if (fromFlag === undefined) {
        return {
          ok: false,
          message: `--port must be a port number from 0 to 65535, not "${value}".`,
        };
      }
      port = fromFlag;
    } else {
      return { ok: false, message: `Unknown option "${arg}".` };
    }
  }
  return { ok: true, options: { openBrowser, port, help } };
}
