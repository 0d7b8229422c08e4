/**
 * The browser host's export downloads on a real HTTP server: a finished export is served once, with its
 * name in Content-Disposition, then gone; unfinished, abandoned, unclaimed and made-up links answer 404;
 * and through the real browser host, a link without the session cookie is refused.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contentDisposition,
  createExportDownloads,
  type ExportDownloads,
} from '../../../main/browser-host/export-downloads';
import { startBrowserHost } from '../../../main/browser-host/browser-host';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('export-downloads');
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  dirs.cleanup();
});

async function serve(downloads: ExportDownloads): Promise<string> {
  const server = http.createServer((request, response) => {
    if (!downloads.serve(request, response, { 'X-Content-Type-Options': 'nosniff' })) {
      response.writeHead(418);
      response.end();
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

async function get(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

describe('export downloads', () => {
  it('serves a finished export once, named, and deletes it', async () => {
    const dataDir = dirs.make();
    const downloads = createExportDownloads(dataDir);
    const base = await serve(downloads);
    const target = await downloads.targets.choose(
      'calm-line-sessions_Zoë_2026-01-01_2026-01-31.csv',
      'csv',
    );
    expect(target?.delivery.kind).toBe('download');
    if (!target || target.delivery.kind !== 'download') return;
    expect(path.dirname(target.filePath)).toBe(path.join(dataDir, 'exports-pending'));
    fs.writeFileSync(target.filePath, '\uFEFFsession_id\r\nabc\r\n');

    // Not complete yet: nothing to download.
    expect((await get(base + target.delivery.url)).status).toBe(404);
    downloads.targets.completed?.(target);
    const first = await get(base + target.delivery.url);
    expect(first.status).toBe(200);
    expect(first.body.toString('utf8')).toBe('\uFEFFsession_id\r\nabc\r\n');
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="calm-line-sessions_Zo__2026-01-01_2026-01-31.csv"; filename*=UTF-8''calm-line-sessions_Zo%C3%AB_2026-01-01_2026-01-31.csv`,
    );
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(base + target.delivery.url)).status).toBe(404);
    await expect.poll(() => fs.existsSync(target.filePath)).toBe(false);
  });

  it('an abandoned export, an unclaimed one after its time, and made-up tokens answer 404 and leave no file', async () => {
    const dataDir = dirs.make();
    const downloads = createExportDownloads(dataDir, { unclaimedMs: 50 });
    const base = await serve(downloads);
    const abandoned = (await downloads.targets.choose('a.json', 'json'))!;
    fs.writeFileSync(abandoned.filePath, '{}');
    downloads.targets.abandoned?.(abandoned);
    const unclaimed = (await downloads.targets.choose('b.xlsx', 'xlsx'))!;
    fs.writeFileSync(unclaimed.filePath, 'PK');
    downloads.targets.completed?.(unclaimed);
    await expect.poll(() => fs.readdirSync(path.join(dataDir, 'exports-pending'))).toEqual([]);
    for (const t of [abandoned, unclaimed]) {
      if (t.delivery.kind === 'download')
        expect((await get(base + t.delivery.url)).status).toBe(404);
    }
    expect((await get(`${base}/export-download/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await get(`${base}/export-download/../../settings.json`)).status).toBe(418);
    expect((await get(`${base}/export-download/%2e%2e%2fsettings.json`)).status).toBe(404);
    expect((await get(`${base}/index.html`)).status).toBe(418);
  });

  it('pending files from an earlier run are cleared at start and on close', () => {
    const dataDir = dirs.make();
    const pending = path.join(dataDir, 'exports-pending');
    fs.mkdirSync(pending);
    fs.writeFileSync(path.join(pending, 'left-over.csv'), 'x');
    const downloads = createExportDownloads(dataDir);
    expect(fs.readdirSync(pending)).toEqual([]);
    downloads.close();
    expect(fs.existsSync(pending)).toBe(false);
  });

  it('the real browser host refuses a download link without the session cookie', async () => {
    const host = await startBrowserHost({ dataDir: dirs.make(), port: 0 });
    try {
      const response = await fetch(`${host.origin}/export-download/${'a'.repeat(64)}`);
      expect(response.status).toBe(401);
    } finally {
      await host.close();
    }
  });

  it('content-disposition keeps ASCII names and encodes the rest', () => {
    expect(contentDisposition('a b.csv')).toBe(
      `attachment; filename="a b.csv"; filename*=UTF-8''a%20b.csv`,
    );
    expect(contentDisposition('x"y.csv')).toBe(
      `attachment; filename="x_y.csv"; filename*=UTF-8''x%22y.csv`,
    );
  });
});
