/**
 * The README's Node versions per path agree with what the packages declare: the project's `engines` for
 * the browser host, the CLIs and the tests; Electron's own `engines` for the desktop app and packaging.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const enginesOf = (file: string) =>
  (JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { engines: { node: string } }).engines
    .node;

describe('README: Node versions', () => {
  it('says what package.json engines say for the browser host, the CLIs and the tests', () => {
    const engines = enginesOf('package.json');
    expect(engines).toBe('>=20');
    expect(readme).toContain(`| 20 or newer | \`engines\` in package.json (\`${engines}\`)`);
  });

  it('says what Electron declares for the desktop app and packaging', () => {
    const electron = enginesOf('node_modules/electron/package.json');
    const version = /(\d+\.\d+)\.0$/.exec(electron)?.[1];
    expect(readme).toContain(`| ${version} or newer | Electron`);
    expect(readme).toContain(`declare \`${electron}\``);
  });
});
