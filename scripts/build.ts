/**
 * `npm run build`: the whole production build, in three steps that each stop it on failure.
 *
 * 1. `astro build`: the content check (nothing is written when content is wrong), every page,
 *    the feed and the sitemap.
 * 2. The search index over the output (scripts/lib/search-index.ts).
 * 3. The link check over the output, index included (the search page preloads
 *    /pagefind/pagefind.js), so a broken link never reaches the deploy step.
 *
 * Steps 2 and 3 run after Astro has exited, not in an Astro hook: at 5,000 articles Astro holds
 * about 1.5–2 GB until it exits and Pagefind needs about 4 GB, so inside the hook the two added
 * up (5.65 GB peak, against 3.8 GB for a bare Astro + Pagefind build; docs/benchmarks.md).
 *
 * It reads the same environment as astro.config.mjs (SITE_OUT_DIR, SITE_URL…) and takes no
 * arguments: `astro build --outDir x` would send the pages to x while steps 2 and 3 read
 * SITE_OUT_DIR. On failure the output folder may hold a partial site: the deploy
 * step runs only after this exits 0, so the published site is kept.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkLinks, formatBrokenLink } from '../src/lib/link-check.ts';
import { buildSearchIndex } from './lib/search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(ROOT, process.env['SITE_OUT_DIR'] || 'dist');

/** A log line in Astro's own format, so the build log reads as one. */
function log(step: string, message: string, write = console.log): void {
  const time = new Date().toTimeString().slice(0, 8);
  write(`${time} [${step}] ${message}`);
}

if (process.argv.length > 2) {
  console.error(
    `npm run build 不接受参数（收到：${process.argv.slice(2).join(' ')}）。` +
      '输出目录、正式网址和内容目录请用环境变量 SITE_OUT_DIR、SITE_URL、SITE_CONTENT_DIR 设置，见 README。',
  );
  process.exit(2);
}

const astro = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (astro.status !== 0) {
  if (astro.error || astro.signal) {
    const why = astro.error ? astro.error.message : `被信号 ${astro.signal} 终止（内存不足时常见）`;
    log('build', `astro build 没有完成：${why}。网站没有更新。`, console.error);
  }
  process.exit(astro.status ?? 1);
}

try {
  log('search-index', await buildSearchIndex(outDir));
} catch (error) {
  log('search-index', (error as Error).message, console.error);
  process.exit(1);
}

const started = Date.now();
const broken = checkLinks(outDir, { site: process.env['SITE_URL'] || undefined });
for (const link of broken) log('link-check', formatBrokenLink(link), console.error);
if (broken.length > 0) {
  log(
    'link-check',
    `链接检查：${broken.length} 个失效链接。请按上面的提示改正后重新构建；这次构建的结果不能发布。`,
    console.error,
  );
  process.exit(1);
}
log('link-check', `链接检查：没有失效链接（${Date.now() - started} ms）。`);
