/**
 * The Markdown sanitiser, run through Sätteri exactly as the build configures it: hostile
 * markup goes, the allow-listed markup editors need stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { needsSanitizing, SANITIZE_PLUGIN, sanitizeMarkdown } from '../../src/lib/sanitize.ts';
import { writeCorpus } from '../support/corpus.ts';
import { ROOT, TEST_DIST } from '../support/paths.ts';

/** The features Astro turns on for Markdown (GFM, smart punctuation), plus the site's raw HTML parsing. */
const FEATURES = { rawHtml: true, gfm: true, smartPunctuation: true };

/** Markdown → HTML with the site's pipeline (raw HTML parsed, then sanitised). */
function render(markdown: string): string {
  return markdownToHtml(markdown, { hastPlugins: [sanitizeMarkdown], features: FEATURES }).html;
}

/** The same, with every document sanitised: what the site did before the plain-prose fast path. */
function renderAlwaysSanitised(markdown: string): string {
  return markdownToHtml(markdown, { hastPlugins: [SANITIZE_PLUGIN], features: FEATURES }).html;
}

/** The body of a Markdown file, without its front matter. */
const body = (file: string) => fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

/** Hostile input, and what must not survive of it. */
const HOSTILE: [string, string, RegExp][] = [
  ['a script element', '正文<script>alert(1)</script>', /<script|alert/],
  ['an event handler', '<img src="/a.png" alt="图" onerror="alert(1)">', /onerror|alert/i],
  ['a javascript: Markdown link', '[点我](javascript:alert(1))', /javascript|alert/i],
  ['a mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript|alert/i],
  ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /javascript|alert/i],
  ['a javascript: link hidden by a tab', '<a href="java&#x09;script:alert(1)">x</a>', /script|alert/i],
  ['a data: link', '<a href="data:text/html,hi">x</a>', /data:/],
  ['a data: image', '![图](data:image/png;base64,AAAA)', /data:/],
  ['an image from another host', '![图](https://evil.example/x.png) <img src="//evil.example/y.png" alt="y">', /evil/],
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
];

describe('the Markdown sanitiser', () => {
  it.each(HOSTILE)('removes %s', (_, markdown, forbidden) => {
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
    expect(sanitizeMarkdown({ sourceFormat: 'mdx', source: '<b>x</b>' })).toBeNull();
    expect(sanitizeMarkdown({ sourceFormat: 'markdown', source: '<b>x</b>' })).not.toBeNull();
  });
});

describe('the plain-prose fast path', () => {
  it('never skips a hostile sample', () => {
    for (const [name, markdown] of HOSTILE) expect(needsSanitizing(markdown), name).toBe(true);
  });

  it.each([
    ['raw HTML', '正文<b>加粗</b>'],
    ['an entity', '&lt;'],
    ['a link', '[通知](/notices/)'],
    ['a footnote', '正文[^1]'],
    ['a task list', '- [ ] 待办'],
    ['a table', '| 街镇 |\n| --- |\n| 月亮岛 |'],
    ['a fenced code block', '```html\nx\n```'],
    ['a tilde fence', '~~~js\nx\n~~~'],
    ['a bare URL', '见 https://www.gov.cn'],
    ['an uppercase scheme', 'JAVASCRIPT:alert(1)'],
  ])('sanitises a document with %s', (_, markdown) => {
    expect(needsSanitizing(markdown)).toBe(true);
  });

  it('renders plain documents exactly as the sanitiser would', () => {
    const plain = [
      '# 标题\n\n## 小标题\n\n正文，**加粗**、*强调*、~~删除~~和`代码`。\n\n> 引用一段话。',
      '1. 第一\n2. 第二\n\n3) 另起\n\n- 甲\n- 乙\n  - 丙\n\n---\n\n设置\n===\n\n    缩进的代码',
      '第一行  \n第二行\\\n第三行 "引号" -- 破折号 ... 省略号 9:00~12:00，电话 12338，邮箱 fulian@example.org，www.gov.cn',
      '## main\n\n## fl-header\n\n#### 四级标题 ####',
    ];
    // The real bodies and the benchmark corpus (plain prose, 8 paragraphs each).
    const corpusDir = path.join(TEST_DIST, 'sanitize-corpus');
    writeCorpus({ count: 40, dir: corpusDir });
    const files = [path.join(ROOT, 'content'), corpusDir].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.md'))
        .map((file) => path.join(dir, file)),
    );
    plain.push(...files.map(body).filter((source) => !needsSanitizing(source)));
    expect(plain.length).toBeGreaterThan(40);
    for (const source of plain) expect(render(source), source.slice(0, 40)).toBe(renderAlwaysSanitised(source));
  });
});
