/**
 * Rules for the Markdown body: not empty; every image has alt text and exists; every link to
 * an uploaded file points at a file that exists; bold that CommonMark can't close next to
 * Chinese punctuation is flagged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { UPLOADS_PUBLIC_PATH } from '../../lib/patterns.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

/** Image files: skipped when walking a collection's folder, and local images a body may show. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|svg)$/i;

const BODY = { field: 'body', label: '正文' } as const;

/** Where a body's relative files are: the entry's folder, on disk and as editors see it. */
export interface BodyDirs {
  entryDir: string;
  displayDir: string;
  publicDir: string;
}

/**
 * The body: not empty; every image has alt text and exists; every link to an uploaded file
 * points at a file that exists; bold that CommonMark can't close next to Chinese punctuation
 * is flagged. Pages (MDX) get the emptiness check only.
 */
export function checkBody(
  parsed: ParsedFile,
  problems: Problem[],
  dirs?: BodyDirs,
): void {
  if (parsed.body.trim() === '') {
    problems.push({
      severity: 'error',
      file: parsed.file,
      line: parsed.bodyLine,
      ...BODY,
      message: '正文是空的 — 请在第二个 --- 下面写正文；没有正文的条目请设为草稿（draft: true）',
    });
    return;
  }
  if (!dirs) return;
  const report = (index: number, severity: Problem['severity'], message: string) =>
    problems.push({ severity, file: parsed.file, line: parsed.bodyLine + index, ...BODY, message });
  let fenced = false;
  parsed.body.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const image of bodyImages(line)) {
      if (image.alt.trim() === '') {
        report(index, 'error', `图片 ${image.src} 没有替代文字 — 请用一句话描述图片内容，写成 ![描述](${image.src})`);
      }
      const missing = missingLocalFile(image.src, dirs);
      if (missing) report(index, 'error', `图片 ${image.src} 不存在 — 请把图片放到 ${missing}，或改正文件名`);
    }
    for (const href of bodyLinks(line)) {
      const missing = href.startsWith(UPLOADS_PUBLIC_PATH) ? missingLocalFile(href, dirs) : undefined;
      if (missing) report(index, 'error', `附件 ${href} 不存在 — 请把文件上传到 ${missing}，或改正链接`);
    }
    const bold = unclosedEmphasis(line);
    if (bold) {
      report(
        index,
        'warning',
        `“${bold}”不会显示为粗体，页面上会出现星号（星号紧挨中文标点时 Markdown 不认） — 请把标点移到星号外面，例如 **加粗**。后文`,
      );
    }
  });
}

/** `![alt](src)` and `<img … alt=… src=…>` on one line of Markdown. */
function bodyImages(line: string): { alt: string; src: string }[] {
  const images: { alt: string; src: string }[] = [];
  for (const match of line.matchAll(/!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g)) {
    images.push({ alt: match[1] ?? '', src: match[2] ?? '' });
  }
  for (const match of line.matchAll(/<img\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(match[0]);
    const value = (found: RegExpExecArray | null) => (found ? (found[1] ?? found[2] ?? found[3] ?? '') : '');
    images.push({ alt: value(attribute('alt')), src: value(attribute('src')) });
  }
  return images;
}

/** Link targets on one line: `[text](href)` and `<a href="…">`. */
function bodyLinks(line: string): string[] {
  const links: string[] = [];
  for (const match of line.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g)) links.push(match[1] ?? '');
  for (const match of line.matchAll(/<a\b[^>]*\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) links.push(match[1] ?? match[2] ?? '');
  return links;
}

/**
 * Where a local file a body refers to should be, when it isn't there: `./images/x.jpg`
 * beside the entry, `/uploads/x.pdf` in public/. Remote and in-site page links are not
 * files and return undefined.
 */
function missingLocalFile(src: string, dirs: BodyDirs): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(src.replace(/[?#].*$/, ''));
  } catch {
    decoded = src;
  }
  if (decoded.startsWith('./') || decoded.startsWith('../')) {
    return fs.existsSync(path.resolve(dirs.entryDir, decoded))
      ? undefined
      : path.posix.normalize(path.posix.join(dirs.displayDir, decoded));
  }
  if (decoded.startsWith(UPLOADS_PUBLIC_PATH) || (decoded.startsWith('/') && IMAGE_FILE.test(decoded) && !decoded.startsWith('//'))) {
    return fs.existsSync(path.join(dirs.publicDir, decoded)) ? undefined : `public${decoded}`;
  }
  return undefined;
}

/**
 * CommonMark closes `**` only if it is not preceded by punctuation or is followed by a
 * space or punctuation, so `**加粗。**后文` prints its asterisks (and the same for an
 * opening `**` after a character and before punctuation: `文**「引」**`). Rendering the line
 * with the site's own Markdown engine and looking for leftover asterisks finds exactly
 * these. Returns the offending text, or undefined.
 */
function unclosedEmphasis(line: string): string | undefined {
  if (!/\*\*|__/.test(line)) return undefined;
  const html = markdownToHtml(line.replace(/`[^`]*`/g, ''), { features: { gfm: true } }).html;
  const text = html.replace(/<[^>]+>/g, '');
  if (!/\*\*|__/.test(text)) return undefined;
  const fragment = /\S{0,8}(\*\*|__)\S*?[\p{P}\p{S}]?(\*\*|__)\S{0,4}/u.exec(line)?.[0];
  return fragment ?? line.trim().slice(0, 30);
}

