// @ts-check
/**
 * The layers, lowest first: the one table ESLint enforces (`eslint.config.js`, one
 * `import-x/no-restricted-paths` zone per layer) and the README prints (tests/layers.test.ts keeps both
 * true). A file may import from its own layer and the layers below it, never from one above; a renderer
 * layer never imports the main process's (they meet only through the contract). Every source file is in
 * exactly one layer: a new folder in `main/` is a domain, a new folder in `renderer/src/` a feature, until
 * it is named here.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Folders (and entry files) of main/ with a layer of their own; every other folder is a domain. */
const MAIN_NOT_DOMAINS = ['storage', 'ipc', 'host', 'shell', 'browser-host', 'cli', 'main.ts'];

/** @param {string} dir  @returns {string[]} the sub-folders of a folder, sorted */
function foldersIn(dir) {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {'shared' | 'main' | 'renderer'} process  where it runs: shared code runs in every process
 * @property {string[]} paths  folders and files, from the repository root
 * @property {string} holds  what it holds, in a few words
 */

/** @type {readonly Layer[]} */
export const LAYERS = [
  {
    name: 'engine',
    process: 'shared',
    paths: ['renderer/engine'],
    holds: 'the pure audio engine (no DOM, Node or Electron)',
  },
  {
    name: 'shared rules',
    process: 'shared',
    paths: ['preload/domain'],
    holds: 'rules main, preload and renderer all apply',
  },
  {
    name: 'contract',
    process: 'shared',
    paths: ['preload/contract'],
    holds: 'the IPC contract: methods, schemas, results, the handler type',
  },
  {
    name: 'storage',
    process: 'main',
    paths: ['main/storage'],
    holds: 'the JSON store, the atomic writer, store problems',
  },
  {
    name: 'domains',
    process: 'main',
    paths: foldersIn('main')
      .filter((folder) => !MAIN_NOT_DOMAINS.includes(folder))
      .map((folder) => `main/${folder}`),
    holds: 'a service, its store and its IPC handlers per domain',
  },
  {
    name: 'ipc',
    process: 'main',
    paths: ['main/ipc'],
    holds: 'dispatch: validate, call the handler, never throw',
  },
  {
    name: 'host',
    process: 'main',
    paths: ['main/host'],
    holds: 'one assembly of services and handlers for both hosts, started and closed in one order',
  },
  {
    name: 'entry points and shell',
    process: 'main',
    paths: ['main/main.ts', 'main/shell', 'main/browser-host', 'main/cli', 'preload/preload.ts'],
    holds: 'the Electron shell and entry, the browser host, the CLIs, the preload bridge',
  },
  {
    name: 'renderer features',
    process: 'renderer',
    paths: foldersIn('renderer/src')
      .filter((folder) => folder !== 'app')
      .map((folder) => `renderer/src/${folder}`),
    holds: 'a folder per feature; api/ is the only door to the host',
  },
  {
    name: 'renderer app',
    process: 'renderer',
    paths: ['renderer/src/app', 'renderer/src/main.tsx'],
    holds: 'the app shell that puts the features together',
  },
];

/**
 * The files of the engine the shared layers may import: its public settings and result types. The rest of
 * the engine is the renderer's (and the analyser's) business.
 */
export const ENGINE_PUBLIC_FILES = [
  'renderer/engine/cue-settings.ts',
  'renderer/engine/call-types.ts',
];

/** @param {Layer} importer  @param {Layer} imported */
export function mayImport(importer, imported) {
  if (LAYERS.indexOf(imported) > LAYERS.indexOf(importer)) return false;
  return imported.process === 'shared' || imported.process === importer.process;
}

/** @returns {{ target: string[], from: string[], message: string }[]} one zone per layer */
export function layerZones() {
  return LAYERS.flatMap((layer, index) => {
    const from = LAYERS.filter((other) => !mayImport(layer, other)).flatMap((other) => other.paths);
    if (from.length === 0) return [];
    const allowed = LAYERS.filter((other) => mayImport(layer, other)).map((other) => other.name);
    return [
      {
        target: layer.paths,
        from,
        message: `Layer ${index + 1} (${layer.name}) imports only from: ${allowed.join(', ')}. See README, Architecture.`,
      },
    ];
  });
}

/** The shared layers reach the engine only through its public files. */
export function enginePublicZone() {
  return {
    target: LAYERS.filter((layer) => layer.process === 'shared' && layer.name !== 'engine').flatMap(
      (layer) => layer.paths,
    ),
    from: ['renderer/engine'],
    except: ENGINE_PUBLIC_FILES.map((file) => path.posix.relative('renderer/engine', file)),
    message: `The shared layers import from the engine only ${ENGINE_PUBLIC_FILES.join(' and ')}.`,
  };
}

/** The table the README's architecture section prints between its `layers` markers. */
export function layerTable() {
  const rows = LAYERS.map((layer, index) => {
    const paths = layer.paths.map((p) => `\`${p}\``).join(', ');
    return `| ${index + 1} | ${layer.name} | ${layer.process} | ${paths} | ${layer.holds} |`;
  });
  return ['| # | Layer | Runs in | Folders | Holds |', '|---|---|---|---|---|', ...rows].join('\n');
}
