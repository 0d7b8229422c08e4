/**
 * The layer table (layers.js) is the README's and ESLint's: every source file is in exactly one layer, the
 * README prints the table as it is, and ESLint reports an import from a layer above in every layer — planted
 * here through ESLint's Node API, so a zone that stops matching (a renamed folder, a new subfolder) fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ENGINE_PUBLIC_FILES, LAYERS, ROOT, layerTable } from '../layers.js';

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const sourceFiles = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', 'main', 'preload', 'renderer'],
  { cwd: ROOT, encoding: 'utf8' },
)
  .split('\n')
  .filter((file) => SOURCE.test(file));

const inPath = (file: string, p: string) => file === p || file.startsWith(`${p}/`);
const layersOf = (file: string) =>
  LAYERS.filter((layer) => layer.paths.some((p) => inPath(file, p)));

/** A real source file of a layer, and a folder of it to plant a file in. */
function fileIn(layer: (typeof LAYERS)[number]): string {
  const file = sourceFiles.find((f) => /\.tsx?$/.test(f) && layersOf(f)[0] === layer);
  if (!file) throw new Error(`layer ${layer.name} has no source file`);
  return file;
}
function plantedFileIn(layer: (typeof LAYERS)[number]): string {
  return path.posix.join(path.posix.dirname(fileIn(layer)), 'planted-import.ts');
}
function importOf(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.tsx?$/, '');
  return `import '${relative.startsWith('.') ? relative : `./${relative}`}';\n`;
}

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { rules: { 'import-x/no-cycle': 'off' } },
});
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages
    .filter((message) => message.ruleId === 'import-x/no-restricted-paths')
    .map((message) => message.message);
}

describe('the layer table', () => {
  it('puts every source file in exactly one layer', () => {
    const misplaced = sourceFiles
      .map((file) => ({ file, layers: layersOf(file).map((layer) => layer.name) }))
      .filter(({ layers }) => layers.length !== 1);
    expect(misplaced).toEqual([]);
  });

  it('is printed in the README as it is', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- layers:start -->\n([\s\S]*?)\n<!-- layers:end -->/.exec(readme);
    expect(block?.[1]).toBe(layerTable());
  });
});

describe('ESLint reports an import from a higher layer', () => {
  it.each(LAYERS.slice(0, -1).map((layer, index) => [layer.name, index] as const))(
    'in the %s layer',
    async (_name, index) => {
      const planted = plantedFileIn(LAYERS[index]);
      const errors = await layerErrors(planted, importOf(planted, fileIn(LAYERS[index + 1])));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`Layer ${index + 1} (${LAYERS[index].name})`);
    },
  );

  it('in the top layer, from the other process (the renderer app importing main)', async () => {
    const top = LAYERS[LAYERS.length - 1];
    const mainHost = LAYERS.find((layer) => layer.name === 'host')!;
    const planted = plantedFileIn(top);
    const errors = await layerErrors(planted, importOf(planted, fileIn(mainHost)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`(${top.name})`);
  });

  it('in the shared layers, for an engine file that is not public', async () => {
    const contract = LAYERS.find((layer) => layer.name === 'contract')!;
    const planted = plantedFileIn(contract);
    const publicFile = ENGINE_PUBLIC_FILES[0];
    const privateFile = sourceFiles.find(
      (f) => inPath(f, 'renderer/engine') && f.endsWith('.ts') && !ENGINE_PUBLIC_FILES.includes(f),
    )!;
    expect(await layerErrors(planted, importOf(planted, publicFile))).toEqual([]);
    expect(await layerErrors(planted, importOf(planted, privateFile))).toHaveLength(1);
  });

  it('and none for an import downwards', async () => {
    const top = LAYERS[LAYERS.length - 1];
    const planted = plantedFileIn(top);
    expect(await layerErrors(planted, importOf(planted, fileIn(LAYERS[0])))).toEqual([]);
  });
});
