/**
 * `npm run bench:admin`: what the CMS costs, and proof that citizens don't pay for it.
 *
 * 1. Builds the site as it is, and a copy of the project without the admin (admin/ and
 *    src/pages/admin/ left out), both from the real content.
 * 2. Public pages: for every page except /admin/, the bytes of its HTML and of the CSS and JS
 *    files it references, in both builds. They must be identical; any difference is listed.
 * 3. The admin: its bundle, raw and gzip, and its time to interactive in Chromium (until the
 *    login button can be clicked), as the median of 5 loads, with the home page's load time
 *    measured in the same run as the baseline.
 * 4. 从 Word 导入 and clean paste: the initial bundle's growth and the lazy chunks
 *    (./admin-word.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildSite } from '../../tests/support/build.ts';
import { copyProject } from '../../tests/support/project-copy.ts';
import { ROOT, TEST_DIST } from '../../tests/support/paths.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { measureWordBudget } from './admin-word.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';

const OUT = path.join(TEST_DIST, 'bench-admin');
const WITH_ADMIN = path.join(OUT, 'with-admin');
const WITHOUT_ADMIN = path.join(OUT, 'without-admin');
const COPY = path.join(OUT, 'project-without-admin');
const RUNS = 5;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function build(name: string, cwd: string, outDir: string): void {
  const started = Date.now();
  const result = buildSite({ SITE_OUT_DIR: outDir }, cwd);
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`构建失败：${name}`);
  }
  console.log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The project minus the admin, copied next to the real node_modules. */
function copyWithoutAdmin(): void {
  copyProject(COPY, {
    // admin/bundle.ts only names the bundle's address; scripts/build/build.ts imports it either way.
    skip: (file) => (file.startsWith('admin/') && file !== 'admin/bundle.ts') || file.startsWith('src/pages/admin/'),
  });
}

/** Every public page's weight: its HTML plus the CSS and JS it references, by file. */
function publicWeights(dist: string): Map<string, Map<string, number>> {
  const pages = new Map<string, Map<string, number>>();
  for (const file of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html') || file.startsWith('admin')) continue;
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    const parts = new Map<string, number>([['(html)', Buffer.byteLength(html)]]);
    for (const match of html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)) {
      parts.set(match[1]!, fs.statSync(path.join(dist, match[1]!)).size);
    }
    pages.set(file, parts);
  }
  return pages;
}

const sum = (parts: Map<string, number>) => [...parts.values()].reduce((a, b) => a + b, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

fs.mkdirSync(OUT, { recursive: true });
build('site with the admin', ROOT, WITH_ADMIN);
copyWithoutAdmin();
build('site without the admin', COPY, WITHOUT_ADMIN);

const withAdmin = publicWeights(WITH_ADMIN);
const withoutAdmin = publicWeights(WITHOUT_ADMIN);
const changed: string[] = [];
for (const [page, parts] of withoutAdmin) {
  const other = withAdmin.get(page);
  if (!other) changed.push(`${page}: missing with the admin`);
  else if (JSON.stringify([...parts]) !== JSON.stringify([...other]))
    changed.push(`${page}: ${sum(parts)} → ${sum(other)} bytes`);
}
for (const page of withAdmin.keys()) if (!withoutAdmin.has(page)) changed.push(`${page}: only with the admin`);

const adminHtml = fs.readFileSync(path.join(WITH_ADMIN, 'admin/index.html'), 'utf8');
const scripts = [...adminHtml.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
const bundle = fs.readFileSync(path.join(WITH_ADMIN, scripts[0]!));
const gzip = zlib.gzipSync(bundle, { level: 6 }).length;
const brotli = zlib.brotliCompressSync(bundle).length;

const server = await serveStatic(WITH_ADMIN);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const homeTimes: number[] = [];
const adminTimes: number[] = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh context each time: nothing cached, as for an editor's first visit of the day.
    const home = await browser.newContext({ locale: 'zh-CN' });
    const homePage = await home.newPage();
    let started = Date.now();
    await homePage.goto(`${server.url}/`, { waitUntil: 'load' });
    homeTimes.push(Date.now() - started);
    await home.close();

    const admin = await browser.newContext({ locale: 'zh-CN' });
    const adminPage = await admin.newPage();
    started = Date.now();
    await adminPage.goto(`${server.url}/admin/`);
    await adminPage.getByRole('button', { name: '登录' }).click({ trial: true, timeout: 120_000 });
    adminTimes.push(Date.now() - started);
    await admin.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const word = await measureWordBudget();

const pages = [...withAdmin.values()];
const report = `## The CMS admin (\`npm run bench:admin\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on the real content, ${os.cpus().length} CPUs, load average
${os.loadavg()[0]!.toFixed(1)}. Time to interactive: from navigation until the 登录 button can be clicked, median of ${RUNS}
cold loads on localhost, with the home page's load time measured in the same run as the baseline.

- Admin bundle (\`${scripts[0]}\`): raw ${kb(bundle.length)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}; scripts on /admin/: ${scripts.length}.
- Admin time to interactive: ${median(adminTimes)} ms (runs: ${adminTimes.join(', ')}); home page load in the same run:
  ${median(homeTimes)} ms, so the admin takes ${(median(adminTimes) / median(homeTimes)).toFixed(1)}× the home page.
- Public pages (${pages.length}), HTML + referenced CSS/JS: total ${kb(pages.reduce((a, p) => a + sum(p), 0))}, heaviest
  ${kb(Math.max(...pages.map(sum)))}; against a build without the admin: ${changed.length === 0 ? 'identical, byte for byte' : `${changed.length} differ`}.
${changed.map((line) => `  - ${line}`).join('\n')}`;
console.log(`\n${report}`);
writeBenchmarkSection('admin', report);
console.log(`\n${word.report}`);
writeBenchmarkSection('admin-word', word.report);
console.log('Written to docs/benchmarks.md');
if (changed.length > 0 || word.overBudget) process.exitCode = 1;
