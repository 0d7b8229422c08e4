/**
 * Issue 28's budget: the languages may add less than 60 KB gzip to what the page loads first. The main
 * chunk of the renderer build (out/renderer, which `npm test` builds before this layer runs) weighed
 * 159.2 KB gzip before react-intl and the catalogues came in (commit 373fe9c); it must stay under
 * 159.2 + 60 KB. The other languages are chunks of their own, loaded when chosen: English is the only
 * catalogue in the main chunk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ASSETS = path.resolve(import.meta.dirname, '../../../out/renderer/assets');
const BEFORE_I18N_GZIP = 159_221;
const BUDGET_GZIP = 60 * 1024;
const gzipped = (file: string) =>
  gzipSync(readFileSync(path.join(ASSETS, file)), { level: 9 }).length;

describe.skipIf(!existsSync(ASSETS))('the renderer bundle with the languages', () => {
  const files = existsSync(ASSETS) ? readdirSync(ASSETS) : [];

  it('grows the main chunk by less than 60 KB gzip', () => {
    const main = files.filter((f) => /^index-.*\.js$/.test(f));
    expect(main).toHaveLength(1);
    expect(gzipped(main[0]) - BEFORE_I18N_GZIP).toBeLessThan(BUDGET_GZIP);
  });

  it('loads each other language as a chunk of its own, and English with the app', () => {
    for (const locale of ['es', 'pt-BR', 'fr', 'de'])
      expect(files.filter((f) => f.startsWith(`${locale}-`) && f.endsWith('.js'))).toHaveLength(1);
    const main = readFileSync(
      path.join(
        ASSETS,
        files.find((f) => /^index-.*\.js$/.test(f))!,
      ),
      'utf8',
    );
    expect(main).toContain('Wait for the pause');
    expect(main).not.toContain('Attendez la pause');
  });
});
