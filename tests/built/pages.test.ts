/**
 * The built sites: every published entry has its page, and drafts appear nowhere a
 * citizen could reach: no page, no list item, no feed entry, no sitemap entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ParsedFile } from '../../src/content/check/index.ts';
import { COLLECTIONS } from '../../src/content/model.ts';
import { FIXTURE_DIST, FIXTURE_SRC, ROOT, SITE_DIST, TEST_SITE_URL } from '../support/paths.ts';

/** All HTML, XML and text output of a build, by relative path. */
function outputFiles(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (/\.(html|xml|txt)$/.test(file)) files.set(file, fs.readFileSync(path.join(dist, file), 'utf8'));
  }
  return files;
}

const sites = [
  {
    name: 'fixture',
    hasSiteUrl: false,
    dist: FIXTURE_DIST,
    content: checkContent({
      rootDir: ROOT,
      contentDir: path.join(FIXTURE_SRC, 'content'),
      publicDir: path.join(FIXTURE_SRC, 'public'),
    }),
  },
  {
    name: 'real content',
    hasSiteUrl: true,
    dist: SITE_DIST,
    content: checkContent({ rootDir: ROOT, contentDir: path.join(ROOT, 'content') }),
  },
];

describe.each(sites)('the $name site', ({ dist, content, hasSiteUrl }) => {
  const entries = COLLECTIONS.flatMap((collection) =>
    (content.files.get(collection) ?? []).map((file) => ({ collection, file })),
  );
  const published = entries.filter(({ file }) => !file.data['draft']);
  const drafts = entries.filter(({ file }) => file.data['draft']);
  const page = (collection: string, file: ParsedFile) => path.join(dist, collection, file.slug, 'index.html');

  it('has content that passes the check', () => {
    expect(content.errors).toEqual([]);
    expect(published.length).toBeGreaterThan(10);
  });

  it('builds a page for every published entry, with its title as the h1', () => {
    for (const { collection, file } of published) {
      const html = fs.readFileSync(page(collection, file), 'utf8');
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim();
      expect(h1, `${collection}/${file.slug}`).toBe(String(file.data['title']).trim());
    }
  });

  it('builds no page for a draft, and no draft title appears in any page, feed or sitemap', () => {
    const output = outputFiles(dist);
    for (const { collection, file } of drafts) {
      expect(fs.existsSync(page(collection, file)), `${collection}/${file.slug}`).toBe(false);
      const title = String(file.data['title']);
      for (const [name, text] of output) {
        expect(text.includes(title), `draft “${title}” found in ${name}`).toBe(false);
        expect(text.includes(`/${collection}/${file.slug}/`), `draft link found in ${name}`).toBe(false);
      }
    }
  });

  it('shows no draft’s body or other text (person, summary…) anywhere in the output', () => {
    const output = outputFiles(dist);
    // Values a published entry shares (a default issuer, a kind) may appear, of course.
    const shared = new Set(published.flatMap(({ file }) => Object.values(file.data)));
    for (const { file } of drafts) {
      const texts = [
        file.body.trim(),
        ...Object.values(file.data).filter((value): value is string => typeof value === 'string' && !shared.has(value)),
      ].filter((text) => text.length >= 6 && !/^\d{4}-\d{2}-\d{2}$/.test(text));
      expect(texts.length, file.file).toBeGreaterThan(0);
      for (const text of texts) {
        for (const [name, content] of output)
          expect(content.includes(text), `draft text “${text}” found in ${name}`).toBe(false);
      }
    }
  });

  it.runIf(hasSiteUrl)('lists every published entry in the XML sitemap, and has a Chinese feed', () => {
    const sitemap = fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    for (const { collection, file } of published) {
      expect(sitemap, `${collection}/${file.slug}`).toContain(`/${collection}/${file.slug}/</loc>`);
    }
    expect(fs.readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8')).toContain('sitemap-0.xml');
    expect(fs.readFileSync(path.join(dist, 'rss.xml'), 'utf8')).toContain('<language>zh-cn</language>');
  });

  it.runIf(hasSiteUrl)('gives every page its canonical URL and Open Graph address', () => {
    const html = fs.readFileSync(path.join(dist, 'notices/wangfufa-2024-1/index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/notices/wangfufa-2024-1/">`);
    expect(html).toContain(`<meta property="og:url" content="${TEST_SITE_URL}/notices/wangfufa-2024-1/">`);
  });

  it.runIf(!hasSiteUrl)('invents no absolute address without SITE_URL: no canonical, feed or XML sitemap', () => {
    expect(fs.existsSync(path.join(dist, 'rss.xml'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(false);
    for (const [name, text] of outputFiles(dist)) {
      expect(text, name).not.toMatch(/rel="canonical"|property="og:url"|mainEntityOfPage|localhost/);
    }
  });

  it('describes the organisation on the home page and each entry as an Article, in JSON-LD', () => {
    const jsonLd = (file: string) =>
      JSON.parse(
        /<script type="application\/ld\+json">(.*?)<\/script>/.exec(
          fs.readFileSync(path.join(dist, file), 'utf8'),
        )![1]!,
      ) as Record<string, unknown>;
    expect(jsonLd('index.html')).toMatchObject({ '@type': 'GovernmentOrganization', name: '长沙市望城区妇女联合会' });
    expect(jsonLd('notices/wangfufa-2024-1/index.html')).toMatchObject({
      '@type': 'Article',
      headline: '关于印发《长沙市望城区妇联2024年工作要点》的通知',
      datePublished: '2024-01-02',
      inLanguage: 'zh-CN',
    });
  });

  it('declares zh-CN on every page', () => {
    for (const [name, text] of outputFiles(dist)) {
      if (name.endsWith('.html')) expect(text, name).toMatch(/<html lang="zh-CN"/);
    }
  });
});

describe('the fixture drafts', () => {
  it('are really there in the source, so the draft tests above test something', () => {
    const drafts = sites[0]!.content.files.get('notices')!.filter((file) => file.data['draft']);
    expect(drafts.map((file) => file.slug)).toContain('draft-secret');
  });
});
