/**
 * `npm run bench:search`: what the first search costs a citizen, against a bare Pagefind index
 * of the same content measured in the same run.
 *
 * 1. Writes the synthetic corpus of 5,000 Chinese articles (tests/support/corpus.ts, plus the
 *    one real notice the about page links to) and builds the site from it; writes the same
 *    articles as plain HTML pages (title, 文号, summary, paragraphs) and runs Pagefind over them
 *    with a minimal search page: the baseline.
 * 2. In Chromium, for each query and each site, with an empty cache: opens the search page with
 *    the query and measures the bytes the server sent until the first results (counted at the
 *    server, since Pagefind fetches from a Web Worker that page-level counting misses) and the
 *    time from navigation to the first result on screen (median of three runs).
 * 3. Runs the judged relevance set on the fixture build, when `npm test` has built it.
 * Prints a table and writes it into docs/benchmarks.md between the bench:search markers.
 * A benchmark, not a test: it prints figures and fails only if a search finds nothing.
 */
import { chromium, type Browser } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { buildSite } from '../../tests/support/build.ts';
import { writeCorpus } from '../../tests/support/corpus.ts';
import { FIXTURE_DIST, ROOT } from '../../tests/support/paths.ts';
import {
  enterQuery,
  judge,
  recordPagefindSearches,
  searchFromBox,
  type JudgedQuery,
} from '../../tests/support/search-page.ts';
import { serveStatic, type StaticServer } from '../../tests/support/static-server.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';
import { forgivingOnSite, forgivingSection, type Spread } from './search-forgiving.ts';
import { astroCacheDir } from '../../src/build/cache-dir.ts';

const COUNT = Number(process.env['BENCH_COUNT'] ?? 5000);
// ≥ 7 runs, site and bare interleaved, since two busy cores are noisy (BENCH_RUNS to change).
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const QUERIES = [
  '妇联',
  '家庭教育',
  '巾帼建功',
  '乡村振兴',
  '月亮岛街道',
  '望妇发〔2024〕35号',
  '怎么参加家庭教育培训',
];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

// BENCH_REUSE=<folder of an earlier BENCH_KEEP run> measures again without rebuilding.
const reuse = process.env['BENCH_REUSE'];
const work = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-search-'));
const contentDir = path.join(work, 'content');
const siteDir = path.join(work, 'site');
const bareDir = path.join(work, 'bare');

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The bare baseline: one plain page per article, Pagefind over them, a minimal search page. */
async function buildBare(): Promise<void> {
  for (const collection of ['notices', 'news']) {
    const folder = path.join(contentDir, collection);
    for (const file of fs.readdirSync(folder)) {
      const [, front = '', body = ''] = fs.readFileSync(path.join(folder, file), 'utf8').split('---\n');
      const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(front)?.[1];
      const title = field('title') ?? file;
      // What any page of a federation site prints besides the text: the 文号 and the summary.
      const facts = [field('docNumber'), field('summary')].filter(Boolean).map((fact) => `<p>${fact}</p>`);
      const paragraphs = body
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => `<p>${p}</p>`)
        .join('\n');
      const out = path.join(bareDir, 'a', collection, file.replace(/\.md$/, ''), 'index.html');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(
        out,
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>` +
          `<body><h1>${title}</h1>\n${facts.join('')}\n${paragraphs}</body></html>`,
      );
    }
  }
  fs.writeFileSync(
    path.join(bareDir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>' +
      '<script type="module" src="/bare.js"></script></head><body>' +
      '<form id="bare-form"><input name="q" type="search" aria-label="搜索关键词"></form>' +
      '<ol id="bare-results"></ol></body></html>',
  );
  // The smallest honest client: Pagefind's API, the first ten results with their excerpts, for
  // the query in the address bar or the one typed into its box.
  fs.writeFileSync(
    path.join(bareDir, 'bare.js'),
    `const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
async function run(q) {
  const search = await pagefind.search(q);
  const items = (await Promise.all(search.results.slice(0, 10).map((r) => r.data()))).map((data) => {
    const item = document.createElement('li');
    item.innerHTML = '<a href="' + data.url + '">' + data.meta.title + '</a><p>' + data.excerpt + '</p>';
    return item;
  });
  document.getElementById('bare-results').replaceChildren(...items);
  document.body.dataset.count = String(search.results.length);
  document.body.dataset.done = q;
}
const form = document.getElementById('bare-form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(form.elements.q.value);
});
const q = new URLSearchParams(location.search).get('q');
if (q) await run(q);
`,
  );
  const { index } = await pagefind.createIndex();
  if (!index) throw new Error('Pagefind could not create the bare index');
  await index.addDirectory({ path: bareDir, glob: 'a/**/*.html' });
  await index.writeFiles({ outputPath: path.join(bareDir, 'pagefind') });
  await pagefind.close();
}

interface Measure {
  bytes: number;
  gzipBytes: number;
  byKind: Record<string, number>;
  ms: number;
  results: number;
  /** Pagefind searches the page ran (messages to Pagefind's worker), until the first screen. */
  queries: number;
}

/** What nginx with gzip on for text types would send for a file the test server sent raw. */
function gzipSize(root: string, pathname: string, raw: number): number {
  if (!/\.(js|css|html|json)$|\/$/.test(pathname)) return raw;
  const file = path.join(root, pathname, pathname.endsWith('/') ? 'index.html' : '');
  return fs.existsSync(file) ? gzipSync(fs.readFileSync(file), { level: 6 }).length : raw;
}

function kindOf(pathname: string): string {
  if (pathname.includes('/fragment/')) return 'fragments';
  if (/\.pf_(index|filter|meta)$/.test(pathname)) return 'index';
  if (pathname.startsWith('/pagefind/')) return 'runtime';
  return 'page';
}

/**
 * One cold search: a fresh browser context, the search page opened with the query in its address
 * (`typed`: opened without one, the query typed into its box one character every 100 ms, then
 * Enter; timed from Enter).
 */
async function measure(
  browser: Browser,
  server: StaticServer,
  root: string,
  url: string,
  typed?: string,
): Promise<Measure> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const asked = await recordPagefindSearches(page);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (
        document.querySelector(
          '.fl-search-result, #bare-results li, body[data-count="0"], [data-search-empty]:not([hidden])',
        )
      ) {
        (window as unknown as { firstResults: number }).firstResults = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  server.bytesSent.clear();
  page.on('pageerror', (error) => console.error(`page error on ${url}: ${error.message}`));
  await page.goto(url);
  let started = 0;
  if (typed) {
    // The page as a reader finds it: loaded, and whatever it starts on load finished.
    await page.waitForLoadState('networkidle');
    started = await enterQuery(page, typed, true);
  }
  await page.waitForFunction(() => (window as unknown as { firstResults?: number }).firstResults !== undefined, null, {
    timeout: 120_000,
  });
  // Let the page finish the requests of that first screen (the other nine excerpts).
  await page.waitForLoadState('networkidle');
  const ms = (await page.evaluate(() => (window as unknown as { firstResults: number }).firstResults)) - started;
  const queries = (await asked()).length;
  const results = await page.locator('.fl-search-result, #bare-results li').count();
  await context.close();
  const byKind: Record<string, number> = {};
  let bytes = 0;
  let gzipBytes = 0;
  for (const [pathname, sent] of server.bytesSent) {
    bytes += sent;
    gzipBytes += gzipSize(root, pathname, sent);
    byKind[kindOf(pathname)] = (byKind[kindOf(pathname)] ?? 0) + sent;
  }
  return { bytes, gzipBytes, byKind, ms, results, queries };
}

/** The run of median time of each side, and every run's time; site and bare runs alternate. */
export async function interleaved(
  site: () => Promise<Measure>,
  bare: () => Promise<Measure>,
): Promise<{ ours: Measure; base: Measure; oursMs: number[]; baseMs: number[] }> {
  const a: Measure[] = [];
  const b: Measure[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    a.push(await site());
    b.push(await bare());
  }
  const mid = (all: Measure[]) => [...all].sort((x, y) => x.ms - y.ms)[Math.floor(all.length / 2)]!;
  return { ours: mid(a), base: mid(b), oursMs: a.map((m) => m.ms), baseMs: b.map((m) => m.ms) };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
/** Median (fastest–slowest) of every run. */
const spreadOf = (values: number[]) =>
  `${median(values).toFixed(0)}（${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}）`;

async function relevance(browser: Browser): Promise<string> {
  if (!fs.existsSync(path.join(FIXTURE_DIST, 'pagefind'))) {
    return '（未运行：先运行 npm test 构建 .test-dist/fixture）';
  }
  const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/search/relevance.json'), 'utf8')) as {
    queries: JudgedQuery[];
  };
  const server = await serveStatic(FIXTURE_DIST);
  const page = await browser.newPage({ locale: 'zh-CN' });
  await page.goto(`${server.url}/search/`);
  let hits = 0;
  for (const query of queries) if (judge(query, await searchFromBox(page, query.q)).hit) hits += 1;
  await page.close();
  await server.close();
  return `${hits}/${queries.length} = ${((hits / queries.length) * 100).toFixed(1)}%`;
}

async function main(): Promise<void> {
  if (!reuse) {
    let started = Date.now();
    writeCorpus({ count: COUNT, dir: contentDir });
    // The about page links to the one real notice; the link check fails a build without it.
    fs.copyFileSync(
      path.join(ROOT, 'content/notices/wangfufa-2024-1.md'),
      path.join(contentDir, 'notices/wangfufa-2024-1.md'),
    );
    console.log(`corpus: ${COUNT} articles in ${seconds(started)}`);
    started = Date.now();
    const build = buildSite({ SITE_CONTENT_DIR: contentDir, SITE_OUT_DIR: siteDir });
    if (build.status !== 0) throw new Error(`site build failed:\n${build.stdout}\n${build.stderr}`);
    console.log(`site build (with its search index): ${seconds(started)}`);
    started = Date.now();
    await buildBare();
    console.log(`bare Pagefind index: ${seconds(started)}`);
  }

  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const site = await serveStatic(siteDir);
  const bare = await serveStatic(bareDir);
  const rows: string[] = [];
  const totals = { site: 0, bare: 0, siteGzip: 0, bareGzip: 0, siteSearch: 0, bareSearch: 0 };
  const times: { site: number[]; bare: number[] } = { site: [], bare: [] };
  const spreads: Spread[] = [];
  for (const query of QUERIES) {
    const q = encodeURIComponent(query);
    const { ours, base, oursMs, baseMs } = await interleaved(
      () => measure(browser, site, siteDir, `${site.url}/search/?q=${q}`),
      () => measure(browser, bare, bareDir, `${bare.url}/?q=${q}`),
    );
    spreads.push({ query, site: oursMs, bare: baseMs });
    if (ours.results === 0 || base.results === 0) {
      throw new Error(`no results for ${query} (site ${ours.results}, bare ${base.results})`);
    }
    const parts = (m: Measure) =>
      Object.entries(m.byKind)
        .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
        .join(', ');
    console.log(`${query}: site ${parts(ours)} | bare ${parts(base)}`);
    const search = (m: Measure) => m.bytes - (m.byKind['page'] ?? 0);
    totals.site += ours.bytes;
    totals.bare += base.bytes;
    totals.siteGzip += ours.gzipBytes;
    totals.bareGzip += base.gzipBytes;
    totals.siteSearch += search(ours);
    totals.bareSearch += search(base);
    times.site.push(ours.ms);
    times.bare.push(base.ms);
    rows.push(
      `| ${query} | ${kb(ours.bytes)} | ${kb(base.bytes)} | ${(ours.bytes / base.bytes).toFixed(2)} | ` +
        `${kb(search(ours))} | ${kb(search(base))} | ${(search(ours) / search(base)).toFixed(2)} | ` +
        `${kb(ours.gzipBytes)} | ${kb(base.gzipBytes)} | ${ours.ms.toFixed(0)} | ${base.ms.toFixed(0)} | ` +
        `${(ours.ms / base.ms).toFixed(2)} | ${ours.queries} / ${base.queries} |`,
    );
  }
  // The same queries typed into each page's box (opened without a query), timed from Enter.
  const typedRows: string[] = [];
  const typedTimes: { site: number[]; bare: number[] } = { site: [], bare: [] };
  const typedBytes = { site: 0, bare: 0 };
  for (const query of QUERIES) {
    const { ours, base, oursMs, baseMs } = await interleaved(
      () => measure(browser, site, siteDir, `${site.url}/search/`, query),
      () => measure(browser, bare, bareDir, `${bare.url}/`, query),
    );
    typedTimes.site.push(ours.ms);
    typedTimes.bare.push(base.ms);
    typedBytes.site += ours.bytes;
    typedBytes.bare += base.bytes;
    typedRows.push(
      `| ${query} | ${spreadOf(oursMs)} | ${spreadOf(baseMs)} | ${(ours.ms / base.ms).toFixed(2)} | ` +
        `${kb(ours.bytes)} | ${kb(base.bytes)} | ${ours.queries} / ${base.queries} |`,
    );
  }
  const forgivingFigures = await forgivingOnSite(browser, site, siteDir, bare);
  await site.close();
  await bare.close();
  // Times on a shared machine depend on what else runs: the load is printed with them.
  const load = os.loadavg()[0]!.toFixed(1);
  const hitRate = await relevance(browser);

  const n = QUERIES.length;
  const avg = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const table = [
    '| 查询 | 本站 KB | 基线 KB | 倍数 | 本站搜索 KB | 基线搜索 KB | 倍数 | 本站 gzip KB | 基线 gzip KB | 本站 ms | 基线 ms | 倍数 | Pagefind 查询次数 本站 / 基线 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    `| **平均** | ${kb(totals.site / n)} | ${kb(totals.bare / n)} | ${(totals.site / totals.bare).toFixed(2)} | ` +
      `${kb(totals.siteSearch / n)} | ${kb(totals.bareSearch / n)} | ${(totals.siteSearch / totals.bareSearch).toFixed(2)} | ` +
      `${kb(totals.siteGzip / n)} | ${kb(totals.bareGzip / n)} | ${avg(times.site).toFixed(0)} | ` +
      `${avg(times.bare).toFixed(0)} | ${(avg(times.site) / avg(times.bare)).toFixed(2)} | |`,
  ].join('\n');
  const typedTable = [
    '| 查询 | 本站 ms | 基线 ms | 倍数（中位数） | 本站 KB | 基线 KB | Pagefind 查询次数 本站 / 基线 |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...typedRows,
    `| **平均** | ${avg(typedTimes.site).toFixed(0)} | ${avg(typedTimes.bare).toFixed(0)} | ` +
      `${(avg(typedTimes.site) / avg(typedTimes.bare)).toFixed(2)} | ${kb(typedBytes.site / n)} | ` +
      `${kb(typedBytes.bare / n)} | |`,
  ].join('\n');
  const section = `## 站内搜索（npm run bench:search）

最近一次运行：${new Date().toISOString().slice(0, 10)}，${COUNT} 篇合成文章（tests/support/corpus.ts），Chromium，本机 localhost（${os.cpus().length} 核，测量时 1 分钟平均负载 ${load}），每次搜索都是空缓存，时间取 ${RUNS} 次的中位数。
“基线”是同一批文章做成的普通 HTML 页面，用 Pagefind 默认设置建索引，搜索页只调用 Pagefind API 显示前 10 条结果。

- **KB**：从打开搜索页到第一屏结果，服务器实际发送的字节数（测试服务器不压缩；Pagefind 在 Web Worker 里下载，所以在服务器端计数）。“搜索 KB”不含页面本身（HTML、CSS、网站脚本），只算 Pagefind 程序、索引和结果片段。“gzip KB”是 nginx 开启 gzip 时的估算。
- **ms**：从开始打开页面到第一条结果出现在屏幕上。
- **Pagefind 查询次数**：到第一屏结果为止，页面向 Pagefind 发出的搜索次数（原词、普通搜索、逐词、同义词、文号筛选；同一轮的查询同时发出）。
- 目标（issue 13）：首批结果时间 ≤ 基线的 1.0 倍（打开带查询的搜索页，以及在搜索框里输入）；字节数 ≤ 基线的 1.0 倍；同一页面上的第二次搜索中位数 ≤ 100 ms；相关性命中率 ≥ 95%。

${table}

在搜索页的搜索框里输入（页面先不带查询打开并加载完毕，每 100 ms 输入一个字，停 300 ms 后按回车；时间从按回车到第一条结果出现，中位数（最快–最慢），各 ${RUNS} 次，与基线交替；KB 含打开页面）：

${typedTable}

相关性命中率（tests/search/relevance.json，测试夹具站点，真实搜索页）：${hitRate}`;
  console.log(`\n${table}\n\n${typedTable}\n\nrelevance hit rate: ${hitRate}`);
  writeBenchmarkSection('search', section);
  const forgiving = await forgivingSection(browser, spreads, forgivingFigures, load);
  await browser.close();
  console.log(`\n${forgiving}`);
  writeBenchmarkSection('search-forgiving', forgiving);
  console.log('\nwritten to docs/benchmarks.md');
}

try {
  await main();
} finally {
  // BENCH_KEEP=1 keeps the corpus and both builds for a closer look.
  if (!process.env['BENCH_KEEP'] && !reuse) fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(astroCacheDir(siteDir), { recursive: true, force: true });
}
