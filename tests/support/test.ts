/**
 * Playwright's `test`, with the built sites served per worker: `fixtureUrl` (the fixture
 * content) and `siteUrl` (the real content).
 */
import { test as base } from '@playwright/test';
import { FIXTURE_DIST, SITE_DIST } from './paths.ts';
import { serveStatic } from './static-server.ts';

export const test = base.extend<object, { fixtureUrl: string; siteUrl: string }>({
  fixtureUrl: [
    async ({}, use) => {
      const server = await serveStatic(FIXTURE_DIST);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  siteUrl: [
    async ({}, use) => {
      const server = await serveStatic(SITE_DIST);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
