/**
 * URLs of every page, built in one place so links, the sitemap and the feed agree.
 * All site URLs end with a slash (Astro's directory build format).
 */
import type { CollectionName } from '../content/model.ts';

/** `/notices/wangfufa-2024-1/` */
export function entryUrl(collection: CollectionName, slug: string): string {
  return `/${collection}/${slug}/`;
}

/** `/notices/`, or `/notices/page/2/` for a later page. */
export function listUrl(collection: CollectionName, page = 1): string {
  return page <= 1 ? `/${collection}/` : `/${collection}/page/${page}/`;
}

/** `/notices/year/2024/`, or `/notices/year/2024/page/2/`. */
export function yearUrl(collection: CollectionName, year: number, page = 1): string {
  return page <= 1 ? `/${collection}/year/${year}/` : `/${collection}/year/${year}/page/${page}/`;
}

/** A standalone page from `content/pages/`: `/about/`. */
export function pageUrl(slug: string): string {
  return `/${slug}/`;
}

/** `/search/?q=…` */
export function searchUrl(query?: string): string {
  return query ? `/search/?q=${encodeURIComponent(query)}` : '/search/';
}

/**
 * The absolute form of a site path, or undefined when no production address is configured:
 * without `SITE_URL` the site never invents one.
 */
export function absoluteUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(path, site).href : undefined;
}
