import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isRendererBuildStale, newestModificationMs } from '../../main/browser-host/renderer-build';
import { defaultUserDataDir } from '../../main/browser-host/user-data-dir';
import { findElectronBinary } from '../../main/cli/start-electron';
import { request, writeFakeRenderer } from './support/host-requests';
import { tempDirs } from './support/temp-dirs';

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

describe('npm run start:browser', () => {
  it('serves the app, prints the link once, and stops cleanly on SIGTERM', async () => {
    const root = dirs.make();
    const rendererDir = path.join(root, 'renderer');
    const dataDir = path.join(root, 'data');
    writeFakeRenderer(rendererDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/browser-host/start-browser.ts'], {
      env: cleanEnv({ CALM_LINE_NO_BROWSER: '1', CALM_LINE_RENDERER_DIR: rendererDir, CALM_LINE_DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.test(output), { timeout: 30_000 }).toBe(true);
    const link = new URL(/http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output)![0]);
    const token = link.searchParams.get('token')!;
    const bootstrap = await request(Number(link.port), `/?token=${token}`);
    expect(bootstrap.status).toBe(200);
    const cookie = (bootstrap.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const page = await request(Number(link.port), '/', { Cookie: cookie });
    expect(page.body).toContain('Calm Line test build');
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.split(token).length - 1).toBe(1);
    await expect(request(Number(link.port), '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

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
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/agent')).toBe('/xdg/Calm Line');
    expect(defaultUserDataDir({}, 'linux', '/home/agent')).toBe('/home/agent/.config/Calm Line');
    const relativeXdg = defaultUserDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/agent');
    expect(relativeXdg).toBe('/home/agent/.config/Calm Line');
    expect(defaultUserDataDir({}, 'darwin', '/Users/agent')).toBe('/Users/agent/Library/Application Support/Calm Line');
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\agent\\AppData\\Roaming' }, 'win32', 'C:\\Users\\agent')).toBe(
      'C:\\Users\\agent\\AppData\\Roaming\\Calm Line',
    );
  });
});
