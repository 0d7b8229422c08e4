import { defineConfig } from '@playwright/test';

// End-to-end specs drive the built renderer in Debian's Chromium through the browser host (real services,
// temporary data folders) with Chromium's fake capture playing generated calls. Audio timing is measured,
// so specs run one at a time on these two-core machines.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
});
