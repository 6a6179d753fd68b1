/**
 * The bad-input corpus (tests/fixtures/bad/): each case is one file added to an otherwise
 * valid site, the fixture site in tests/fixtures/site. `must-fail/<case>/` holds the broken
 * file under its collection folder; `broken-link/` a valid entry whose link leads nowhere (the
 * content check passes, the link check after the build does not); `must-build/` holds the files that must build cleanly
 * (hostile markup), to which a generated 600 KB article is added.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from './corpus.ts';
import { ROOT } from './paths.ts';

export const BAD_DIR = path.join(ROOT, 'tests/fixtures/bad');

/** The must-fail case names (folder names under tests/fixtures/bad/must-fail). */
export function mustFailCases(): string[] {
  return fs.readdirSync(path.join(BAD_DIR, 'must-fail')).sort();
}

/** The slug of the generated long article in the must-build site. */
export const LONG_ARTICLE_SLUG = '2024-long-article';
/** Its size: the issue's "very long article". */
export const LONG_ARTICLE_BYTES = 600 * 1024;

/**
 * Writes the valid fixture site (content and public folders) into `dir`, then the files of
 * `overlay` (a folder mirroring content/) on top. Returns the two folders for the build env.
 */
export function prepareSite(
  dir: string,
  overlay: string,
  without: readonly string[] = [],
): { contentDir: string; publicDir: string } {
  fs.rmSync(dir, { recursive: true, force: true });
  const contentDir = path.join(dir, 'content');
  const publicDir = path.join(dir, 'public');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/site/content'), contentDir, { recursive: true });
  for (const folder of without) fs.rmSync(path.join(contentDir, folder), { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'public'), publicDir, { recursive: true });
  fs.cpSync(path.join(ROOT, 'tests/fixtures/site/public'), publicDir, { recursive: true });
  fs.cpSync(overlay, contentDir, { recursive: true });
  return { contentDir, publicDir };
}

/** The fixture site plus one broken file: `tests/fixtures/bad/must-fail/<name>`. */
export function prepareMustFail(name: string, dir: string): { contentDir: string; publicDir: string } {
  return prepareSite(dir, path.join(BAD_DIR, 'must-fail', name));
}

/**
 * The fixture site plus the hostile-markup article and a generated 600 KB article. The
 * collections with photos are left out: resizing them is most of a cold build's time, and
 * the fixture build already covers them.
 */
export function prepareMustBuild(dir: string): { contentDir: string; publicDir: string } {
  const site = prepareSite(dir, path.join(BAD_DIR, 'must-build'), ['stories', 'jiafeng']);
  writeLongArticle(path.join(site.contentDir, 'news', `${LONG_ARTICLE_SLUG}.md`));
  return site;
}

/**
 * A news article of LONG_ARTICLE_BYTES (UTF-8) of realistic Chinese text: the corpus
 * generator's sentences, in 600 paragraphs under section headings.
 */
export function writeLongArticle(file: string): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-long-'));
  writeCorpus({ count: 5, dir: scratch, seed: 600, paragraphs: 20 });
  const sentences = fs
    .readdirSync(path.join(scratch, 'news'))
    .map((name) => fs.readFileSync(path.join(scratch, 'news', name), 'utf8').split('\n---\n')[1] ?? '')
    .join('\n\n')
    .split('\n\n')
    .filter((paragraph) => paragraph.trim() !== '');
  fs.rmSync(scratch, { recursive: true, force: true });
  const parts: string[] = [];
  for (let i = 0, bytes = 0; bytes < LONG_ARTICLE_BYTES; i += 1) {
    const part = `${i % 20 === 0 ? `## 第${i / 20 + 1}部分\n\n` : ''}${sentences[i % sentences.length]!.trim()}\n\n`;
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  const body = parts.join('');
  const front = '---\ntitle: 一篇很长的文章\ndate: 2024-05-03\nsource: 望城区妇联\nsample: true\n---\n\n';
  fs.writeFileSync(file, front + body);
}
