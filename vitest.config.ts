import { defineConfig } from 'vitest/config';
import { modelModules } from './src/integrations/model-modules.ts';

/**
 * Two projects: `unit` runs in seconds with no build; `built` reads the sites that
 * `scripts/build/build-test-sites.ts` wrote to .test-dist/.
 */
export default defineConfig({
  // virtual:fl/* modules, as the site's build generates them from the content model.
  plugins: [modelModules()],
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'built', include: ['tests/built/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
