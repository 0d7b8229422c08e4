import { describe, expect, it } from 'vitest';
import { parseStartBrowserOptions } from '../../../main/browser-host/start-browser-options';

const parse = (args: string[], env: NodeJS.ProcessEnv = {}) => parseStartBrowserOptions(args, env);

describe('npm run start:browser options', () => {
  it('opens a browser on a free port when given nothing', () => {
    expect(parse([])).toEqual({ ok: true, options: { openBrowser: true, port: 0, help: false } });
  });

  it('--no-browser and --port N (or --port=N) as flags', () => {
    expect(parse(['--no-browser', '--port', '8080'])).toEqual({
      ok: true,
      options: { openBrowser: false, port: 8080, help: false },
    });
    expect(parse(['--port=3001'])).toMatchObject({
      ok: true,
      options: { openBrowser: true, port: 3001 },
    });
  });

  it('reads CALM_LINE_NO_BROWSER and CALM_LINE_PORT; a flag wins over the environment', () => {
    expect(parse([], { CALM_LINE_NO_BROWSER: '1', CALM_LINE_PORT: '4000' })).toMatchObject({
      ok: true,
      options: { openBrowser: false, port: 4000 },
    });
    expect(parse(['--port', '5000'], { CALM_LINE_PORT: '4000' })).toMatchObject({
      options: { port: 5000 },
    });
    for (const off of ['', '0', 'false', 'no']) {
      expect(parse([], { CALM_LINE_NO_BROWSER: off })).toMatchObject({
        options: { openBrowser: true },
      });
    }
  });

  it('refuses a port that is not a number from 0 to 65535, naming what was given', () => {
    for (const bad of ['abc', '80a', '-1', '65536', '8080.5', ' 80', '']) {
      const result = parse(['--port', bad]);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toContain(`"${bad}"`);
    }
    expect(parse(['--port'])).toEqual({
      ok: false,
      message: '--port needs a number, e.g. --port 8080.',
    });
    expect(parse([], { CALM_LINE_PORT: 'eighty' })).toEqual({
      ok: false,
      message: 'CALM_LINE_PORT must be a port number from 0 to 65535, not "eighty".',
    });
  });

  it('refuses an unknown flag rather than ignoring it', () => {
    expect(parse(['--no-brwoser'])).toEqual({
      ok: false,
      message: 'Unknown option "--no-brwoser".',
    });
    expect(parse(['8080'])).toMatchObject({ ok: false });
  });

  it('--help asks for the usage', () => {
    expect(parse(['--help'])).toMatchObject({ ok: true, options: { help: true } });
    expect(parse(['-h'])).toMatchObject({ ok: true, options: { help: true } });
  });
});
