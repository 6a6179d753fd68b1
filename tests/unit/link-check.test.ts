/** The link checker finds each kind of broken link in a small hand-made build. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLink } from '../../src/build/link-check.ts';

let dist: string;

function build(files: Record<string, string>): string {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-links-'));
  const all: Record<string, string> = {
    'index.html': '<main id="main"><a href="#main">正文</a><a href="/notices/">通知</a></main>',
    'notices/index.html': '<h1 id="top">通知公告</h1><a href="/notices/a/">甲</a>',
    'notices/a/index.html': '<h2 id="di-yi-tiao">第一条</h2>',
    'uploads/form.pdf': 'pdf',
    'favicon.svg': '<svg/>',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), text);
  }
  return dist;
}

const links = (files: Record<string, string>, site?: string) =>
  checkLinks(build(files), { site }).map((link) => `${link.page} ${link.link} ${link.problem}`);

afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('the link checker', () => {
  it('passes a site whose links, anchors, images and files all exist', () => {
    expect(
      links({
        'news/b/index.html': [
          '<a href="/notices/a/#di-yi-tiao">第一条</a> <a href="../../notices/">相对</a> <a href="/notices">无斜杠</a>',
          '<a href="/uploads/form.pdf">报名表</a> <img src="/favicon.svg" srcset="/favicon.svg 1x, /favicon.svg 2x" alt="">',
          '<a href="https://www.gov.cn/">外部</a> <a href="mailto:a@example.org">邮件</a> <a href="tel:12338">电话</a>',
          '<a href="/search/?q=%E5%A6%87%E8%81%94">搜索</a> <a href="#">无</a> <a>无链接</a>',
          '<link rel="stylesheet" href="/favicon.svg"><link rel="dns-prefetch" href="https://cdn.example/">',
        ].join('\n'),
        'search/index.html': '<form></form>',
      }),
    ).toEqual([]);
  });

  it('finds a missing page, anchor, image, attachment and srcset candidate', () => {
    expect(
      links({
        'news/b/index.html': [
          '<a href="/notices/gone/">旧通知</a>',
          '<a href="/notices/a/#di-er-tiao">第二条</a>',
          '<a href="#nowhere">本页</a>',
          '<img src="./missing.png" alt="图">',
          '<a href="/uploads/none.pdf">附件</a>',
          '<img src="/favicon.svg" srcset="/favicon.svg 1x, /gone@2x.png 2x" alt="">',
          '<a href="javascript:alert(1)">坏</a>',
        ].join('\n'),
      }),
    ).toEqual([
      'news/b/index.html /notices/gone/ 链接的页面或文件不存在',
      'news/b/index.html /notices/a/#di-er-tiao 页面上没有 id 为“di-er-tiao”的位置',
      'news/b/index.html #nowhere 页面上没有 id 为“nowhere”的位置',
      'news/b/index.html ./missing.png 链接的图片不存在',
      'news/b/index.html /uploads/none.pdf 链接的附件不存在',
      'news/b/index.html /gone@2x.png 链接的图片不存在',
      'news/b/index.html javascript:alert(1) 使用了不安全的 javascript: 地址',
    ]);
  });

  it('checks links to the site’s own address, and sitemap and feed entries', () => {
    const site = 'https://www.example.gov.cn';
    expect(
      links(
        {
          'about/index.html': `<link rel="canonical" href="${site}/about/"><a href="${site}/old/">旧</a>`,
          'sitemap-0.xml': `<urlset><url><loc>${site}/notices/a/</loc></url><url><loc>${site}/gone/</loc></url></urlset>`,
          'rss.xml': `<rss><channel><link>${site}/</link><item><link>${site}/news/gone/</link></item></channel></rss>`,
        },
        site,
      ),
    ).toEqual([
      `about/index.html ${site}/old/ 链接的页面或文件不存在`,
      `rss.xml ${site}/news/gone/ 链接的页面或文件不存在`,
      `sitemap-0.xml ${site}/gone/ 链接的页面或文件不存在`,
    ]);
  });

  it('names the content file an editor must fix', () => {
    const [broken] = checkLinks(build({ 'news/b/index.html': '<a href="/uploads/none.pdf">附件</a>' }));
    expect(formatBrokenLink(broken!)).toBe(
      '[错误] content/news/b.md（页面 news/b/index.html） — 链接的附件不存在：/uploads/none.pdf — 请改正或删除这个链接；附件和图片请确认文件已上传',
    );
  });
});
