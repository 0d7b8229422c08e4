/**
 * The app:// protocol (main/shell/protocol/app-protocol-handler.ts) as the desktop app's window loads
 * through it: the built renderer's files byte for byte with their types, and nothing else — no other
 * host, no method but GET, no file outside the renderer's folder. (Its CSP: ../security/hardening-csp.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../main/shell/protocol/app-protocol-handler';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs('app-protocol');
afterEach(() => dirs.cleanup());

function builtRenderer() {
  const root = dirs.make();
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Calm Line</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("coach");');
  fs.writeFileSync(path.join(root, 'settings.json'), '{"profile":{"agentName":"Sam"}}');
  return { root, rendererDir, handle: createAppProtocolHandler(rendererDir) };
}

describe('app://calm-line', () => {
  it('serves the page and its scripts as built, each with its type', async () => {
    const { handle } = builtRenderer();
    const page = await handle(new Request('app://calm-line/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe('<!doctype html><title>Calm Line</title>');

    const script = await handle(new Request('app://calm-line/assets/app.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toBe('console.log("coach");');
  });

  it.each([
    ['a file beside the renderer', 'app://calm-line/..%2fsettings.json'],
    ['a file that is not there', 'app://calm-line/assets/missing.js'],
    ['another host', 'app://elsewhere/index.html'],
  ])('gives nothing for %s', async (_what, url) => {
    const { handle } = builtRenderer();
    const response = await handle(new Request(url));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('agentName');
  });

  it('answers only GET', async () => {
    const { handle } = builtRenderer();
    const response = await handle(
      new Request('app://calm-line/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });
});
