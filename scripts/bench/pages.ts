/**
 * npm run bench:pages — what five kinds of page cost a reader on a phone, on a built site:
 * bytes over the wire (gzip, as production serves them) for HTML, CSS and JS, the number of
 * requests, the JS shipped, and Lighthouse's mobile scores. Prints a table and keeps the latest
 * figures in docs/benchmarks.md. A benchmark, not a test: it reports, it never fails on a figure.
 *
 *   npm run bench:pages [-- <built site folder>]   (default .test-dist/site, else dist/)
 *
 * Build first (`npm run test:build` or `SITE_URL=… npm run build`); this script never builds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT, SITE_DIST } from '../../tests/support/paths.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { markdownTable, writeBenchmarkSection } from './benchmarks-doc.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Lighthouse runs per page; the run with the median performance score is reported. */
const RUNS = Number(process.env['LIGHTHOUSE_RUNS'] ?? 3);
const KB = 1024;

/** Targets from issue 6. */
const TARGET = { articleTotal: 25 * KB, toolbarJs: 3 * KB, homeTotal: 50 * KB };

const dist = path.resolve(process.argv[2] ?? (fs.existsSync(SITE_DIST) ? SITE_DIST : path.join(ROOT, 'dist')));
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`没有找到构建好的网站：${dist}。请先运行 npm run test:build 或 npm run build。`);
  process.exit(1);
}

/** An entry of a section: `preferred` when it was built, else the first one with a picture, else the first. */
function entryOf(section: string, preferred?: string): string {
  const dir = path.join(dist, section);
  const slugs = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((item) => item.isDirectory() && !['page', 'year'].includes(item.name))
    .map((item) => item.name)
    .sort();
  const pictured = slugs.find((slug) =>
    fs.readFileSync(path.join(dir, slug, 'index.html'), 'utf8').includes('<picture'),
  );
  const slug = preferred && slugs.includes(preferred) ? preferred : (pictured ?? slugs[0]);
  if (!slug) throw new Error(`${dir} has no entries`);
  return `/${section}/${slug}/`;
}

interface BenchPage {
  name: string;
  path: string;
  kind: 'home' | 'list' | 'article' | 'search';
}
const PAGES: BenchPage[] = [
  { name: '首页 home', path: '/', kind: 'home' },
  { name: '列表 list', path: '/notices/', kind: 'list' },
  { name: '通知 notice', path: entryOf('notices', 'wangfufa-2024-1'), kind: 'article' },
  { name: '典型 story', path: entryOf('stories'), kind: 'article' },
  { name: '搜索 search', path: `/search/?q=${encodeURIComponent('妇联')}`, kind: 'search' },
];

interface Weight {
  /** Bytes over the wire (gzip where the server compresses) by kind. */
  html: number;
  css: number;
  js: number;
  /** Fetches, wasm and anything else that is not an image (the search index). */
  other: number;
  images: number;
  /** Uncompressed JS. */
  jsRaw: number;
  jsFiles: string[];
  requests: number;
  imageRequests: number;
}

/** Loads the page at phone size in a fresh browser context (empty cache) and sums what it fetched. */
async function weigh(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string): Promise<Weight> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight: Weight = {
    html: 0,
    css: 0,
    js: 0,
    other: 0,
    images: 0,
    jsRaw: 0,
    jsFiles: [],
    requests: 0,
    imageRequests: 0,
  };
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const body = (await (await request.response())?.body().catch(() => undefined)) ?? Buffer.alloc(0);
        const bytes = sizes.responseBodySize;
        weight.requests += 1;
        switch (request.resourceType()) {
          case 'document':
            weight.html += bytes;
            break;
          case 'stylesheet':
            weight.css += bytes;
            break;
          case 'script':
            weight.js += bytes;
            weight.jsRaw += body.length;
            weight.jsFiles.push(new URL(request.url()).pathname);
            break;
          case 'image':
            weight.images += bytes;
            weight.imageRequests += 1;
            break;
          default:
            weight.other += bytes;
        }
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await context.close();
  return weight;
}

type Scores = Record<(typeof CATEGORIES)[number], number> & { lost: string[]; benchmarkIndex: number };

/**
 * Lighthouse's default mobile run (emulated phone, simulated slow 4G and 4× CPU slowdown),
 * RUNS times; returns the run with the median performance score, as Lighthouse's docs advise
 * (scores vary from run to run, more so on a busy machine).
 */
async function audit(port: number, url: string): Promise<Scores> {
  const runs: Scores[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await auditOnce(port, url));
  return runs.sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]!;
}

async function auditOnce(port: number, url: string): Promise<Scores> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const scores = { lost: [] as string[], benchmarkIndex: lhr.environment.benchmarkIndex } as unknown as Scores;
  for (const category of CATEGORIES) {
    const data = lhr.categories[category];
    scores[category] = Math.round((data?.score ?? 0) * 100);
    // Why a score is below 100: the weighted audits that did not pass.
    for (const ref of data?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (ref.weight > 0 && result && result.score !== null && result.score < 1) {
        scores.lost.push(`${category}: ${result.title}${result.displayValue ? ` (${result.displayValue})` : ''}`);
      }
    }
  }
  return scores;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

const server = await serveStatic(dist, 0, { gzip: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
const rows: { page: BenchPage; weight: Weight; scores: Scores }[] = [];
try {
  for (const page of PAGES) {
    const url = `${server.url}${page.path}`;
    const weight = await weigh(browser, url);
    const scores = await audit(chrome.port, url);
    rows.push({ page, weight, scores });
    console.log(`measured ${page.name} ${page.path}`);
  }
} finally {
  chrome.kill();
  await browser.close();
  await server.close();
}

const total = (w: Weight) => w.html + w.css + w.js + w.other;
const table = markdownTable(
  [
    'Page',
    'HTML',
    'CSS',
    'JS',
    'Other',
    'Total without images',
    'JS raw',
    'Requests (images)',
    'Lighthouse P/A/BP/SEO',
  ],
  rows.map(({ page, weight, scores }) => [
    `${page.name} \`${decodeURI(page.path)}\``,
    kb(weight.html),
    kb(weight.css),
    kb(weight.js),
    kb(weight.other),
    `**${kb(total(weight))}**`,
    kb(weight.jsRaw),
    `${weight.requests} (${weight.imageRequests})`,
    CATEGORIES.map((category) => scores[category]).join(' / '),
  ]),
);

const articles = rows.filter((row) => row.page.kind === 'article');
const home = rows.find((row) => row.page.kind === 'home')!;
const notice = rows.find((row) => row.page.name.startsWith('通知'))!;
const hundred = (scores: Scores) => CATEGORIES.every((category) => scores[category] === 100);
const toolbarOnly = (w: Weight) => w.jsFiles.every((file) => /elder-mode|ElderModeToolbar/.test(file));
const targets = [
  `${mark(articles.every((row) => total(row.weight) <= TARGET.articleTotal))} article pages ≤ 25 KB gzip without images: ${articles.map((row) => `${kb(total(row.weight))} KB`).join(', ')}`,
  `${mark(articles.every((row) => toolbarOnly(row.weight) && row.weight.js <= TARGET.toolbarJs))} article JS is the toolbar only, ≤ 3 KB gzip: ${articles.map((row) => `${kb(row.weight.js)} KB in ${row.weight.jsFiles.length} files`).join(', ')}`,
  `${mark(total(home.weight) <= TARGET.homeTotal)} home ≤ 50 KB gzip without images: ${kb(total(home.weight))} KB (+ ${kb(home.weight.images)} KB images loaded above the fold)`,
  `${mark(hundred(home.scores) && hundred(notice.scores))} Lighthouse 100/100/100/100 on home and notice`,
];
const lost = rows.flatMap(({ page, scores }) => scores.lost.map((item) => `${page.name}: ${item}`));

const report = `## Page weight and Lighthouse (\`npm run bench:pages\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${path.relative(ROOT, dist) || dist},
${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end; Lighthouse's CPU benchmark index
${rows.map((row) => Math.round(row.scores.benchmarkIndex)).join(', ')} (an idle desktop scores well over 1,000; the performance
score falls when the shared CPU is busy, through Total Blocking Time). Sizes in KB (1,024 bytes) as
transferred, gzip level 6 for text as nginx serves it, at 375×812 with an empty cache (lazy images
below the fold not loaded). Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, default mobile settings, Debian Chromium,
median of ${RUNS} runs per page.

${table}

Targets:

${targets.map((line) => `- ${line}`).join('\n')}

${lost.length > 0 ? `Audits that cost points:\n\n${lost.map((line) => `- ${line}`).join('\n')}` : 'No weighted Lighthouse audit failed.'}
`;

console.log(`\n${report}`);
writeBenchmarkSection('pages', report);
console.log(`Written to docs/benchmarks.md`);
