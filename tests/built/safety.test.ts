/**
 * What reaches citizens from the built sites: hostile markup written into an article comes out
 * clean while the allowed markup survives, a 600 KB article builds, every page carries the
 * strict CSP, and no link, anchor, image or attachment is broken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CSP, scriptHash, serializeCsp } from '../../src/build/csp.ts';
import { checkLinks, formatBrokenLink } from '../../src/build/link-check.ts';
import { LONG_ARTICLE_BYTES, LONG_ARTICLE_SLUG } from '../support/bad-input.ts';
import { FIXTURE_DIST, HOSTILE_DIST, SITE_DIST, TEST_SITE_URL } from '../support/paths.ts';

const read = (dist: string, file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

/** The article body as built: the `.fl-prose` block of an entry page (a body holds no div of its own). */
function prose(html: string): string {
  const start = html.indexOf('<div class="fl-prose">');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</div>', start));
}

describe('an article written by a hijacked editor account', () => {
  const html = read(HOSTILE_DIST, 'news/2024-hostile-markup/index.html');
  const body = prose(html);

  it('builds, and its body keeps no script, style, frame, form or embedded object', () => {
    expect(body).not.toMatch(/<(script|style|iframe|frame|form|input|button|object|embed|svg|math|meta|base|link)\b/i);
    expect(html).not.toContain('HACKED');
    expect(html).not.toContain('phish.example');
    expect(html).not.toContain('video.example');
  });

  it('keeps no event-handler attribute, inline style or class from the editor anywhere in the page', () => {
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(body).not.toContain('fl-header');
  });

  it('keeps no javascript:, data: or vbscript: address', () => {
    const urls = [...html.matchAll(/\s(?:href|src|action|formaction|srcset|xlink:href)\s*=\s*"([^"]*)"/gi)].map(
      (m) => m[1]!,
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/javascript:|vbscript:/i);
  });

  it('has only the site’s own scripts: the 无障碍 settings loader, its module and the JSON-LD data block', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([
      '<script type="application/ld+json">',
      '<script>',
      expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/),
    ]);
  });

  it('keeps the markup editors are allowed: a table with caption and column headers, sup, sub, abbr, br', () => {
    expect(body).toContain('<caption>补贴标准</caption>');
    expect(body).toContain('<th scope="col">金额（元）</th>');
    expect(body).toContain('<td>创业补贴<sup>注</sup></td>');
    expect(body).toContain('<td>3000</td>');
    expect(body).toContain('H<sub>2</sub>O、m<sup>2</sup>');
    expect(body).toContain('<abbr title="妇女联合会">妇联</abbr><br>');
    expect(body).toContain('<th class="fl-align-center">街镇</th>');
    expect(body).toContain('<a href="/notices/">站内链接</a>');
    expect(body).toContain('<img src="/favicon.svg" alt="网站图标">');
    expect(body).toContain('普通文字保留下来。');
  });

  it('keeps footnotes working, labelled in Chinese', () => {
    expect(body).toMatch(/<h2 class="sr-only" id="footnote-label">注释<\/h2>/);
    expect(body).toContain('aria-label="返回正文第 1 处引用"');
    expect(body).toMatch(
      /<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1<\/a>/,
    );
  });
});

describe('a very long article', () => {
  it(`builds from ${LONG_ARTICLE_BYTES / 1024} KB of Markdown, every section included`, () => {
    const source = fs.readFileSync(
      path.join(HOSTILE_DIST, '..', 'hostile-src/content/news', `${LONG_ARTICLE_SLUG}.md`),
      'utf8',
    );
    expect(Buffer.byteLength(source)).toBeGreaterThanOrEqual(LONG_ARTICLE_BYTES);
    const sections = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    const html = read(HOSTILE_DIST, `news/${LONG_ARTICLE_SLUG}/index.html`);
    expect(html).toContain('<h1 class="fl-page-title">一篇很长的文章</h1>');
    expect(sections.length).toBeGreaterThan(20);
    for (const section of [sections[0]!, sections.at(-1)!])
      expect(html).toMatch(new RegExp(`<h2 id="[^"]+">${section}</h2>`));
  });
});

const builds = [
  { name: 'real content', dist: SITE_DIST, site: TEST_SITE_URL },
  { name: 'fixture', dist: FIXTURE_DIST, site: undefined },
  { name: 'hostile', dist: HOSTILE_DIST, site: TEST_SITE_URL },
];

describe.each(builds)('the $name build', ({ dist, site }) => {
  const pages = fs
    .readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('admin'));

  it('has no broken internal link, anchor, image or attachment', () => {
    expect(checkLinks(dist, { site }).map(formatBrokenLink)).toEqual([]);
  });

  it('declares the strict CSP first in the head of every public page', () => {
    expect(pages.length).toBeGreaterThan(10);
    const meta = `<head><meta http-equiv="Content-Security-Policy" content="${serializeCsp(PUBLIC_CSP, { forMeta: true })}">`;
    for (const page of pages) expect(read(dist, page), page).toContain(meta);
  });

  it('has no inline script or style a strict CSP would block: each inline script is one it allows by hash', () => {
    const allowed = PUBLIC_CSP['script-src'] ?? [];
    let inline = 0;
    for (const page of pages) {
      const html = read(dist, page);
      for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\ssrc="\/|type="application\/ld\+json"/.test(attributes!)) continue;
        expect(allowed, page).toContain(scriptHash(text!));
        inline++;
      }
      expect(html, page).not.toMatch(/<style\b|\sstyle\s*=|\son[a-z]+\s*=/i);
    }
    // Every page's 无障碍 settings, and the search page's start of Pagefind.
    expect(inline).toBe(pages.length + 1);
  });
});
