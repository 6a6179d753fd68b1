/**
 * Playwright's `test`, with the built sites served per worker: `fixtureUrl` (the fixture
 * content), `siteUrl` (the real content) and `hostileUrl` (the must-build bad input).
 */
import { test as base } from '@playwright/test';
import { FIXTURE_DIST, HOSTILE_DIST, SITE_DIST } from './paths.ts';
import { serveStatic } from './static-server.ts';

/** A worker fixture's definition: its function and its scope (a mutable tuple, as Playwright's types want). */
type WorkerFixture = [(fixtures: object, use: (url: string) => Promise<void>) => Promise<void>, { scope: 'worker' }];

/** A worker-scoped fixture that serves a built folder for the worker's lifetime. */
function served(dist: string): WorkerFixture {
  return [
    async ({}, use) => {
      const server = await serveStatic(dist);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<object, { fixtureUrl: string; siteUrl: string; hostileUrl: string }>({
  fixtureUrl: served(FIXTURE_DIST),
  siteUrl: served(SITE_DIST),
  /** The fixture plus hostile markup and a 600 KB article (tests/fixtures/bad/must-build). */
  hostileUrl: served(HOSTILE_DIST),
});

export { expect } from '@playwright/test';
