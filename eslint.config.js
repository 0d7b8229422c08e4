// Lint for every process boundary. `npm run lint` (and `npm test`) run it; Prettier formats.
// Beyond the recommended rules, four house rules are enforced here:
//   - the layers (layers.js, printed in the README): a file imports only from its own layer and the ones
//     below, in every subfolder — one import-x/no-restricted-paths zone per layer;
//   - no import cycles (import-x/no-cycle);
//   - `electron` (and electron-store, which loads it) only in the shell: main/shell/, the Electron entry
//     main/main.ts, and the preload;
//   - the engine stays pure: renderer/engine imports no Node module (and, by the layers, nothing above it);
//   - no user-visible words written in JSX where the app is translated (i18n-lint.js: TRANSLATED_PATHS).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { ROOT, enginePublicZone, layerZones } from './layers.js';
import { i18nPlugin, translatedFiles } from './i18n-lint.js';

const electronOnlyInShell = {
  paths: [
    {
      name: 'electron',
      message: 'Electron is imported only in main/shell/, main/main.ts and the preload.',
    },
    {
      name: 'electron-store',
      message: 'electron-store loads Electron: use it from main/shell/ only.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', '.tmp/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [...layerZones(), enginePublicZone()] },
      ],
      'no-restricted-imports': ['error', electronOnlyInShell],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Plain JavaScript build and launch scripts run in Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['main/shell/**/*.ts', 'main/main.ts', 'preload/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInShell,
          patterns: [{ group: ['node:*'], message: 'The engine is pure: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks and complete effect dependencies. The React Compiler's diagnostics (refs,
    // set-state-in-effect, immutability) are not enabled: the app does not use the compiler, and it reads
    // the latest props through refs on purpose (meters and cues bypass React; see the README).
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: translatedFiles(),
    plugins: { 'calm-line-i18n': i18nPlugin },
    rules: { 'calm-line-i18n/no-jsx-literal-text': 'error' },
  },
);
