/**
 * The link checker: every internal link, #anchor, image, script, stylesheet and attachment in
 * a built site must resolve to a file of that site. A dead attachment is an inspection
 * failure, and a broken link is the first thing a citizen notices. External links are not
 * fetched (the build machine has no internet, and a remote site's outage must not stop a
 * publication); links to the site's own address (SITE_URL) count as internal.
 *
 * It reads the built HTML with regular expressions, which is enough for Astro's own
 * well-formed output and fast on thousands of pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, RESERVED_SLUGS } from '../content/model.ts';

export interface BrokenLink {
  /** The built file holding the link, relative to the output folder (`notices/x/index.html`). */
  page: string;
  /** The link as written in the page. */
  link: string;
  /** What is wrong, in Chinese. */
  problem: string;
  /** The content file the page was built from, when there is one (`content/notices/x.md`). */
  source?: string | undefined;
}

/** Tags whose URL attributes are followed. `a` and `area` navigate; the others load. */
const URL_TAG = /<(a|area|link|img|script|source|iframe|video|audio|track|embed)\b[^>]*>/gi;
const ATTRIBUTE = /\s([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** `<link rel>` values that point at something the browser or a reader follows. */
const FOLLOWED_REL =
  /\b(stylesheet|icon|alternate|canonical|prev|next|preload|modulepreload|manifest|apple-touch-icon)\b/i;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([\da-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every HTML and XML file of the output, relative paths with forward slashes. */
function outputFiles(dist: string): string[] {
  return fs
    .readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|xml)$/.test(file))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The URL a built file is served at: `notices/x/index.html` → `/notices/x/`. */
function urlOf(file: string): string {
  return `/${file}`.replace(/\/index\.html$/, '/');
}

/** The content file an entry page was built from, so an editor knows what to fix. */
export function sourceOf(page: string): string | undefined {
  const match = /^([a-z]+)\/([a-z0-9-]+)\/index\.html$/.exec(page);
  if (!match) return undefined;
  const [, collection, slug] = match as unknown as [string, string, string];
  if (!(COLLECTIONS as readonly string[]).includes(collection) || (RESERVED_SLUGS as readonly string[]).includes(slug))
    return undefined;
  return `content/${collection}/${slug}.md`;
}

/** The URLs a page refers to, with the tag each came from. */
function linksOf(html: string): { url: string; tag: string }[] {
  const links: { url: string; tag: string }[] = [];
  for (const tagMatch of html.matchAll(URL_TAG)) {
    const tag = tagMatch[1]!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const attribute of tagMatch[0].matchAll(ATTRIBUTE)) {
      attributes.set(attribute[1]!.toLowerCase(), decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    if (tag === 'link' && !FOLLOWED_REL.test(attributes.get('rel') ?? '')) continue;
    for (const name of ['href', 'src']) {
      const value = attributes.get(name);
      if (value !== undefined) links.push({ url: value, tag });
    }
    for (const name of ['srcset', 'imagesrcset']) {
      for (const candidate of (attributes.get(name) ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) links.push({ url, tag });
      }
    }
  }
  return links;
}

/** `<loc>` and `<link>` of sitemaps and feeds. */
function xmlLinksOf(xml: string): { url: string; tag: string }[] {
  return [...xml.matchAll(/<(loc|link)>([^<]+)<\/\1>/g)].map((match) => ({
    url: decodeEntities(match[2]!.trim()),
    tag: match[1]!,
  }));
}

/**
 * Checks every link of the built site in `dist`. `site` is the production address
 * (SITE_URL), whose links are checked like relative ones.
 */
export function checkLinks(dist: string, options: { site?: string | undefined } = {}): BrokenLink[] {
  const origin = options.site ? new URL(options.site).origin : undefined;
  const broken: BrokenLink[] = [];
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      const html = fs.readFileSync(path.join(dist, file), 'utf8');
      ids = new Set([...html.matchAll(ID)].map((match) => decodeEntities(match[1] ?? match[2] ?? '')));
      idCache.set(file, ids);
    }
    return ids;
  };
  /** The built file a site path is served from, or undefined. Every page repeats the navigation: cache. */
  const files = new Map<string, string | undefined>();
  const fileFor = (pathname: string): string | undefined => {
    if (files.has(pathname)) return files.get(pathname);
    const relative = pathname.replace(/^\/+/, '');
    const candidates = pathname.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
    const found = candidates.find((candidate) => {
      const absolute = path.join(dist, candidate);
      return absolute.startsWith(dist) && fs.statSync(absolute, { throwIfNoEntry: false })?.isFile() === true;
    });
    files.set(pathname, found);
    return found;
  };

  for (const page of outputFiles(dist)) {
    const text = fs.readFileSync(path.join(dist, page), 'utf8');
    const isXml = page.endsWith('.xml');
    const base = new URL(urlOf(page), 'http://site.invalid');
    for (const { url, tag } of isXml ? xmlLinksOf(text) : linksOf(text)) {
      if (url === '' || url === '#' || url.startsWith('#:~:')) continue;
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        broken.push({ page, link: url, problem: '不是有效的网址', source: sourceOf(page) });
        continue;
      }
      const internal = target.origin === base.origin || (origin !== undefined && target.origin === origin);
      if (!internal) {
        if (target.protocol === 'javascript:' || target.protocol === 'data:' || target.protocol === 'vbscript:') {
          broken.push({ page, link: url, problem: `使用了不安全的 ${target.protocol} 地址`, source: sourceOf(page) });
        }
        continue;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        broken.push({ page, link: url, problem: '网址中的编码有误', source: sourceOf(page) });
        continue;
      }
      const file = fileFor(pathname);
      if (!file) {
        const what = tag === 'img' || tag === 'source' ? '图片' : /\/uploads\//.test(pathname) ? '附件' : '页面或文件';
        broken.push({ page, link: url, problem: `链接的${what}不存在`, source: sourceOf(page) });
        continue;
      }
      const fragment = target.hash ? decodeURIComponent(target.hash.slice(1)) : '';
      if (fragment && tag !== 'link' && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        broken.push({ page, link: url, problem: `页面上没有 id 为“${fragment}”的位置`, source: sourceOf(page) });
      }
    }
  }
  return broken;
}

/** One line per broken link, for editors: where, what, and what to do. */
export function formatBrokenLink(link: BrokenLink): string {
  const from = link.source ? `${link.source}（页面 ${link.page}）` : link.page;
  return `[错误] ${from} — ${link.problem}：${link.link} — 请改正或删除这个链接；附件和图片请确认文件已上传`;
}
