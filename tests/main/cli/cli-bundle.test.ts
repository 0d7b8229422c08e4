/**
 * The command-line programs as shipped: bundles under out/cli run by plain node (no TypeScript at
 * start-up), the npm scripts run them, package.json names them as `bin`. Exit codes as documented.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRIES } from '../../../main/cli/bundle/cli-entries.mjs';
import { PROJECT_ROOT, renderConversation, scratchDir } from '../../support/test-audio';
import { ensureCliBundle, runNode } from './cli-run';

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

describe('the shipped command-line programs', () => {
  const dir = scratchDir('cli-bundle');
  let analyze: string;
  let exportCli: string;
  let callFile: string;

  beforeAll(async () => {
    analyze = await ensureCliBundle('analyze');
    exportCli = await ensureCliBundle('export');
    callFile = renderConversation({
      sampleRate: 16000,
      durationSec: 5,
      utterances: [{ channel: 0, at: 0.5, text: 'Can I speak to a manager?', voice: 'en-us+m3' }],
      noiseDb: [-55, -50],
    });
  });

  it('every program has a bin entry and an npm script that runs its bundle', () => {
    for (const { name } of CLI_ENTRIES) {
      expect(Object.values(pkg.bin)).toContain(`out/cli/${name}.js`);
      expect(pkg.scripts[name]).toBe(`node main/cli/bundle/run-cli.mjs ${name}`);
      const head = readFileSync(path.join(PROJECT_ROOT, 'out/cli', `${name}.js`), 'utf8');
      expect(head.startsWith('#!/usr/bin/env node\n')).toBe(true);
    }
    expect(pkg.scripts.prepare).toMatch(/build-cli\.mjs/);
  });

  it('analyze runs under plain node and gives the document the TypeScript source gives', () => {
    const bundled = runNode(analyze, [callFile], dir);
    expect(bundled.status).toBe(0);
    expect(bundled.stderr).toBe('');
    const fromSource = spawnSync(
      path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [path.join(PROJECT_ROOT, 'main/cli/analyze.ts'), callFile],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(fromSource.status).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(fromSource.stdout));
  });

  it('analyze: exit 2 and one line for a missing file or a bad flag', () => {
    for (const args of [['missing.wav'], [callFile, '--agent', 'middle'], []]) {
      const r = runNode(analyze, args, dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^analyze: /);
    }
  });

  it('export runs under plain node: exit 2 and one line for bad flags', () => {
    const r = runNode(exportCli, ['--format', 'pdf'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
