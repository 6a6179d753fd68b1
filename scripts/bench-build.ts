/**
 * npm run bench:build — how the site's build scales. For each size (default 1,000 and 5,000
 * articles) it writes a synthetic Chinese corpus into a temporary folder, then in the same run:
 *
 * 1. builds it as production does, `npm run build` of this repo (scripts/build.ts: content
 *    check, every page, lists, sitemap, RSS, then the search index and the link check), with
 *    SITE_URL set;
 * 2. builds the same corpus through a bare baseline: a temporary Astro project (one layout,
 *    one page per article, this repo's node_modules), then the Pagefind 1.6 CLI over its output.
 *
 * It measures wall time and the peak memory of the whole process tree (a /proc poller, so no
 * extra tool is needed) and reports ours against the baseline. A benchmark: it prints figures
 * and keeps them in docs/benchmarks.md; it never fails on a figure.
 *
 *   npm run bench:build [-- 1000 5000 10000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../tests/support/corpus.ts';
import { ROOT } from '../tests/support/paths.ts';
import { markdownTable, writeBenchmarkSection } from './lib/benchmarks-doc.ts';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
if (SIZES.length === 0) SIZES.push(1000, 5000);
/** Issue 6: at 5,000 articles ours may take at most 1.3× the baseline's time and memory. */
const TARGET_RATIO = 1.3;
const PAGE_SIZE_BYTES = 4096;
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD = path.join(ROOT, 'scripts/build.ts');
const PAGEFIND = path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

interface Run {
  seconds: number;
  /**
   * CPU seconds (user + system) of the whole process tree. On a shared machine wall time
   * swings with what else runs; CPU time much less, so ratios are given on both.
   */
  cpuSeconds: number;
  /** Highest sum of the resident memory of the process and all its descendants. */
  peakBytes: number;
  /** What the build printed (stdout and stderr). */
  output: string;
}

/**
 * Where this site's build spent its time, from its own log: Astro's "N page(s) built in …",
 * then scripts/build.ts's search-index and link-check lines.
 */
function phases(output: string): string {
  // eslint-disable-next-line no-control-regex -- strips the terminal colours of the log
  const plain = output.replace(/\u001b\[[\d;]*m/g, '');
  const astro = /page\(s\) built in (?:(\d+)m )?([\d.]+)s/.exec(plain);
  const index = /\[search-index\].* in (\d+) ms/.exec(plain);
  const links = /\[link-check\].*（(\d+) ms）/.exec(plain);
  const parts = [
    astro ? `Astro ${(Number(astro[1] ?? 0) * 60 + Number(astro[2])).toFixed(1)} s` : undefined,
    index ? `search index ${(Number(index[1]) / 1000).toFixed(1)} s` : undefined,
    links ? `link check ${(Number(links[1]) / 1000).toFixed(1)} s` : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * CPU time of the children this process has waited for (cutime + cstime in /proc/self/stat).
 * Every process of a build's tree is waited for by its parent, so its CPU time ends up here.
 */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

/** Resident memory of `root` and every process below it, from /proc. */
function treeRss(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces): state, ppid, … rss is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_SIZE_BYTES);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid, depth = 0; current > 1 && depth < 64; depth += 1) {
      if (current === root) return true;
      current = parent.get(current) ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes;
  return total;
}

/** Runs a command to completion, polling its process tree's memory every 100 ms. */
async function measure(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Run> {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakBytes = 0;
  const poll = setInterval(() => {
    if (child.pid) peakBytes = Math.max(peakBytes, treeRss(child.pid));
  }, 100);
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(poll);
  if (status !== 0) {
    console.error(output.slice(-4000));
    throw new Error(`${label} failed (exit ${status})`);
  }
  const run = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: childrenCpuSeconds() - cpuBefore,
    peakBytes,
    output,
  };
  console.log(
    `  ${label}: ${run.seconds.toFixed(1)} s, CPU ${run.cpuSeconds.toFixed(1)} s, peak ${gb(run.peakBytes)} GB`,
  );
  return run;
}

function countPages(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
}

/** The bare baseline: one layout, one page per article, nothing else. */
function writeBaseline(dir: string, contentDir: string): void {
  const files: Record<string, string> = {
    'package.json': '{ "type": "module", "private": true }\n',
    // Its own cache folder, so every baseline build starts cold (node_modules is shared).
    'astro.config.mjs':
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.cache' });\n",
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const articles = (folder: string) => defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(contentDir)} + '/' + folder }) });
export const collections = { notices: articles('notices'), news: articles('news') };
`,
    'src/layouts/Layout.astro': `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`,
    'src/pages/[collection]/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Layout from '../../layouts/Layout.astro';
export async function getStaticPaths() {
  const entries = [...(await getCollection('notices')), ...(await getCollection('news'))];
  return entries.map((entry) => ({ params: { collection: entry.collection, slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Layout title={entry.data.title}><article><h1>{entry.data.title}</h1><Content /></article></Layout>
`,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

interface Result {
  size: number;
  /** Whether this site's build wrote a Pagefind index (pagefind/ in its output). */
  indexed: boolean;
  ours: Run & { pages: number };
  astro: Run & { pages: number };
  pagefind: Run;
}
const results: Result[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-build-'));
try {
  for (const size of SIZES) {
    console.log(`${size} articles`);
    const contentDir = path.join(work, `content-${size}`);
    writeCorpus({ count: size, dir: contentDir });
    // The corpus keeps the real pages, and 关于我们 links the one real notice: the link check needs it.
    fs.copyFileSync(
      path.join(ROOT, 'content/notices/wangfufa-2024-1.md'),
      path.join(contentDir, 'notices/wangfufa-2024-1.md'),
    );

    const siteOut = path.join(work, `site-${size}`);
    // The site keeps a cache per output folder (astro.config.mjs): start from none, leave none.
    const cacheDir = path.join(ROOT, 'node_modules/.astro', siteOut.replace(/[^a-z0-9]+/gi, '-'));
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const ours = await measure('site build', process.execPath, [BUILD], ROOT, {
      SITE_CONTENT_DIR: contentDir,
      SITE_OUT_DIR: siteOut,
      SITE_URL: 'https://bench.example',
    });

    const baselineDir = path.join(work, `baseline-${size}`);
    writeBaseline(baselineDir, contentDir);
    const astro = await measure('baseline astro build', process.execPath, [ASTRO, 'build'], baselineDir, {});
    const pagefind = await measure(
      'baseline pagefind',
      process.execPath,
      [PAGEFIND, '--site', 'dist'],
      baselineDir,
      {},
    );
    results.push({
      size,
      indexed: fs.existsSync(path.join(siteOut, 'pagefind')),
      ours: { ...ours, pages: countPages(siteOut) },
      astro: { ...astro, pages: countPages(path.join(baselineDir, 'dist')) },
      pagefind,
    });
    for (const dir of [siteOut, baselineDir, cacheDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const baseTime = (r: Result) => r.astro.seconds + r.pagefind.seconds;
const baseCpu = (r: Result) => r.astro.cpuSeconds + r.pagefind.cpuSeconds;
const basePeak = (r: Result) => Math.max(r.astro.peakBytes, r.pagefind.peakBytes);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** One table row: wall and CPU seconds, pages per second of wall time, peak memory. */
function row(size: number, name: string, pages: number | undefined, wall: number, cpu: number, peak: number) {
  return [size, name, pages ?? '', wall.toFixed(1), cpu.toFixed(1), pages ? (pages / wall).toFixed(0) : '', gb(peak)];
}
const table = markdownTable(
  ['Articles', 'Build', 'Pages', 'Wall time (s)', 'CPU time (s)', 'Pages/s', 'Peak memory (GB)'],
  results.flatMap((r) => [
    row(
      r.size,
      `**this site** (\`npm run build\`${r.indexed ? ', with its Pagefind index' : ', no search index'})`,
      r.ours.pages,
      r.ours.seconds,
      r.ours.cpuSeconds,
      r.ours.peakBytes,
    ),
    row(r.size, 'baseline: Astro', r.astro.pages, r.astro.seconds, r.astro.cpuSeconds, r.astro.peakBytes),
    row(r.size, 'baseline: Pagefind', undefined, r.pagefind.seconds, r.pagefind.cpuSeconds, r.pagefind.peakBytes),
    row(r.size, 'baseline: total', r.astro.pages, baseTime(r), baseCpu(r), basePeak(r)),
  ]),
);
const ratios = results.map((r) => {
  const caveat = r.indexed ? '' : ' (not comparable yet: this build writes no search index, the baseline does)';
  const target =
    r.size === 5000
      ? ` Target ≤ ${TARGET_RATIO}×: time ${mark(r.ours.seconds <= TARGET_RATIO * baseTime(r))}, memory ${mark(r.ours.peakBytes <= TARGET_RATIO * basePeak(r))}${caveat}.`
      : '';
  const steps = phases(r.ours.output);
  return (
    (steps ? `- ${r.size} articles, this site's steps as its log reports them: ${steps}.\n` : '') +
    `- ${r.size} articles, this site against the baseline (Astro + Pagefind): wall time ` +
    `${ratio(r.ours.seconds, baseTime(r))}, CPU time ${ratio(r.ours.cpuSeconds, baseCpu(r))}, peak memory ` +
    `${ratio(r.ours.peakBytes, basePeak(r))}; against the baseline's Astro step alone: wall ` +
    `${ratio(r.ours.seconds, r.astro.seconds)}, CPU ${ratio(r.ours.cpuSeconds, r.astro.cpuSeconds)}, memory ` +
    `${ratio(r.ours.peakBytes, r.astro.peakBytes)}.${target}`
  );
});

const last = results.at(-1)!;
const report = `## Build scale (\`npm run bench:build\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs, ${gb(os.totalmem())} GB RAM, load
average ${os.loadavg()[0]!.toFixed(1)} at the end (the machine is shared: times vary with what else runs).
Synthetic corpus from \`tests/support/corpus.ts\` (80% news, 20% notices, 8 paragraphs each). Peak memory is
the resident memory of the whole process tree, polled every 100 ms; CPU time is user + system time of the
whole tree, steadier than wall time when other work shares the machine. "This site" is the production build
with SITE_URL set; the baseline is one layout and one page per article, then \`pagefind --site dist\`.

${table}

${ratios.join('\n')}

Pagefind's peak memory per 1,000 pages: ${results.map((r) => `${gb((r.pagefind.peakBytes / r.astro.pages) * 1000)} GB at ${r.size}`).join(', ')}.
Pagefind, not Astro, sets the memory a build needs: at this rate a 10,000-page site needs about
${gb((last.pagefind.peakBytes / last.astro.pages) * 10000)} GB for indexing alone (rate of the largest run). If that becomes the limit, in order of cost: index only what
readers search (\`data-pagefind-body\` on the article; list, pagination and year pages left out; done);
run Pagefind after \`astro build\` has exited rather than inside it, so Astro's heap and Pagefind's do not add
up (done: scripts/build.ts); past ~10,000 pages, build one index per year in turn and merge them at query time (Pagefind's
\`mergeIndex\`), which bounds the peak by the largest year; or give the build machine more memory.
`;
console.log(`\n${report}`);
writeBenchmarkSection('build', report);
console.log('Written to docs/benchmarks.md');
