/**
 * Where a draft could leak out of a build, checked in one place: its own page, any other page
 * (lists, the home page, related links, the site map), rss.xml, the XML sitemaps, the search
 * index (decoded), the word list for browsers without Intl.Segmenter, and its attachments under
 * /uploads/. `draftLeaks` returns one line per leak; an empty list means no draft got out.
 * tests/built/drafts.test.ts runs it over the hostile build, and again with published entries
 * forced to be drafts, to show every channel can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedFile } from '../../src/content/check/index.ts';
import { decodePagefindFile } from '../../src/build/search-index.ts';
import { WORDS_FILE } from '../../src/lib/search-keys.ts';

export interface SiteEntry {
  collection: string;
  file: ParsedFile;
  draft: boolean;
}

/** The output a citizen (or a feed reader, a search engine, the search page) can reach. */
export interface BuildOutput {
  dist: string;
  /** Pages, feed and sitemaps by path relative to dist (admin left out: it shows no content). */
  text: Map<string, string>;
  /** The decoded search index files, by path under pagefind/. */
  index: Map<string, string>;
  words: string[];
  uploads: Set<string>;
}

export function readBuild(dist: string): BuildOutput {
  const text = new Map<string, string>();
  for (const file of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (/\.(html|xml|txt)$/.test(file) && !file.startsWith('admin')) {
      text.set(file, fs.readFileSync(path.join(dist, file), 'utf8'));
    }
  }
  const index = new Map<string, string>();
  const pagefind = path.join(dist, 'pagefind');
  for (const file of fs.readdirSync(pagefind, { recursive: true, encoding: 'utf8' })) {
    if (!/\.pf_(fragment|index|filter|meta)$/.test(file)) continue;
    // Pagefind separates Chinese words with zero-width spaces.
    index.set(
      file,
      decodePagefindFile(fs.readFileSync(path.join(pagefind, file)))
        .toString('utf8')
        .replaceAll('\u200b', ''),
    );
  }
  const words = JSON.parse(fs.readFileSync(path.join(dist, WORDS_FILE), 'utf8')) as string[];
  const uploadsDir = path.join(dist, 'uploads');
  const uploads = new Set(
    fs.existsSync(uploadsDir)
      ? fs.readdirSync(uploadsDir, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'))
      : [],
  );
  return { dist, text, index, words, uploads };
}

/** Every `/uploads/…` path in an entry's data, at any depth (attachments, a QR code…). */
export function uploadsOf(data: unknown): string[] {
  if (typeof data === 'string') return data.startsWith('/uploads/') ? [data.slice('/uploads/'.length)] : [];
  if (Array.isArray(data)) return data.flatMap(uploadsOf);
  if (data && typeof data === 'object') return Object.values(data).flatMap(uploadsOf);
  return [];
}

/** Strings of `data`, at any depth. */
function stringsOf(data: unknown): string[] {
  if (typeof data === 'string') return [data];
  if (Array.isArray(data)) return data.flatMap(stringsOf);
  if (data && typeof data === 'object') return Object.values(data).flatMap(stringsOf);
  return [];
}

/**
 * A draft's texts that only it has: its title, its body, and every other string value (person,
 * summary, attachment title, tag…), six characters or more, not a date, and found in no
 * published entry's values or body (a tag like 志愿服务大赛 may well be in another article's text).
 */
export function distinctiveTexts(draft: ParsedFile, published: readonly ParsedFile[]): string[] {
  const corpus = published.flatMap((file) => [...stringsOf(file.data), file.body]).join('\n');
  return [String(draft.data['title']), draft.body.trim(), ...stringsOf(draft.data)].filter(
    (text, i, all) =>
      text.length >= 6 &&
      !/^\d{4}-\d{2}-\d{2}$/.test(text) &&
      !text.startsWith('/uploads/') &&
      !corpus.includes(text) &&
      all.indexOf(text) === i,
  );
}

function where(name: string): string {
  if (name === 'rss.xml') return 'the feed rss.xml';
  if (/^sitemap.*\.xml$/.test(name)) return `the sitemap ${name}`;
  return `the page ${name}`;
}

export function draftLeaks(output: BuildOutput, entries: readonly SiteEntry[]): string[] {
  const leaks: string[] = [];
  const published = entries.filter((entry) => !entry.draft).map((entry) => entry.file);
  const usedByPublished = new Set(published.flatMap((file) => uploadsOf(file.data)));
  const publishedHtml = [...output.text].filter(([name]) => name.endsWith('.html')).map(([, text]) => text);
  for (const { collection, file } of entries.filter((entry) => entry.draft)) {
    const id = `${collection}/${file.slug}`;
    const url = `/${collection}/${file.slug}/`;
    const ownPage = path.join(collection, file.slug, 'index.html');
    if (fs.existsSync(path.join(output.dist, ownPage))) leaks.push(`${id}: has its own page ${ownPage}`);
    const texts = distinctiveTexts(file, published);
    for (const [name, text] of output.text) {
      if (name === ownPage) continue;
      if (text.includes(url)) leaks.push(`${id}: linked from ${where(name)}`);
      for (const found of texts.filter((t) => text.includes(t))) leaks.push(`${id}: “${found}” in ${where(name)}`);
    }
    for (const [name, text] of output.index) {
      if (text.includes(url)) leaks.push(`${id}: its URL in the search index ${name}`);
      for (const found of texts.filter((t) => text.includes(t)))
        leaks.push(`${id}: “${found}” in the search index ${name}`);
    }
    // A word of the list that only this draft holds: in its text, on no page.
    const own = output.words.filter(
      (word) =>
        word.length >= 2 && texts.some((t) => t.includes(word)) && !publishedHtml.some((html) => html.includes(word)),
    );
    if (own.length > 0) leaks.push(`${id}: words ${own.join('、')} in ${WORDS_FILE}`);
    for (const upload of uploadsOf(file.data)) {
      if (output.uploads.has(upload) && !usedByPublished.has(upload))
        leaks.push(`${id}: its attachment uploads/${upload} is online`);
    }
  }
  return leaks;
}
