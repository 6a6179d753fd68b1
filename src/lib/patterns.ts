/**
 * The shapes content values must have: 文号, slugs, dates, image paths and attachments. Plain
 * constants, so the content model, the CMS bundle and the Word import (which runs in the
 * browser) all test values against the same rules.
 */

/** A 文号: 机关代字〔年份〕序号号, e.g. 望妇发〔2024〕1号. */
export const DOC_NUMBER_PATTERN = /^[\u4e00-\u9fa5]{1,12}〔(19|20)\d{2}〕[1-9]\d{0,3}号$/u;

/** A slug: the file name of an entry, lowercase ASCII letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An image path in front matter: relative to the entry, e.g. ./images/photo.jpg. */
export const IMAGE_PATH_PATTERN = /^\.{1,2}\/[^\s]+\.(jpe?g|png|webp|avif)$/i;

/** A date as editors write it: YYYY-MM-DD. Whether it is a real calendar date is checked too. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** http(s) addresses, as `z.url({ protocol: /^https?$/ })` accepts them. */
export const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/;

/** Where downloadable attachments are served from (`public/uploads/` in the repository). */
export const UPLOADS_PUBLIC_PATH = '/uploads/';

/** Attachment files editors may upload: documents people download and print. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'ofd', 'zip'] as const;

/**
 * An attachment's file name (the folder is fixed): one of the extensions, no whitespace. Decap's
 * file widget checks its pattern against the name only and lowercases uploads, hence no `i`.
 */
export const ATTACHMENT_NAME_PATTERN = new RegExp(`^[^\\s?#/]+\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`);

/** A path under /uploads/ with an attachment's extension: safe to link. */
export function isAttachmentPath(file: string): boolean {
  return file.startsWith(UPLOADS_PUBLIC_PATH) && ATTACHMENT_NAME_PATTERN.test(file.slice(UPLOADS_PUBLIC_PATH.length));
}
