import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isRendererBuildStale,
  newestModificationMs,
} from '../../../main/browser-host/renderer-build';
import { defaultUserDataDir } from '../../../main/storage/user-data-dir';
import { findElectronBinary } from '../../../main/cli/start-electron';
import { request, writeFakeRenderer } from '../support/host-requests';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('launchers');
afterEach(() => dirs.cleanup());

const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
};

describe('npm start without the Electron binary', () => {
  it('explains in one paragraph to run npm run start:browser, and exits non-zero', () => {
    const emptyDist = dirs.make();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/start-electron.ts'], {
      env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: emptyDist }),
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('npm run start:browser');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('finds the binary only when path.txt names a file that exists', () => {
    const pkg = dirs.make();
    expect(findElectronBinary(pkg, {})).toBeUndefined();
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg, {})).toBeUndefined();
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(pkg, {})).toBe(path.join(pkg, 'dist', 'electron'));
  });
});

/** `start-browser.ts` on a small fake renderer build, its stdout and stderr gathered in one string. */
function startBrowserScript(args: string[], extraEnv: Record<string, string>, drop: string[] = []) {
  const root = dirs.make();
  const rendererDir = path.join(root, 'renderer');
  const dataDir = path.join(root, 'data');
  writeFakeRenderer(rendererDir);
  const env = cleanEnv({
    CALM_LINE_RENDERER_DIR: rendererDir,
    CALM_LINE_DATA_DIR: dataDir,
    ...extraEnv,
  });
  for (const name of ['CALM_LINE_NO_BROWSER', 'CALM_LINE_PORT', 'CALM_LINE_BROWSER', ...drop]) {
    if (!(name in extraEnv)) delete env[name];
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/browser-host/start-browser.ts', ...args],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const run = { child, dataDir, root, output: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    ...run,
    get text() {
      return run.output;
    },
    exited,
  };
}

const LINK = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/;

async function printedLink(run: { readonly text: string }): Promise<URL> {
  await expect.poll(() => LINK.test(run.text), { timeout: 30_000 }).toBe(true);
  return new URL(LINK.exec(run.text)![0]);
}

/** The link opens the app: the token buys a session cookie, and the cookie the page. */
async function expectServing(link: URL): Promise<void> {
  const bootstrap = await request(Number(link.port), `/?token=${link.searchParams.get('token')}`);
  expect(bootstrap.status).toBe(200);
  const cookie = (bootstrap.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const page = await request(Number(link.port), '/', { Cookie: cookie });
  expect(page.body).toContain('Calm Line test build');
}

describe('npm run start:browser', () => {
  it('serves the app, prints the link once, and stops cleanly on SIGTERM', async () => {
    const run = startBrowserScript([], { CALM_LINE_NO_BROWSER: '1' });
    const link = await printedLink(run);
    await expectServing(link);
    expect(fs.existsSync(path.join(run.dataDir, 'settings.json'))).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.text.split(link.searchParams.get('token')!).length - 1).toBe(1);
    await expect(request(Number(link.port), '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('--no-browser --port N: serves on that port and only prints the link', async () => {
    const port = await freePort();
    const run = startBrowserScript(['--no-browser', '--port', String(port)], { DISPLAY: ':0' });
    const link = await printedLink(run);
    expect(Number(link.port)).toBe(port);
    await expectServing(link);
    expect(run.text).not.toContain('Opening Calm Line');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('with no display, opens no browser: prints the link with a note and keeps serving', async () => {
    const marker = path.join(dirs.make(), 'browser-was-started');
    const browser = fakeBrowser(`touch '${marker}'; sleep 30`);
    const run = startBrowserScript([], { CALM_LINE_BROWSER: browser }, [
      'DISPLAY',
      'WAYLAND_DISPLAY',
    ]);
    const link = await printedLink(run);
    expect(run.text).toContain('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set)');
    expect(run.text).toContain('on this machine');
    await expectServing(link);
    expect(fs.existsSync(marker)).toBe(false);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('a browser that exits at once with an error: one line says so, the link is printed, the host serves on', async () => {
    const run = startBrowserScript([], { CALM_LINE_BROWSER: fakeBrowser('exit 1'), DISPLAY: ':0' });
    const link = await printedLink(run);
    const said = run.text.split('\n').filter((line) => line.includes('exited'));
    expect(said).toEqual([
      expect.stringMatching(
        /^\[calm-line\] fake-browser exited [\d.]+ s after launch with an error \(exit code 1\)/,
      ),
    ]);
    expect(run.text).not.toContain('stopping');
    await expectServing(link);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('a bad flag is refused with the reason and the usage, exit code 2, before anything starts', async () => {
    for (const args of [
      ['--port', 'eighty'],
      ['--prot', '80'],
    ]) {
      const run = startBrowserScript(args, {});
      expect(await run.exited).toBe(2);
      expect(run.text).toMatch(/"eighty"|"--prot"/);
      expect(run.text).toContain('Usage: npm run start:browser -- [--no-browser] [--port N]');
      expect(fs.existsSync(run.dataDir)).toBe(false);
    }
  });
});

/** A stand-in browser executable: a shell script running `body`. */
function fakeBrowser(body: string): string {
  const file = path.join(dirs.make(), 'fake-browser');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('renderer build freshness', () => {
  it('is stale when index.html is missing or older than any source file', () => {
    const root = dirs.make();
    const source = path.join(root, 'renderer');
    const out = path.join(root, 'out');
    fs.mkdirSync(path.join(source, 'src', 'deep'), { recursive: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(source, 'src', 'deep', 'a.ts'), 'export {};');
    expect(isRendererBuildStale(out, [source])).toBe(true);

    fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html>');
    const old = new Date('2024-01-01T00:00:00Z');
    const newer = new Date('2024-06-01T00:00:00Z');
    fs.utimesSync(path.join(source, 'src', 'deep', 'a.ts'), old, old);
    fs.utimesSync(path.join(out, 'index.html'), newer, newer);
    expect(isRendererBuildStale(out, [source])).toBe(false);
    expect(newestModificationMs([source])).toBe(old.getTime());

    const latest = new Date('2024-09-01T00:00:00Z');
    fs.utimesSync(path.join(source, 'src', 'deep', 'a.ts'), latest, latest);
    expect(isRendererBuildStale(out, [source])).toBe(true);
  });
});

describe('default data folder', () => {
  it('is where Electron keeps userData for "Calm Line"', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/agent')).toBe(
      '/xdg/Calm Line',
    );
    expect(defaultUserDataDir({}, 'linux', '/home/agent')).toBe('/home/agent/.config/Calm Line');
    const relativeXdg = defaultUserDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/agent');
    expect(relativeXdg).toBe('/home/agent/.config/Calm Line');
    expect(defaultUserDataDir({}, 'darwin', '/Users/agent')).toBe(
      '/Users/agent/Library/Application Support/Calm Line',
    );
    expect(
      defaultUserDataDir(
        { APPDATA: 'C:\\Users\\agent\\AppData\\Roaming' },
        'win32',
        'C:\\Users\\agent',
      ),
    ).toBe('C:\\Users\\agent\\AppData\\Roaming\\Calm Line');
  });
});
