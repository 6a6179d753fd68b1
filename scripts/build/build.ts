/**
 * `npm run build`: the whole production build, in three steps that each stop it on failure.
 *
 * 1. `astro build`: the content check (nothing is written when content is wrong), every page,
 *    the feed and the sitemap. Meanwhile this process bundles the CMS (admin/cms.ts) with
 *    Vite, and copies it into the output's /admin/ once Astro is done.
 * 2. The search index over the output (src/build/search-index.ts).
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
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_SCRIPT } from '../../admin/bundle.ts';
import { checkLinks, formatBrokenLink } from '../../src/build/link-check.ts';
import { buildAdminBundle } from '../../src/build/admin-bundle.ts';
import { buildSearchIndex } from '../../src/build/search-index.ts';
import { astroCacheDir } from '../../src/build/cache-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
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

// This is the production build whatever the caller's environment says. Vite would otherwise
// take NODE_ENV=test (test runners set it) as a development build: React's development build,
// unminified, in the CMS bundle. And Astro reads import.meta.env.* back from variables of the
// same name, which Vitest sets (DEV=1 made the admin page load the dev-server script).
process.env['NODE_ENV'] = 'production';
for (const name of ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL']) delete process.env[name];

/** Runs `astro build`, printing to this terminal; resolves with how it ended. */
function astroBuild(): Promise<{ status: number | null; signal: NodeJS.Signals | null; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.on('error', (error) => resolve({ status: null, signal: null, error }));
    child.on('close', (status, signal) => resolve({ status, signal }));
  });
}

// The CMS bundle builds in this process while Astro builds in its own (src/build/admin-bundle.ts),
// into a folder of its own: Astro empties the output folder when it starts.
const staging = astroCacheDir(`admin${outDir}`);
// A project without the admin page (bench:admin's comparison build) has nothing to bundle.
const hasAdmin = fs.existsSync(path.join(ROOT, 'src/pages/admin/index.astro'));
const bundling = hasAdmin ? buildAdminBundle(staging) : undefined;
const adminBundle = (bundling?.done ?? Promise.resolve(undefined)).then(
  (line) => ({ line }),
  (error: unknown) => ({ error: error as Error }),
);

const astro = await astroBuild();
if (astro.status !== 0) {
  // A child process outlives this one unless stopped: a failed content check would otherwise
  // leave Vite bundling the CMS for another 20 s of CPU after the build has said it failed.
  bundling?.cancel();
  if (astro.error || astro.signal) {
    const why = astro.error ? astro.error.message : `被信号 ${astro.signal} 终止（内存不足时常见）`;
    log('build', `astro build 没有完成：${why}。网站没有更新。`, console.error);
  }
  process.exit(astro.status ?? 1);
}

const admin = await adminBundle;
if ('error' in admin) {
  log('admin', `内容管理后台（/admin/）打包失败：${admin.error.message}`, console.error);
  process.exit(1);
}
if (admin.line) {
  fs.cpSync(staging, path.join(outDir, path.posix.dirname(ADMIN_SCRIPT)), { recursive: true });
  log('admin', admin.line);
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
