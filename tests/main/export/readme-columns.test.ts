import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownColumnTable } from '../../../main/export/export-columns';

describe('README', () => {
  it('lists the CSV export columns exactly as the exporter writes them', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = /<!-- csv-columns:start -->\n([\s\S]*?)\n<!-- csv-columns:end -->/.exec(
      readme,
    )?.[1];
    expect(table?.trim()).toBe(markdownColumnTable().trim());
  });
});
