/**
 * npm run bench:build — how the site's build scales. For each size (default 1,000 and 5,000
 * articles) it writes a synthetic Chinese corpus into a temporary folder, then in the same run:
 *
 * 1. builds it as production does, `npm run build` of this repo (scripts/build/build.ts: content
 *    check, every page, lists, sitemap, RSS, then the search index and the link check), with
 *    SITE_URL set;
 * 2. builds the same corpus through a bare baseline: a temporary Astro project (one layout,
 *    one page per article, this repo's node_modules), then the Pagefind 1.6 CLI over its output.
 *
 * It measures wall time and the peak memory of the whole process tree (a /proc poller, so no
 * extra tool is needed) and reports ours against the baseline. The machines are shared: one
 * build of the same input took anywhere from 44 s to 55 s here, so each size is built several
 * times (default 3), this site and the baseline in turn, and the medians are compared. A
 * benchmark: it prints figures and keeps them in docs/benchmarks.md; it never fails on a figure.
 *
 *   npm run bench:build [-- 1000 5000 10000] [-- --runs 5]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../../tests/support/corpus.ts';
import { ROOT } from '../../tests/support/paths.ts';
import { markdownTable, writeBenchmarkSection } from './benchmarks-doc.ts';
import { astroCacheDir } from '../../src/build/cache-dir.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
/** Builds per size, of this site and of the baseline, taken in turn. */
const RUNS = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
const SIZES = (runsAt === -1 ? args : [...args.slice(0, runsAt), ...args.slice(runsAt + 2)])
  .map(Number)
  .filter(Boolean);
if (SIZES.length === 0) SIZES.push(1000, 5000);
if (!(RUNS >= 1)) throw new Error('--runs takes a number of runs, e.g. --runs 3');
/** Issue 6: at 5,000 articles ours may take at most 1.3× the baseline's time and memory. */
const TARGET_RATIO = 1.3;
const PAGE_SIZE_BYTES = 4096;
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD = path.join(ROOT, 'scripts/build/build.ts');
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
 * then scripts/build/build.ts's search-index and link-check lines.
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
import Layout from '../../../layouts/Layout.astro';
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

/** One run of both builds on the same corpus. */
interface Pair {
  ours: Run;
  astro: Run;
  pagefind: Run;
}
interface Result {
  size: number;
  /** Whether this site's build wrote a Pagefind index (pagefind/ in its output). */
  indexed: boolean;
  /** Pages each build wrote. */
  pages: { ours: number; baseline: number };
  runs: Pair[];
}
const results: Result[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-build-'));
try {
  for (const size of SIZES) {
    console.log(`${size} articles, ${RUNS} run(s) of each build, in turn`);
    const contentDir = path.join(work, `content-${size}`);
    writeCorpus({ count: size, dir: contentDir });
    // The corpus keeps the real pages, and 关于我们 links the one real notice: the link check needs it.
    fs.copyFileSync(
      path.join(ROOT, 'content/notices/wangfufa-2024-1.md'),
      path.join(contentDir, 'notices/wangfufa-2024-1.md'),
    );
    const siteOut = path.join(work, `site-${size}`);
    // The site keeps a cache per output folder (astro.config.mjs): every run starts from none.
    const cacheDir = astroCacheDir(siteOut);
    const baselineDir = path.join(work, `baseline-${size}`);
    const result: Result = { size, indexed: false, pages: { ours: 0, baseline: 0 }, runs: [] };
    for (let run = 1; run <= RUNS; run += 1) {
      for (const dir of [siteOut, baselineDir, cacheDir]) fs.rmSync(dir, { recursive: true, force: true });
      const ours = await measure(`run ${run}: site build`, process.execPath, [BUILD], ROOT, {
        SITE_CONTENT_DIR: contentDir,
        SITE_OUT_DIR: siteOut,
        SITE_URL: 'https://bench.example',
      });
      writeBaseline(baselineDir, contentDir);
      const astro = await measure(
        `run ${run}: baseline astro build`,
        process.execPath,
        [ASTRO, 'build'],
        baselineDir,
        {},
      );
      const pagefind = await measure(
        `run ${run}: baseline pagefind`,
        process.execPath,
        [PAGEFIND, '--site', 'dist'],
        baselineDir,
        {},
      );
      console.log(`  run ${run}: this site / baseline = ${ratio(ours.seconds, astro.seconds + pagefind.seconds)}`);
      result.runs.push({ ours, astro, pagefind });
      result.indexed = fs.existsSync(path.join(siteOut, 'pagefind'));
      result.pages = { ours: countPages(siteOut), baseline: countPages(path.join(baselineDir, 'dist')) };
    }
    results.push(result);
    for (const dir of [siteOut, baselineDir, cacheDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
/** The median of one measure over a size's runs. */
const med = (r: Result, pick: (pair: Pair) => number) => median(r.runs.map(pick));
/** The run whose own build took the median time: its log gives the steps. */
const medianRun = (r: Result) =>
  [...r.runs].sort((a, b) => a.ours.seconds - b.ours.seconds)[Math.floor((r.runs.length - 1) / 2)]!;

const baseTime = (pair: Pair) => pair.astro.seconds + pair.pagefind.seconds;
const baseCpu = (pair: Pair) => pair.astro.cpuSeconds + pair.pagefind.cpuSeconds;
const basePeak = (pair: Pair) => Math.max(pair.astro.peakBytes, pair.pagefind.peakBytes);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** One table row: median wall time and its range, CPU seconds, pages per second, peak memory. */
function row(
  r: Result,
  name: string,
  pages: number | undefined,
  wall: (pair: Pair) => number,
  cpu: (pair: Pair) => number,
  peak: (pair: Pair) => number,
) {
  const walls = r.runs.map(wall);
  const range = walls.length > 1 ? ` (${Math.min(...walls).toFixed(1)}–${Math.max(...walls).toFixed(1)})` : '';
  const seconds = median(walls);
  return [
    r.size,
    name,
    pages ?? '',
    `${seconds.toFixed(1)}${range}`,
    med(r, cpu).toFixed(1),
    pages ? (pages / seconds).toFixed(0) : '',
    gb(med(r, peak)),
  ];
}
const table = markdownTable(
  ['Articles', 'Build', 'Pages', 'Wall time (s), median (range)', 'CPU time (s)', 'Pages/s', 'Peak memory (GB)'],
  results.flatMap((r) => [
    row(
      r,
      `**this site** (\`npm run build\`${r.indexed ? ', with its Pagefind index' : ', no search index'})`,
      r.pages.ours,
      (p) => p.ours.seconds,
      (p) => p.ours.cpuSeconds,
      (p) => p.ours.peakBytes,
    ),
    row(
      r,
      'baseline: Astro',
      r.pages.baseline,
      (p) => p.astro.seconds,
      (p) => p.astro.cpuSeconds,
      (p) => p.astro.peakBytes,
    ),
    row(
      r,
      'baseline: Pagefind',
      undefined,
      (p) => p.pagefind.seconds,
      (p) => p.pagefind.cpuSeconds,
      (p) => p.pagefind.peakBytes,
    ),
    row(r, 'baseline: total', r.pages.baseline, baseTime, baseCpu, basePeak),
  ]),
);
const ratios = results.map((r) => {
  const caveat = r.indexed ? '' : ' (not comparable yet: this build writes no search index, the baseline does)';
  const time = med(r, (p) => p.ours.seconds) / med(r, baseTime);
  const memory = med(r, (p) => p.ours.peakBytes) / med(r, basePeak);
  const target =
    r.size === 5000
      ? ` Target ≤ ${TARGET_RATIO}×: time ${mark(time <= TARGET_RATIO)}, memory ${mark(memory <= TARGET_RATIO)}${caveat}.`
      : '';
  const steps = phases(medianRun(r).ours.output);
  const perRun =
    r.runs.length > 1
      ? ` Run by run, wall time: ${r.runs.map((p) => ratio(p.ours.seconds, baseTime(p))).join(', ')}.`
      : '';
  return (
    (steps ? `- ${r.size} articles, this site's steps as its log reports them (median run): ${steps}.\n` : '') +
    `- ${r.size} articles, this site against the baseline (Astro + Pagefind), medians of ${r.runs.length} run(s): wall time ` +
    `${time.toFixed(2)}×, CPU time ${ratio(
      med(r, (p) => p.ours.cpuSeconds),
      med(r, baseCpu),
    )}, peak memory ` +
    `${memory.toFixed(2)}×; against the baseline's Astro step alone: wall ` +
    `${ratio(
      med(r, (p) => p.ours.seconds),
      med(r, (p) => p.astro.seconds),
    )}, CPU ${ratio(
      med(r, (p) => p.ours.cpuSeconds),
      med(r, (p) => p.astro.cpuSeconds),
    )}, memory ` +
    `${ratio(
      med(r, (p) => p.ours.peakBytes),
      med(r, (p) => p.astro.peakBytes),
    )}.${target}${perRun}`
  );
});

const last = results.at(-1)!;
const pagefindPeak = (r: Result) => med(r, (p) => p.pagefind.peakBytes);
const report = `## Build scale (\`npm run bench:build\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs, ${gb(os.totalmem())} GB RAM, load
average ${os.loadavg()[0]!.toFixed(1)} at the end (the machine is shared: times vary with what else runs).
Synthetic corpus from \`tests/support/corpus.ts\` (80% news, 20% notices, 8 paragraphs each). Peak memory is
the resident memory of the whole process tree, polled every 100 ms; CPU time is user + system time of the
whole tree, steadier than wall time when other work shares the machine. Each size is built ${RUNS} time(s),
this site and the baseline in turn, each from a cold cache; the table gives medians (and the range of wall
times), and the ratios compare medians. "This site" is the production build with SITE_URL set; the baseline
is one layout and one page per article, then \`pagefind --site dist\`.

${table}

${ratios.join('\n')}

Pagefind's peak memory per 1,000 pages: ${results.map((r) => `${gb((pagefindPeak(r) / r.pages.baseline) * 1000)} GB at ${r.size}`).join(', ')}.
Pagefind, not Astro, sets the memory a build needs: at this rate a 10,000-page site needs about
${gb((pagefindPeak(last) / last.pages.baseline) * 10000)} GB for indexing alone (rate of the largest run). If that becomes the limit, in order of cost: index only what
readers search (\`data-pagefind-body\` on the article; list, pagination and year pages left out; done);
run Pagefind after \`astro build\` has exited rather than inside it, so Astro's heap and Pagefind's do not add
up (done: scripts/build/build.ts); past ~10,000 pages, build one index per year in turn and merge them at query time (Pagefind's
\`mergeIndex\`), which bounds the peak by the largest year; or give the build machine more memory.
`;
console.log(`\n${report}`);
writeBenchmarkSection('build', report);
console.log('Written to docs/benchmarks.md');
