/**
 * `npm run test:large`: the large-input check of issue 5, kept out of `npm test` because it
 * takes minutes. Builds a synthetic collection of 5,000 entries (tests/support/corpus.ts:
 * 4,000 news, 1,000 notices with 文号) into .test-dist/large and fails unless the build
 * succeeds (content check, link check included) and every entry has its page. Prints how long
 * each step took, and the fixture build's time measured in the same run as the baseline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../tests/support/build.ts';
import { writeCorpus } from '../../tests/support/corpus.ts';
import { prepareFixture } from '../../tests/support/fixture.ts';
import { ROOT, TEST_DIST } from '../../tests/support/paths.ts';
import { astroCacheDir } from '../../src/build/cache-dir.ts';

const COUNT = Number(process.env['LARGE_COUNT'] ?? 5000);
const src = path.join(TEST_DIST, 'large-src');
const out = path.join(TEST_DIST, 'large');
const publicDir = path.join(ROOT, 'public');

function timed<T>(label: string, run: () => T): { value: T; seconds: number } {
  const started = Date.now();
  const value = run();
  const seconds = (Date.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(1)} s`);
  return { value, seconds };
}

function build(label: string, env: Parameters<typeof buildSite>[0]) {
  // A cold build each time, as CI and a fresh clone see it.
  fs.rmSync(astroCacheDir(env.SITE_OUT_DIR), { recursive: true, force: true });
  const { value: result, seconds } = timed(label, () => buildSite(env));
  if (result.status !== 0) {
    console.error(result.stdout.slice(-5000), result.stderr.slice(-5000));
    throw new Error(`${label} failed`);
  }
  return seconds;
}

fs.mkdirSync(TEST_DIST, { recursive: true });
const fixture = prepareFixture();
const baseline = build('baseline: fixture build (tests/fixtures/site)', {
  SITE_OUT_DIR: path.join(TEST_DIST, 'large-baseline'),
  SITE_CONTENT_DIR: fixture.contentDir,
  SITE_PUBLIC_DIR: fixture.publicDir,
});
timed(`write ${COUNT} entries`, () => {
  writeCorpus({ count: COUNT, dir: path.join(src, 'content') });
  // The about page links to the one real notice.
  fs.copyFileSync(
    path.join(ROOT, 'content/notices/wangfufa-2024-1.md'),
    path.join(src, 'content/notices/wangfufa-2024-1.md'),
  );
});
const large = build(`build ${COUNT} entries`, {
  SITE_OUT_DIR: out,
  SITE_CONTENT_DIR: path.join(src, 'content'),
  SITE_PUBLIC_DIR: publicDir,
});

let missing = 0;
let pages = 0;
for (const collection of ['news', 'notices']) {
  for (const name of fs.readdirSync(path.join(src, 'content', collection))) {
    if (name === 'wangfufa-2024-1.md') continue;
    pages += 1;
    if (!fs.existsSync(path.join(out, collection, name.replace(/\.md$/, ''), 'index.html'))) missing += 1;
  }
}
const html = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
console.log(`${pages} entries, ${html} HTML pages written, ${missing} entry pages missing`);
console.log(`large build / fixture build: ${(large / baseline).toFixed(1)}×`);
if (missing > 0 || pages !== COUNT) throw new Error(`${missing} of ${pages} entry pages missing`);
console.log('1 passed, 0 failed');
