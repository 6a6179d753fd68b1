/**
 * Attachments nobody links to stay off the site. Astro copies all of `public/` into the output,
 * so a file in `public/uploads/` would stay online (at a guessable address) after the entry
 * that used it was deleted, unpublished or set to `draft: true`. After the pages are written,
 * every file under `uploads/` that no built page, feed or sitemap refers to is removed from the
 * output (never from `public/`): a draft's attachments go online with the draft, not before,
 * and a taken-down entry's attachments go with it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const UPLOADS = 'uploads';

/** Output files that can refer to an upload: pages, the feed, the sitemaps. */
const REFERRING = /\.(html|xml)$/;

/** `/uploads/…` in a page's src, href or srcset, URL-encoded or not, relative to the site root. */
const UPLOAD_URL = /\/uploads\/([^"'\s<>?#)]+)/g;

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('&amp;', '&'));
  } catch {
    return value;
  }
}

/** Every upload (path under uploads/, with `/`) that a page, feed or sitemap of `dist` refers to. */
export function usedUploads(dist: string): Set<string> {
  const used = new Set<string>();
  for (const file of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!REFERRING.test(file) || file.split(path.sep)[0] === UPLOADS) continue;
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const match of text.matchAll(UPLOAD_URL)) used.add(decode(match[1]!));
  }
  return used;
}

/** Every file under `dist/uploads/`, as a path under uploads/ with `/`. */
export function builtUploads(dist: string): string[] {
  const root = path.join(dist, UPLOADS);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Removes from `dist/uploads/` every file nothing refers to; returns what it removed. */
export function removeUnusedUploads(dist: string): string[] {
  const used = usedUploads(dist);
  const unused = builtUploads(dist).filter((file) => !used.has(file));
  for (const file of unused) fs.rmSync(path.join(dist, UPLOADS, ...file.split('/')));
  return unused;
}
