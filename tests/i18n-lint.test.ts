/**
 * The lint rule against words written in JSX (i18n-lint.js) is on in the whole renderer: planted here
 * through ESLint's Node API in each of its folders — and in a folder no screen has yet — a literal is
 * reported: as text, as a string child, inside a conditional, in an attribute people hear.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../layers.js';
import { TRANSLATED_PATHS } from '../i18n-lint.js';

const RULE = 'calm-line-i18n/no-jsx-literal-text';
const eslint = new ESLint({ cwd: ROOT });

async function reported(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

/** A file to plant in a translated place: beside a translated file, or in a translated folder. */
function plantedIn(translated: string): string {
  return /\.tsx?$/.test(translated)
    ? path.posix.join(path.posix.dirname(translated), 'Planted.tsx')
    : `${translated}/Planted.tsx`;
}
function plantedCode(translated: string): string {
  // A translated file's own name, so a file-granular entry is what is being linted.
  const file = /\.tsx?$/.test(translated) ? path.posix.basename(translated) : 'Planted.tsx';
  return `// ${file}\nexport const Planted = () => <p>Wait for the pause</p>;\n`;
}

describe('no user-visible words written in JSX', () => {
  it('lists only places that exist', () => {
    expect(TRANSLATED_PATHS.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it.each(TRANSLATED_PATHS.map((p) => [p]))('reports a planted literal in %s', async (place) => {
    const filePath = /\.tsx?$/.test(place) ? place : plantedIn(place);
    const errors = await reported(filePath, plantedCode(place));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"Wait for the pause"');
  });

  it('reports string children, conditionals, template literals and heard attributes', async () => {
    const code = [
      'export const P = ({ a, n }: { a: boolean; n: number }) => (',
      '  <section aria-label="Cue" title={`Back (${n})`} data-testid="not-words">',
      "    {'Try again'}",
      "    {a ? 'Swap them' : 'Check the microphone'}",
      "    {a && 'Learning'}",
      '    {`${n} open`}',
      '    <input placeholder="What matters…" className="words-here-are-fine" />',
      '  </section>',
      ');',
    ].join('\n');
    const errors = await reported('renderer/src/live-coach/Planted.tsx', code);
    expect(errors).toHaveLength(8);
    expect(errors.filter((e) => e.includes('attribute'))).toHaveLength(3);
  });

  it('leaves symbols, numbers, the product name and catalogue messages alone', async () => {
    const code = [
      "import { FormattedMessage } from 'react-intl';",
      'export const P = ({ n }: { n: number }) => (',
      '  <p title={String(n)}>',
      '    <strong>Calm Line</strong> — {n} · × {"12:30"}',
      '    <FormattedMessage id="coach.on-hold" />',
      '  </p>',
      ');',
    ].join('\n');
    expect(await reported('renderer/src/live-coach/Planted.tsx', code)).toEqual([]);
  });

  it('is on in every folder of the renderer, and in a screen added tomorrow', async () => {
    const folders = readdirSync(path.join(ROOT, 'renderer/src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `renderer/src/${entry.name}`);
    expect(folders).toContain('renderer/src/app');
    for (const folder of [...folders, 'renderer/src/a-new-screen'])
      expect(await reported(`${folder}/Planted.tsx`, plantedCode(folder)), folder).toHaveLength(1);
  });
});
