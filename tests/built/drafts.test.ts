/**
 * No draft leaves the build that has drafts and a SITE_URL (the hostile build: the fixture's
 * drafts, a feed and a sitemap): not as a page, in a list or the home page, in rss.xml or the
 * sitemap, in the search index or its word list, nor through an attachment. The same checker
 * then runs with published entries forced to be drafts, and must find them in every one of
 * those places: the check above can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check/index.ts';
import { COLLECTIONS } from '../../src/content/model.ts';
import { draftLeaks, readBuild, uploadsOf, type SiteEntry } from '../support/draft-leaks.ts';
import { HOSTILE_DIST, HOSTILE_SRC, ROOT } from '../support/paths.ts';

const content = checkContent({
  rootDir: ROOT,
  contentDir: path.join(HOSTILE_SRC, 'content'),
  publicDir: path.join(HOSTILE_SRC, 'public'),
});
const entries: SiteEntry[] = COLLECTIONS.flatMap((collection) =>
  (content.files.get(collection) ?? []).map((file) => ({ collection, file, draft: file.data['draft'] === true })),
);
const output = readBuild(HOSTILE_DIST);

describe('the hostile build, which has drafts and a SITE_URL', () => {
  it('has drafts (one with an attachment), a feed, a sitemap and a search index to check', () => {
    expect(content.errors).toEqual([]);
    const drafts = entries.filter((entry) => entry.draft);
    expect(drafts.map((entry) => `${entry.collection}/${entry.file.slug}`)).toEqual(
      expect.arrayContaining(['notices/draft-secret', 'notices/draft-with-attachment', 'news/draft-news']),
    );
    expect(drafts.flatMap((entry) => uploadsOf(entry.file.data))).toContain('draft-only-attachment.pdf');
    expect(output.text.get('rss.xml')).toContain('<item>');
    expect(output.text.get('sitemap-0.xml')).toContain('/notices/wangfufa-2024-1/</loc>');
    expect(output.index.size).toBeGreaterThan(3);
    expect(output.words.length).toBeGreaterThan(100);
  });

  it('lets no draft out: no page, list, home page, feed, sitemap, search index, word or attachment', () => {
    expect(draftLeaks(output, entries)).toEqual([]);
  });

  it('keeps attachments no published entry uses out of the build, and the published ones in', () => {
    expect(fs.existsSync(path.join(HOSTILE_DIST, 'uploads/draft-only-attachment.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(HOSTILE_SRC, 'public/uploads/draft-only-attachment.pdf'))).toBe(true);
    // The real site's attachment belongs to a notice the fixture does not have.
    expect(fs.existsSync(path.join(HOSTILE_DIST, 'uploads/2024-zuimei-jiating-tuijianbiao.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(HOSTILE_DIST, 'uploads/fixture-form.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(HOSTILE_DIST, 'uploads/test-wechat-qr.png'))).toBe(true);
    const log = fs.readFileSync(`${HOSTILE_DIST}.build.log`, 'utf8');
    expect(log).toContain('public/uploads/draft-only-attachment.pdf');
    expect(log).toMatch(/没有被任何已发布的内容使用/);
  });
});

describe('the draft checker, with published entries forced to be drafts', () => {
  // The newest notice is on the home page, the first list page and in the feed; 2024-new-rules
  // has an attachment.
  const newest = entries
    .filter((entry) => entry.collection === 'notices' && !entry.draft)
    .sort((a, b) => String(b.file.data['date']).localeCompare(String(a.file.data['date'])))[0]!;
  const forced = new Set([`notices/${newest.file.slug}`, 'notices/2024-new-rules']);
  const leaks = draftLeaks(
    output,
    entries.map((entry) => ({ ...entry, draft: entry.draft || forced.has(`${entry.collection}/${entry.file.slug}`) })),
  );
  const of = (id: string) => leaks.filter((leak) => leak.startsWith(`${id}:`));

  it.each([
    ['its own page', /has its own page/],
    ['the home page', / the page index\.html$/],
    ['the list', / the page notices\/index\.html$/],
    ['the feed', / the feed rss\.xml$/],
    ['the sitemap', / the sitemap sitemap-0\.xml$/],
    ['the search index', /in the search index /],
  ])('finds the newest notice in %s', (_, pattern) => {
    expect(of(`notices/${newest.file.slug}`)).toContainEqual(expect.stringMatching(pattern));
  });

  it('finds an attachment only that entry uses', () => {
    expect(of('notices/2024-new-rules')).toContain(
      'notices/2024-new-rules: its attachment uploads/fixture-form.pdf is online',
    );
  });

  it('finds a word only a draft holds in the word list', () => {
    const leaked = { ...output, words: [...output.words, '丁戊己'] };
    expect(draftLeaks(leaked, entries)).toEqual([`notices/draft-secret: words 丁戊己 in search/words.json`]);
  });
});
