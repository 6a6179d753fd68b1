/**
 * The figures of search that forgives (issue 13), for `npm run bench:search`: the pinyin data's
 * size on the large site and the fixture, the time from the first results to a correction and
 * of a second search on the same page (large site), the forgiving and precision hit rates (fixture,
 * tests/search/relevance-forgiving.json), and the spread of the first-result times that
 * search.ts measured against bare Pagefind. Written to docs/benchmarks.md as its own section.
 */
import type { Browser, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PINYIN_FILE } from '../../src/lib/search-pinyin.ts';
import { FIXTURE_DIST, ROOT } from '../../tests/support/paths.ts';
import { enterQuery, judge, searchFromBox, waitForResults, type JudgedQuery } from '../../tests/support/search-page.ts';
import { serveStatic, type StaticServer } from '../../tests/support/static-server.ts';

/** One query's first-result times (ms), every run, site and bare. */
export interface Spread {
  query: string;
  site: number[];
  bare: number[];
}

export interface SiteFigures {
  pinyinBytes: number;
  pinyinGzip: number;
  words: number;
  /** ms from the first results on screen to the correction on screen, each run. */
  toCorrection: number[];
  /** ms from pressing Enter to the new results, for a second search on the same page, each run. */
  second: number[];
  /** The same on the bare Pagefind page, runs interleaved with the site's. */
  secondBare: number[];
  /** The second search typed as a reader types (see `enterQuery`), on the site and on the bare page. */
  secondTyped: number[];
  secondTypedBare: number[];
}

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const spread = (values: number[]) =>
  `${median(values).toFixed(0)}（${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}）`;

function pinyinSize(root: string): { bytes: number; gzip: number; words: number } {
  const file = path.join(root, PINYIN_FILE);
  if (!fs.existsSync(file)) return { bytes: NaN, gzip: NaN, words: NaN };
  const raw = fs.readFileSync(file);
  return {
    bytes: raw.length,
    gzip: gzipSync(raw, { level: 6 }).length,
    words: (JSON.parse(raw.toString()) as { words: string[] }).words.length,
  };
}

/**
 * On the large site: time to a correction (家廷教育 → 家庭教育) and of second searches, with the
 * bare page's second search (same query, opened with 家庭教育) interleaved as its baseline.
 */
export async function forgivingOnSite(
  browser: Browser,
  server: StaticServer,
  root: string,
  bare: StaticServer,
): Promise<SiteFigures> {
  const size = pinyinSize(root);
  const toCorrection: number[] = [];
  const second: number[] = [];
  const secondBare: number[] = [];
  const secondTyped: number[] = [];
  const secondTypedBare: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const query = ['妇联', '巾帼建功', '月亮岛街道'][i % 3]!;
    secondBare.push(await bareSecondSearch(browser, bare, query, false));
    secondTypedBare.push(await bareSecondSearch(browser, bare, query, true));
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('家廷教育')}`);
    const first = await page.waitForFunction(() => {
      const shown = document.querySelector('.fl-search-result, [data-search-empty]:not([hidden])');
      return shown ? performance.now() : undefined;
    });
    const firstAt = (await first.jsonValue()) as number;
    const corrected = await page.waitForFunction(
      () => (document.querySelector('[data-search-correction]:not([hidden])') ? performance.now() : undefined),
      null,
      { timeout: 60_000 },
    );
    toCorrection.push(((await corrected.jsonValue()) as number) - firstAt);
    await waitForResults(page);
    second.push(await timedSearch(page, query, false));
    // Again, typed: a different query first, so nothing of the one just shown is reused.
    await timedSearch(page, '家庭教育', false);
    secondTyped.push(await timedSearch(page, query, true));
    await context.close();
  }
  return {
    pinyinBytes: size.bytes,
    pinyinGzip: size.gzip,
    words: size.words,
    toCorrection,
    second,
    secondBare,
    secondTyped,
    secondTypedBare,
  };
}

/** The bare page opened with a first query, then `query` typed into its box: ms from Enter to its results. */
async function bareSecondSearch(
  browser: Browser,
  server: StaticServer,
  query: string,
  typed: boolean,
): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/?q=${encodeURIComponent('家庭教育')}`);
  await page.waitForFunction(() => document.body.dataset['done'] === '家庭教育');
  const started = await enterQuery(page, query, typed);
  const done = await page.waitForFunction(
    (q) => (document.body.dataset['done'] === q ? performance.now() : undefined),
    query,
    { polling: 'raf' },
  );
  const ms = ((await done.jsonValue()) as number) - started;
  await context.close();
  return ms;
}

/** Puts a query into the page's box (see `enterQuery`): ms from Enter to its results on screen. */
async function timedSearch(page: Page, query: string, typed: boolean): Promise<number> {
  const started = await enterQuery(page, query, typed);
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  await waitForResults(page);
  return (await page.evaluate(() => performance.now())) - started;
}

interface ForgivingSet {
  forgiving: (JudgedQuery & { corrected?: string; suggest?: string })[];
  guards: { q: string }[];
}

/** Forgiving and precision hit rates on the fixture site (built by `npm run test:build`). */
async function fixtureRates(browser: Browser): Promise<string> {
  if (!fs.existsSync(path.join(FIXTURE_DIST, PINYIN_FILE))) return '（未运行：先运行 npm run test:build）';
  const set = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'tests/search/relevance-forgiving.json'), 'utf8'),
  ) as ForgivingSet;
  const server = await serveStatic(FIXTURE_DIST);
  const on = await browser.newPage({ locale: 'zh-CN' });
  const off = await browser.newPage({ locale: 'zh-CN' });
  await off.route('**/search/pinyin.json', (route) => route.abort());
  await on.goto(`${server.url}/search/`);
  await off.goto(`${server.url}/search/`);
  const said = async () => (await on.locator('[data-search-correction]:not([hidden])').allTextContents()).join('');
  let forgiven = 0;
  for (const query of set.forgiving) {
    const results = await searchFromBox(on, query.q);
    const text = await said();
    const ok = query.corrected
      ? text.includes(`已显示“${query.corrected}”`) && judge(query, results).hit
      : text.includes(query.suggest ?? '\u0000') && !text.includes('已显示');
    if (ok) forgiven += 1;
  }
  let same = 0;
  for (const { q } of set.guards) {
    const [a, b] = [await searchFromBox(on, q), await searchFromBox(off, q)];
    if (JSON.stringify(a) === JSON.stringify(b)) same += 1;
  }
  await server.close();
  const fixture = pinyinSize(FIXTURE_DIST);
  return (
    `宽容查询命中 ${forgiven}/${set.forgiving.length}；精确查询结果不变 ${same}/${set.guards.length}（开启与关闭拼音数据对比）。` +
    `测试夹具站点（58 页）的拼音数据：${(fixture.bytes / 1024).toFixed(1)} KB，gzip ${(fixture.gzip / 1024).toFixed(1)} KB，${fixture.words} 个词。`
  );
}

export async function forgivingSection(
  browser: Browser,
  spreads: readonly Spread[],
  site: SiteFigures,
  load: string,
): Promise<string> {
  const rates = await fixtureRates(browser);
  const rows = spreads.map(
    (s) => `| ${s.query} | ${spread(s.site)} | ${spread(s.bare)} | ${(median(s.site) / median(s.bare)).toFixed(2)} |`,
  );
  const count = process.env['BENCH_COUNT'] ?? '5000';
  return `## 宽容搜索：同音字、拼音、首字母（npm run bench:search）

最近一次运行：${new Date().toISOString().slice(0, 10)}，${count} 篇合成文章，每个查询 ${RUNS} 次，本站与基线交替运行，测量时 1 分钟平均负载 ${load}。

- 拼音数据（${PINYIN_FILE}，只在查询的原词在网站上找不到时才下载）：${(site.pinyinBytes / 1024).toFixed(1)} KB，gzip ${(site.pinyinGzip / 1024).toFixed(1)} KB，${site.words} 个词。
- 从第一批结果出现到纠正提示出现（家廷教育 → 家庭教育，含首次下载拼音数据）：中位数 ${spread(site.toCorrection)} ms。
- 同一页面上的第二次搜索（从按回车到结果出现；妇联、巾帼建功、月亮岛街道轮流，页面先搜过别的词）：本站中位数 ${spread(site.second)} ms，基线页面同样操作 ${spread(site.secondBare)} ms（${(median(site.second) / median(site.secondBare)).toFixed(2)} 倍）。这是把搜索词一下子填进搜索框、立刻按回车；像读者那样输入（每 100 ms 一个字，停 300 ms 后按回车，本站在停顿时就开始搜索）：本站中位数 ${spread(site.secondTyped)} ms，基线页面 ${spread(site.secondTypedBare)} ms（${(median(site.secondTyped) / median(site.secondTypedBare)).toFixed(2)} 倍）。
- ${rates}

首批结果时间（ms，中位数（最小–最大））：

| 查询 | 本站 | 基线 | 倍数 |
|---|---:|---:|---:|
${rows.join('\n')}`;
}
