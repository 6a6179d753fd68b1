/**
 * The admin in the built site: at /admin/ only, with its own CSP, out of search engines, the
 * XML sitemap and the search index, and never loaded by a public page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../admin/build/backend.ts';
import { adminCsp, serializeCsp } from '../../src/build/csp.ts';
import { SITE_DIST } from '../support/paths.ts';

const read = (file: string) => fs.readFileSync(path.join(SITE_DIST, file.replace(/^\//, '')), 'utf8');
const admin = read('admin/index.html');
/** The scripts a page loads (`/_astro/….js` for public pages, `/admin/cms.js` for the admin). */
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
/**
 * The chunks a bundled script imports, in the forms rolldown writes: `import{t as e}from"./x.js"`,
 * `import"./x.js"`, `export{…}from"./x.js"` and dynamic `import("./x.js")`.
 */
const CHUNK_IMPORT = /(?:\bimport|\bexport)\s*(?:\(\s*|[\w${}*,\s]+from\s*)?["'](\.\/[^"']+\.js)["']/g;
const importsOf = (code: string) => [...code.matchAll(CHUNK_IMPORT)].map((match) => match[1]!);
/**
 * Every script file a page can run: the ones it loads, and what they import, followed through
 * the chunks, as the browser fetches them.
 */
function scriptGraph(html: string): Set<string> {
  const seen = new Set<string>();
  const queue = scriptsOf(html).filter((src) => src.startsWith('/'));
  while (queue.length > 0) {
    const src = queue.pop()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const code = read(src);
    for (const chunk of importsOf(code)) queue.push(path.posix.join(path.posix.dirname(src), chunk));
  }
  return seen;
}
const publicPages = fs
  .readdirSync(SITE_DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html') && !file.startsWith('admin'));

describe('the built admin', () => {
  it('carries the admin CSP in a meta tag, before any script', () => {
    const csp = serializeCsp(adminCsp(backendFromEnv({}).origins), { forMeta: true });
    const at = admin.indexOf(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(admin.indexOf('<script'));
  });

  it('is kept out of search engines, the XML sitemap and the search index', () => {
    expect(admin).toMatch(/<meta name="robots" content="noindex, nofollow">/);
    expect(admin).not.toContain('data-pagefind-body');
    expect(admin).toContain('data-pagefind-ignore="all"');
    const sitemaps = fs.readdirSync(SITE_DIST).filter((file) => /^sitemap.*\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) expect(read(file)).not.toContain('/admin/');
  });

  it('loads one bundle, which no public page loads', () => {
    const [bundle, ...others] = scriptsOf(admin);
    expect(others).toEqual([]);
    expect(fs.statSync(path.join(SITE_DIST, bundle!)).size).toBeGreaterThan(1_000_000);
    expect(publicPages.length).toBeGreaterThan(20);
    for (const page of publicPages) {
      const html = read(page);
      expect(scriptsOf(html), page).not.toContain(bundle);
      expect(html, page).not.toContain("'unsafe-eval'");
    }
  });

  it('finds every import form rolldown writes, so the check below cannot pass by missing them', () => {
    const code =
      'import{t as e}from"./dates.PHAX6BEG.js";import"./side.A1.js";import*as n from"./all.B2.js";' +
      'export{a as b}from"./re.C3.js";const m=()=>__vitePreload(()=>import("./apl.D3AK5cO6.js"),[]);' +
      'const u="/pagefind/pagefind.js";';
    expect(importsOf(code)).toEqual([
      './dates.PHAX6BEG.js',
      './side.A1.js',
      './all.B2.js',
      './re.C3.js',
      './apl.D3AK5cO6.js',
    ]);
  });

  it('shares no script file with any public page, so the admin never changes what citizens download', () => {
    const adminFiles = scriptGraph(admin);
    expect(adminFiles.size).toBeGreaterThan(0);
    const publicFiles = new Set(publicPages.flatMap((page) => [...scriptGraph(read(page))]));
    expect(publicFiles.size).toBeGreaterThan(1);
    expect([...publicFiles].filter((file) => adminFiles.has(file))).toEqual([]);
  });

  it('embeds the config generated at build time, not a config.yml fetched at run time', () => {
    const json = /<script type="application\/json" id="cms-config">(.*?)<\/script>/s.exec(admin)?.[1];
    const config = JSON.parse(json!) as { load_config_file: boolean; locale: string; collections: unknown[] };
    expect(config).toMatchObject({ load_config_file: false, locale: 'zh_Hans' });
    expect(config.collections).toHaveLength(6);
  });
});
