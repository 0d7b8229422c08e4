/**
 * WebAssembly is allowed to one script only: the "Open a recorded call…" analysis worker (it decodes MP3,
 * Ogg Opus and FLAC with wasm decoders). Both hosts send that worker's script with 'wasm-unsafe-eval' in
 * script-src (a dedicated worker's policy is its own script's), and every page and other script —
 * the coach worklet, the meter worker, the app's bundles — without it. Nothing gets JavaScript eval.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  policyForPath,
} from '../../../../main/host/content-security-policy';
import { createAppProtocolHandler } from '../../../../main/shell/protocol/app-protocol-handler';

const scriptSrc = (policy: string) =>
  /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1].split(' ') ?? [];

describe('WebAssembly for the recorded-call worker only', () => {
  const csp = buildContentSecurityPolicy();

  it('adds wasm-unsafe-eval to the analysis worker, and nothing else to anything', () => {
    expect(scriptSrc(policyForPath('/assets/recorded-call.worker-Cv_gpmWX.js', csp))).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
    ]);
    for (const other of [
      '/',
      '/index.html',
      '/assets/index-3Ob33Jy0.js',
      '/assets/meter-worker-bBqk38zl.js',
      '/assets/coach-worklet-BOdME4Sh.js',
      '/assets/import-worker-DVLB6fw0.js',
      '/assets/recorded-call.worker-Cv_gpmWX.js.map',
      '/x/assets/recorded-call.worker-Cv_gpmWX.js',
    ])
      expect(policyForPath(other, csp), other).toBe(csp);
    expect(policyForPath('/assets/recorded-call.worker-Cv_gpmWX.js', csp)).not.toMatch(
      /'unsafe-eval'/,
    );
  });

  it('the app:// protocol sends it with the worker and not with the page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calm-csp-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'assets/recorded-call.worker-abc_123.js'), 'postMessage(1);');
    writeFileSync(path.join(dir, 'assets/meter-worker-abc_123.js'), 'postMessage(1);');
    const handle = createAppProtocolHandler(dir);
    const policy = async (p: string) =>
      (await handle(new Request(`app://calm-line${p}`))).headers.get('content-security-policy') ??
      '';
    expect(scriptSrc(await policy('/assets/recorded-call.worker-abc_123.js'))).toContain(
      "'wasm-unsafe-eval'",
    );
    expect(scriptSrc(await policy('/index.html'))).toEqual(["'self'"]);
    expect(scriptSrc(await policy('/assets/meter-worker-abc_123.js'))).toEqual(["'self'"]);
  });
});
