/**
 * The built sites: every published entry has its page, and drafts appear nowhere a
 * citizen could reach: no page, no list item, no feed entry, no sitemap entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ParsedFile } from '../../src/content/check.ts';
import { COLLECTIONS } from '../../src/content/model.ts';
import { FIXTURE_DIST, FIXTURE_SRC, ROOT, SITE_DIST } from '../support/paths.ts';

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
    dist: FIXTURE_DIST,
    content: checkContent({
      rootDir: ROOT,
      contentDir: path.join(FIXTURE_SRC, 'content'),
      publicDir: path.join(FIXTURE_SRC, 'public'),
    }),
  },
  {
    name: 'real content',
    dist: SITE_DIST,
    content: checkContent({ rootDir: ROOT, contentDir: path.join(ROOT, 'content') }),
  },
];

describe.each(sites)('the $name site', ({ dist, content }) => {
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

  it('lists every published entry in the feed or the sitemap', () => {
    const sitemap = fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    for (const { collection, file } of published) {
      expect(sitemap, `${collection}/${file.slug}`).toContain(`/${collection}/${file.slug}/</loc>`);
    }
    expect(fs.readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8')).toContain('sitemap-0.xml');
    expect(fs.readFileSync(path.join(dist, 'rss.xml'), 'utf8')).toContain('<language>zh-cn</language>');
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
