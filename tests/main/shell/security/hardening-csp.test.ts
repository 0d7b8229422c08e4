/**
 * The Content-Security-Policy as the app actually gets it: the header the app:// protocol handler sends
 * with every response (files and errors), and the <meta> policy in renderer/index.html. Scripts come
 * from the app only — no inline script, no eval — in both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../main/shell/protocol/app-protocol-handler';
import { REPO_ROOT } from '../../../e2e/support/paths';

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that govern scripts: script-src (and its -elem/-attr forms), else default-src. */
function scriptSources(policy: Policy): string[][] {
  const fallback = policy.get('script-src') ?? policy.get('default-src');
  expect(fallback, 'a policy without script-src or default-src allows any script').toBeDefined();
  return [fallback!, policy.get('script-src-elem') ?? [], policy.get('script-src-attr') ?? []];
}

function expectNoUnsafeScripts(policy: Policy): void {
  for (const sources of scriptSources(policy)) {
    for (const source of sources) {
      // 'wasm-unsafe-eval' compiles WebAssembly only (the engine's SIMD loop, the decoders), never JS.
      expect(["'self'", "'none'", "'wasm-unsafe-eval'"], `script source ${source}`).toContain(
        source,
      );
    }
    expect(sources.join(' ')).not.toMatch(/'unsafe-|\*|data:|blob:|https?:/);
  }
  expect(policy.get('object-src')).toEqual(["'none'"]);
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(match, 'index.html has a CSP meta tag').not.toBeNull();
  return match![1]!;
}

describe('CSP served by the app:// protocol', () => {
  const handle = createAppProtocolHandler(path.join(REPO_ROOT, 'renderer'));

  it('sends a policy with scripts from the app only, no inline script and no eval', async () => {
    const response = await handle(new Request('app://calm-line/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = parsePolicy(response.headers.get('content-security-policy') ?? '');
    expectNoUnsafeScripts(policy);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['a missing file', new Request('app://calm-line/nothing-here.js')],
    ['a path leaving the folder', new Request('app://calm-line/..%2f..%2fpackage.json')],
    ['another host', new Request('app://elsewhere/index.html')],
    ['a POST', new Request('app://calm-line/index.html', { method: 'POST', body: 'x' })],
  ])('sends the same policy with the error for %s', async (_label, request) => {
    const response = await handle(request);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).toBe('');
    expectNoUnsafeScripts(parsePolicy(response.headers.get('content-security-policy') ?? ''));
  });
});

describe('CSP in the page itself', () => {
  it('renderer/index.html allows no inline script and no eval', () => {
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    expectNoUnsafeScripts(parsePolicy(metaPolicy(html)));
  });

  const built = path.join(REPO_ROOT, 'out/renderer/index.html');
  it.skipIf(!fs.existsSync(built))(
    'the built index.html keeps the policy and has no inline script or handler',
    () => {
      const html = fs.readFileSync(built, 'utf8');
      expectNoUnsafeScripts(parsePolicy(metaPolicy(html)));
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag, 'every script is an external file').toMatch(
          /^<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>$/i,
        );
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    },
  );
});
