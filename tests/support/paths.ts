/** Where the test builds live. Both are built once by `scripts/build/build-test-sites.ts`. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TEST_DIST = path.join(ROOT, '.test-dist');
/** The real content of `content/`, built as it would be published. */
export const SITE_DIST = path.join(TEST_DIST, 'site');
/** The fixture site: `tests/fixtures/site` plus generated notices for pagination. */
export const FIXTURE_DIST = path.join(TEST_DIST, 'fixture');
export const FIXTURE_SRC = path.join(TEST_DIST, 'fixture-src');
/** The address the test builds are given as SITE_URL; tests compare paths, not hosts. */
export const TEST_SITE_URL = 'https://wangcheng-fulian.test';
/** The fixture site plus the must-build cases of tests/fixtures/bad (hostile markup, a 600 KB article). */
export const HOSTILE_DIST = path.join(TEST_DIST, 'hostile');
export const HOSTILE_SRC = path.join(TEST_DIST, 'hostile-src');

/** What the build (`npm run build`) printed for a test build (written by scripts/build/build-test-sites.ts). */
export const buildLog = (dist: string): string => `${dist}.build.log`;
