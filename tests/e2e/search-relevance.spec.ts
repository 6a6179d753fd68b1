/**
 * The judged relevance set (tests/search/relevance.json) through the real /search/ page of the
 * fixture site, typed into its search box. Prints the hit rate; fails below 95%. Run twice:
 * as a current browser, and as one without Intl.Segmenter (older WeChat/X5, 360 compatibility
 * mode, Firefox < 125), removed from the page and from Pagefind's worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/paths.ts';
import { judge, searchFromBox, withoutSegmenter, type JudgedQuery } from '../support/search-page.ts';
import { expect, test } from '../support/test.ts';

const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/search/relevance.json'), 'utf8')) as {
  queries: JudgedQuery[];
};
const TARGET = 0.95;

for (const mode of ['with Intl.Segmenter', 'without Intl.Segmenter'] as const) {
  test(`relevance set ${mode}: hit rate ≥ 95%`, async ({ page, fixtureUrl }) => {
    test.setTimeout(180_000);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    if (mode === 'without Intl.Segmenter') {
      await withoutSegmenter(page);
      await page.goto(`${fixtureUrl}/search/`);
      expect(await page.evaluate(() => typeof Intl.Segmenter)).toBe('undefined');
    } else {
      await page.goto(`${fixtureUrl}/search/`);
    }
    const misses: string[] = [];
    for (const query of queries) {
      const { hit, why } = judge(query, await searchFromBox(page, query.q));
      if (!hit) misses.push(`  ${query.q}（${query.kind}）: ${why.join('; ')}`);
    }
    const rate = (queries.length - misses.length) / queries.length;
    console.log(
      `search relevance ${mode}: ${queries.length - misses.length}/${queries.length} = ${(rate * 100).toFixed(1)}%` +
        (misses.length ? `\n${misses.join('\n')}` : ''),
    );
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(TARGET);
  });
}
