import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against the sites
 * `scripts/build/build-test-sites.ts` built into .test-dist/. Each worker serves them itself.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // A stray test.only would silently skip the rest of the suite in CI.
  forbidOnly: !!process.env['CI'],
  workers: 2,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
