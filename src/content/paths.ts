/**
 * Where content is read from. Normally `content/` and `public/`; tests and benchmarks point
 * `SITE_CONTENT_DIR` and `SITE_PUBLIC_DIR` at fixture folders so they build the same site code
 * over other content.
 */
import path from 'node:path';

/** The content folder, relative to the project root (or absolute), from `SITE_CONTENT_DIR`. */
export function contentDir(): string {
  return process.env['SITE_CONTENT_DIR'] || 'content';
}

/** Absolute path of the content folder. */
export function contentRoot(root: string = process.cwd()): string {
  return path.resolve(root, contentDir());
}

/** The public folder (attachments, QR codes), from `SITE_PUBLIC_DIR`; normally `public/`. */
export function publicRoot(root: string = process.cwd()): string {
  return path.resolve(root, process.env['SITE_PUBLIC_DIR'] || 'public');
}
