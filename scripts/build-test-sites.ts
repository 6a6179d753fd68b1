/**
 * Builds the two sites the tests read: the real content (`.test-dist/site`, with a SITE_URL,
 * as production is built) and the fixture (`.test-dist/fixture`, without one, as a local
 * build is). Run by `npm test` before the tests that need a built site.
 */
import fs from 'node:fs';
import { astroBuild } from '../tests/support/build.ts';
import { prepareFixture } from '../tests/support/fixture.ts';
import { buildLog, FIXTURE_DIST, SITE_DIST, TEST_SITE_URL } from '../tests/support/paths.ts';

const fixture = prepareFixture();
const builds = [
  { name: '真实内容 content/', env: { SITE_OUT_DIR: SITE_DIST, SITE_URL: TEST_SITE_URL } },
  {
    name: '测试夹具 tests/fixtures/site',
    env: {
      SITE_OUT_DIR: FIXTURE_DIST,
      SITE_CONTENT_DIR: fixture.contentDir,
      SITE_PUBLIC_DIR: fixture.publicDir,
    },
  },
];
for (const build of builds) {
  const started = Date.now();
  const result = astroBuild(build.env);
  // Kept for tests that read what the build printed (e.g. the search index's log line).
  fs.writeFileSync(buildLog(build.env.SITE_OUT_DIR), `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`构建失败：${build.name}`);
  }
  console.log(`built ${build.name} → ${build.env.SITE_OUT_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
