import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in seconds with no build; `built` reads the sites that
 * `scripts/build-test-sites.ts` wrote to .test-dist/.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'built', include: ['tests/built/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
