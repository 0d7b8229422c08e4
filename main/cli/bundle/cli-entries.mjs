// @ts-check
/**
 * The command-line programs shipped as bundles: each entry is built by esbuild into out/cli/<name>.js (ESM,
 * run by plain `node`, no TypeScript compiler at start-up) with its lazily imported parts (decoders, the
 * spreadsheet writer) split into chunks under out/cli/chunks/ that load only when used. To ship another
 * command, add it here and give it an npm script (`node main/cli/bundle/run-cli.mjs NAME`) and a `bin`
 * entry in package.json.
 */
export const CLI_ENTRIES = [
  { name: 'analyze', entry: 'main/cli/analyze.ts' },
  { name: 'export', entry: 'main/cli/export.ts' },
  { name: 'call', entry: 'main/cli/call.ts' },
  { name: 'audio', entry: 'main/cli/audio.ts' },
];

/** Where the bundles go, relative to the project root. */
export const CLI_OUT_DIR = 'out/cli';
