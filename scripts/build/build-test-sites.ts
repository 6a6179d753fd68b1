/**
 * Builds the sites the tests read: the real content (`.test-dist/site`, with a SITE_URL,
 * as production is built), the fixture (`.test-dist/fixture`, without one, as a local
 * build is), and the fixture with hostile markup and a 600 KB article added
 * (`.test-dist/hostile`, tests/fixtures/bad/must-build; with a SITE_URL, so its drafts meet
 * a feed and a sitemap). Run by `npm test` before the tests
 * that need a built site.
 */
import fs from 'node:fs';
import { prepareMustBuild } from '../../tests/support/bad-input.ts';
import { buildSite } from '../../tests/support/build.ts';
import { prepareFixture } from '../../tests/support/fixture.ts';
import { importWordFixtures } from '../../tests/support/word-import-site.ts';
import {
  buildLog,
  FIXTURE_DIST,
  HOSTILE_DIST,
  HOSTILE_SRC,
  SITE_DIST,
  TEST_SITE_URL,
} from '../../tests/support/paths.ts';

const fixture = prepareFixture();
const hostile = prepareMustBuild(HOSTILE_SRC);
// Word documents imported as npm run import:docx does (tests/built/word-import.test.ts).
await importWordFixtures(hostile.contentDir, hostile.publicDir);
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
  {
    name: '恶意标记与超长文章 tests/fixtures/bad/must-build',
    // With a SITE_URL, so the build that has drafts also writes rss.xml and the XML sitemap:
    // tests/built/drafts.test.ts proves no draft reaches them.
    env: {
      SITE_OUT_DIR: HOSTILE_DIST,
      SITE_CONTENT_DIR: hostile.contentDir,
      SITE_PUBLIC_DIR: hostile.publicDir,
      SITE_URL: TEST_SITE_URL,
    },
  },
];
for (const build of builds) {
  const started = Date.now();
  const result = buildSite(build.env);
  // Kept for tests that read what the build printed (e.g. the search index's log line).
  fs.writeFileSync(buildLog(build.env.SITE_OUT_DIR), `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`构建失败：${build.name}`);
  }
  console.log(`built ${build.name} → ${build.env.SITE_OUT_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
