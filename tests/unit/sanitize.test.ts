/**
 * The Markdown sanitiser, run through Sätteri exactly as the build configures it: hostile
 * markup goes, the allow-listed markup editors need stays.
 */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { sanitizeMarkdown } from '../../src/lib/sanitize.ts';

/** Markdown → HTML with the site's pipeline (raw HTML parsed, then sanitised). */
function render(markdown: string): string {
  return markdownToHtml(markdown, { hastPlugins: [sanitizeMarkdown], features: { rawHtml: true } }).html;
}

describe('the Markdown sanitiser', () => {
  it.each([
    ['a script element', '正文<script>alert(1)</script>', /<script|alert/],
    ['an event handler', '<img src="/a.png" alt="图" onerror="alert(1)">', /onerror|alert/i],
    ['a javascript: Markdown link', '[点我](javascript:alert(1))', /javascript|alert/i],
    ['a mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript|alert/i],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /javascript|alert/i],
    ['a javascript: link hidden by a tab', '<a href="java&#x09;script:alert(1)">x</a>', /script|alert/i],
    ['a data: link', '<a href="data:text/html,hi">x</a>', /data:/],
    ['a data: image', '![图](data:image/png;base64,AAAA)', /data:/],
    [
      'an image from another host',
      '![图](https://evil.example/x.png) <img src="//evil.example/y.png" alt="y">',
      /evil/,
    ],
    ['an iframe', '<iframe src="https://video.example/embed/1"></iframe>', /iframe|video/],
    [
      'a style element and attribute',
      '<style>body{display:none}</style><p style="color:red">字</p>',
      /style|display|color/,
    ],
    [
      'a form',
      '<form action="https://phish.example"><input name="pw"><button>登录</button></form>',
      /form|input|button|登录|phish/,
    ],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">', /object|embed|swf/],
    ['svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>', /svg|onload|alert/],
    [
      'meta refresh and base',
      '<meta http-equiv="refresh" content="0;url=https://phish.example"><base href="https://phish.example/">',
      /meta|base|phish/,
    ],
    ['a class or id that could hijack the page', '<div class="fl-header" id="main">字</div>', /class|id=/],
    ['a comment', '<!-- secret -->字', /secret/],
  ])('removes %s', (_, markdown, forbidden) => {
    const html = render(markdown);
    expect(html).not.toMatch(forbidden);
  });

  it('keeps the text around removed markup', () => {
    expect(render('前文<span onclick="x()">中间</span>后文')).toBe('<p>前文中间后文</p>\n');
  });

  it('turns a link whose address was removed into plain text, not a dead link', () => {
    expect(render('请[点击这里](javascript:alert(1))报名')).toBe('<p>请点击这里报名</p>\n');
  });

  it('keeps the markup editors need: tables with headers, sup, sub, abbr, br, links', () => {
    const html = render(
      [
        '<table><caption>补贴</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>',
        '<tbody><tr><td rowspan="2">创业<sup>注</sup></td><td>H<sub>2</sub>O</td></tr></tbody></table>',
        '',
        '<abbr title="妇女联合会">妇联</abbr><br>[通知](/notices/) [邮件](mailto:a@example.org) [电话](tel:12338) [外部](https://www.gov.cn/)',
      ].join('\n'),
    );
    expect(html).toContain('<th scope="col" colspan="2">项目</th>');
    expect(html).toContain('<td rowspan="2">创业<sup>注</sup></td>');
    expect(html).toContain('<caption>补贴</caption>');
    expect(html).toContain('H<sub>2</sub>O');
    expect(html).toContain('<abbr title="妇女联合会">妇联</abbr><br>');
    expect(html).toContain('<a href="/notices/">通知</a>');
    expect(html).toContain('<a href="mailto:a@example.org">邮件</a>');
    expect(html).toContain('<a href="tel:12338">电话</a>');
    expect(html).toContain('<a href="https://www.gov.cn/">外部</a>');
  });

  it('turns Markdown column alignment into classes, since the CSP forbids style attributes', () => {
    const html = render('| 街镇 | 人数 |\n| :--: | --: |\n| 月亮岛 | 12 |');
    expect(html).toContain('<th class="fl-align-center">街镇</th>');
    expect(html).toContain('<td class="fl-align-right">12</td>');
    expect(html).not.toContain('style');
  });

  it('keeps local images with their alt text', () => {
    expect(render('![会场](./images/a.jpg "标题")')).toBe(
      '<p><img src="./images/a.jpg" alt="会场" title="标题"></p>\n',
    );
  });

  it('keeps footnotes working: prefixed ids and the links between them', () => {
    const html = render('正文[^1]。\n\n[^1]: 注释内容。');
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBe(2);
    for (const target of targets) expect(ids).toContain(target);
  });

  it('leaves MDX pages alone: they are developer-owned code', () => {
    expect(sanitizeMarkdown({ sourceFormat: 'mdx' })).toBeNull();
    expect(sanitizeMarkdown({ sourceFormat: 'markdown' })).not.toBeNull();
  });
});
