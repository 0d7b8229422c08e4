/**
 * Tests wait on what the app says, never on the clock (issue 30): no fixed sleep (`waitForTimeout`) and no
 * retry anywhere in tests/, unless the line before says why with "allowed:" — this file holds that rule.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTS = path.resolve(__dirname);
const SELF = path.relative(TESTS, __filename);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.(ts|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

/** Lines using a fixed sleep or a retry, without an "allowed:" reason on the line before. */
export function unjustifiedWaits(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/waitForTimeout\(|\bretries\s*:/.test(line)) return;
      if (/allowed:/.test(lines[i - 1] ?? '')) return;
      out.push(`${path.relative(TESTS, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}

describe('waits in the tests', () => {
  it('no fixed sleep or retry in tests/ without a stated reason', () => {
    const files = sources(TESTS).filter((f) => path.relative(TESTS, f) !== SELF);
    expect(unjustifiedWaits(files)).toEqual([]);
  });

  it('finds a planted sleep and a planted retry, and accepts one with its reason', () => {
    const dir = path.join(TESTS, '..', '.tmp', 'test-waits');
    mkdirSync(dir, { recursive: true });
    try {
      const bad = path.join(dir, 'bad.spec.ts');
      writeFileSync(bad, `await page.waitForTimeout(500);\nexport default { retries: 2 };\n`);
      const good = path.join(dir, 'good.spec.ts');
      writeFileSync(
        good,
        `// allowed: the machine's own clock is what is measured\nawait page.waitForTimeout(5);\n`,
      );
      expect(unjustifiedWaits([bad, good]).map((l) => l.slice(l.indexOf(': ') + 2))).toEqual([
        'await page.waitForTimeout(500);',
        'export default { retries: 2 };',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
