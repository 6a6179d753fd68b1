/**
 * The raw content check catches what Astro's YAML loader hides: an unquoted 2024-13-45 is
 * rolled over into 2025 by js-yaml before any schema sees it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/content/check/index.ts';

let dir: string;

function site(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-check-'));
  const all = { 'settings/site.yml': 'siteName: 测试\norganization: 测试单位\n', ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'content', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', name), text);
  }
  return dir;
}

function check(files: Record<string, string>): string[] {
  const root = site(files);
  const result = checkContent({ rootDir: root, contentDir: path.join(root, 'content'), today: '2026-11-29' });
  return result.problems.map(formatProblem);
}

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the content check', () => {
  it('rejects an unquoted impossible date with file, line and field', () => {
    expect(check({ 'news/a.md': '---\ntitle: 动态\ndate: 2024-13-45\n---\n\n正文\n' })).toEqual([
      '[错误] content/news/a.md:3 date（发布日期） — “2024-13-45”不是真实存在的日期 — 请检查月份（1–12）和当月天数，按 YYYY-MM-DD 填写，例如 2024-02-29',
    ]);
  });

  it('rejects a quoted 2024-02-30', () => {
    expect(check({ 'news/a.md': '---\ntitle: 动态\ndate: "2024-02-30"\n---\n\n正文\n' })).toEqual([
      expect.stringContaining('content/news/a.md:3 date（发布日期） — “2024-02-30”不是真实存在的日期'),
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = check({
      'news/a.md': '---\ntitle: 动态\ndate: 2024-13-45\n---\n\n正文\n',
      'notices/b.md': '---\ntitle: 通知\ndate: 2024-01-01\nkind: 通报\n---\n\n正文\n',
      'jiafeng/c.md': '---\ntitle: 作品\ndate: 2024-01-01\nform: 书法\n---\n\n正文\n',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/notices\/b\.md:4 kind（类型）/);
    expect(problems.join('\n')).toMatch(/jiafeng\/c\.md:1 author（作者） — 缺少必填项/);
  });

  it('warns about a date in the future without failing', () => {
    const root = site({ 'news/a.md': '---\ntitle: 动态\ndate: 2027-01-01\n---\n\n正文\n' });
    const result = checkContent({ rootDir: root, contentDir: path.join(root, 'content'), today: '2026-11-29' });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([expect.stringContaining('2027-01-01 晚于今天（2026-11-29）')]);
  });
});

/** A valid Markdown entry with `front` as its front matter lines. */
const entry = (front: string, body = '正文。') => `---\n${front}\n---\n\n${body}\n`;
const measure = (order: number, extra = '') => entry(`title: 措施${order}\ndate: 2024-03-08\norder: ${order}${extra}`);
const eightMeasures = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`measures/m${n}.md`, measure(n)]));

describe('the content check, rule by rule', () => {
  it('rejects updated before date, on the updated line', () => {
    expect(check({ 'news/a.md': entry('title: 动态\ndate: 2024-05-01\nupdated: 2024-04-30') })).toEqual([
      '[错误] content/news/a.md:4 updated（最后更新） — 2024-04-30 早于发布日期 date（2024-05-01） — 请改为不早于发布日期的日期，或留空',
    ]);
    expect(check({ 'news/a.md': entry('title: 动态\ndate: 2024-05-01\nupdated: 2024-05-01') })).toEqual([]);
  });

  it('gives the corrected 文号 when only the brackets or digits are wrong, and the rule otherwise', () => {
    expect(check({ 'notices/a.md': entry('title: 通知\ndate: 2024-05-01\ndocNumber: 望妇发[２０２４]01号') })).toEqual([
      '[错误] content/notices/a.md:4 docNumber（文号） — “望妇发[２０２４]01号”格式不对 — 请改为 望妇发〔2024〕1号（文号用六角括号〔〕，序号前不加 0 和“第”）',
    ]);
    expect(check({ 'notices/a.md': entry('title: 通知\ndate: 2024-05-01\ndocNumber: 2024年1号') })).toEqual([
      expect.stringContaining(
        'docNumber（文号） — “2024年1号”格式不对 — 文号应为“机关代字〔年份〕序号号”，例如 望妇发〔2024〕1号',
      ),
    ]);
    expect(check({ 'notices/a.md': entry('title: 通知\ndate: 2024-05-01\ndocNumber: 望妇发〔2024〕1号') })).toEqual([]);
  });

  it('accepts exactly eight published measures, numbered 1 to 8, without a warning', () => {
    expect(check(eightMeasures)).toEqual([]);
  });

  it('rejects a measure numbered 9, and a duplicate order among published measures', () => {
    expect(check({ ...eightMeasures, 'measures/m9.md': measure(9) })).toEqual([
      '[错误] content/measures/m9.md:4 order（序号） — 9 大于 8 — 请写 1 到 8 之间的整数',
    ]);
    expect(check({ ...eightMeasures, 'measures/m3-copy.md': measure(3) })).toEqual([
      '[错误] content/measures/m3-copy.md:4 order（序号） — 序号 3 与 content/measures/m3.md 重复 — 每项措施的序号不同，请改为 1 到 8 中未用的序号',
      '[错误] content/measures/m3.md:4 order（序号） — 序号 3 与 content/measures/m3-copy.md 重复 — 每项措施的序号不同，请改为 1 到 8 中未用的序号',
      '[警告] content/measures/ — 已发布 9 项措施 — 八项措施应各有一篇',
    ]);
    // A draft may share a number: it is not published.
    expect(check({ ...eightMeasures, 'measures/m3-draft.md': measure(3, '\ndraft: true') })).toEqual([]);
  });

  it('warns unless exactly eight measures are published', () => {
    const seven = { ...eightMeasures };
    delete seven['measures/m8.md'];
    expect(check(seven)).toEqual(['[警告] content/measures/ — 已发布 7 项措施，缺少第 8 项 — 八项措施应各有一篇']);
  });

  it('rejects file names that are not ASCII slugs, reserved names and duplicates', () => {
    expect(check({ 'news/三八座谈会.md': entry('title: 动态\ndate: 2024-05-01') })).toEqual([
      expect.stringMatching(
        /^\[错误\] content\/news\/三八座谈会\.md — 文件名“三八座谈会”不符合规则 — 文件名就是网址，只能用小写英文字母、数字和连字符/,
      ),
    ]);
    expect(check({ 'news/page.md': entry('title: 动态\ndate: 2024-05-01') })).toEqual([
      '[错误] content/news/page.md — 文件名“page”是网站保留的网址 — 请换一个文件名',
    ]);
    const duplicates = check({
      'news/Sanba.md': entry('title: 动态一\ndate: 2024-05-01'),
      'news/sanba.md': entry('title: 动态二\ndate: 2024-05-01'),
    });
    expect(duplicates).toContain(
      '[错误] content/news/sanba.md — 与 content/news/Sanba.md 的文件名（网址）重复 — 请改用不同的文件名',
    );
    // The file name is the slug: Astro's `slug` override is not a field editors may set.
    expect(check({ 'news/a.md': entry('title: 动态\ndate: 2024-05-01\nslug: another-address') })).toEqual([
      expect.stringMatching(/^\[错误\] content\/news\/a\.md:4 slug — 不是这个栏目的字段 — 请检查拼写，或删除这一行/),
    ]);
  });

  it('requires alt text for a cover and for every image in the body, pointing at the line', () => {
    const root = site({
      'stories/a.md': entry(
        'title: 典型\ndate: 2024-05-01\nperson: 某某\ncover: ./images/a.jpg',
        '第一段。\n\n![](./images/a.jpg)\n\n<img src="./images/a.jpg">',
      ),
      'stories/images/a.jpg': 'jpg',
    });
    const problems = checkContent({
      rootDir: root,
      contentDir: path.join(root, 'content'),
      today: '2026-11-29',
    }).problems.map(formatProblem);
    expect(problems).toEqual([
      '[错误] content/stories/a.md:5 coverAlt（封面图片替代文字） — 设置了 cover（封面图片），却没有替代文字 — 请用一句话描述图片内容，写在 coverAlt 中',
      '[错误] content/stories/a.md:10 body（正文） — 图片 ./images/a.jpg 没有替代文字 — 请用一句话描述图片内容，写成 ![描述](./images/a.jpg)',
      '[错误] content/stories/a.md:12 body（正文） — 图片 ./images/a.jpg 没有替代文字 — 请用一句话描述图片内容，写成 ![描述](./images/a.jpg)',
    ]);
  });

  it('requires every image and attachment to exist, in front matter and in the body', () => {
    const problems = check({
      'notices/a.md': entry(
        'title: 通知\ndate: 2024-05-01\nattachments:\n  - title: 报名表\n    file: /uploads/none.pdf',
        '见附件[报名表](/uploads/none.docx)。\n\n![现场照片](./images/none.jpg)',
      ),
      'news/b.md': entry('title: 动态\ndate: 2024-05-01\ncover: ./images/none.jpg\ncoverAlt: 会场'),
    });
    expect(problems).toEqual([
      '[错误] content/notices/a.md:6 attachments[1].file（附件） — 附件 /uploads/none.pdf 不存在 — 请把文件上传到 public/uploads/none.pdf，或改正路径',
      '[错误] content/notices/a.md:9 body（正文） — 附件 /uploads/none.docx 不存在 — 请把文件上传到 public/uploads/none.docx，或改正链接',
      '[错误] content/notices/a.md:11 body（正文） — 图片 ./images/none.jpg 不存在 — 请把图片放到 content/notices/images/none.jpg，或改正文件名',
      '[错误] content/news/b.md:4 cover（封面图片） — 图片 ./images/none.jpg 不存在 — 请把图片放到 content/news/images/none.jpg，或改正文件名',
    ]);
  });

  it('requires supersededBy and interprets to name an existing, published, other notice', () => {
    const problems = check({
      'notices/a.md': entry('title: 通知\ndate: 2024-05-01\nvalidity: 已废止\nsupersededBy: no-such-notice'),
      'notices/b.md': entry('title: 解读\ndate: 2024-05-01\nkind: 政策解读\ninterprets: b'),
      'notices/c.md': entry('title: 解读\ndate: 2024-05-01\nkind: 政策解读\ninterprets: d'),
      'notices/d.md': entry('title: 草稿\ndate: 2024-05-01\ndraft: true'),
    });
    expect(problems).toEqual([
      '[错误] content/notices/a.md:5 supersededBy（替代文件） — 找不到通知“no-such-notice” — 请填写 content/notices/ 中已有通知的文件名（不含 .md）',
      '[错误] content/notices/b.md:5 interprets（解读的政策） — 指向了自己 — 请填写另一篇通知的文件名',
      '[错误] content/notices/c.md:5 interprets（解读的政策） — “d”是草稿，读者看不到 — 请先发布它，或改为其他通知',
    ]);
  });

  it('warns when a reference and the field it requires disagree (a 解读 that is not of kind 政策解读)', () => {
    const problems = check({
      'notices/a.md': entry('title: 政策\ndate: 2024-05-01\nkind: 政策文件'),
      'notices/b.md': entry('title: 解读\ndate: 2024-05-01\nkind: 通知\ninterprets: a'),
      'notices/c.md': entry('title: 旧文件\ndate: 2024-04-01\nsupersededBy: a'),
    });
    expect(problems).toEqual([
      // c.md leaves validity to its default, so there is no line to point at.
      '[警告] content/notices/c.md validity（有效性） — 填写了 supersededBy（替代文件），有效性却是“现行有效” — 请把有效性改为“已修订”或“已废止”',
      '[警告] content/notices/b.md:4 kind（类型） — 填写了 interprets（解读的政策），类型却是“通知” — 请把类型改为“政策解读”',
    ]);
  });

  it('rejects an empty body, an empty file and malformed YAML, each with its line', () => {
    expect(check({ 'news/a.md': '---\ntitle: 动态\ndate: 2024-05-01\n---\n\n' })).toEqual([
      '[错误] content/news/a.md:5 body（正文） — 正文是空的 — 请在第二个 --- 下面写正文；没有正文的条目请设为草稿（draft: true）',
    ]);
    expect(check({ 'news/a.md': '' })).toEqual([
      '[错误] content/news/a.md:1 — 文件是空的 — 请在开头写两行 --- 包住的信息（至少 title 和 date），再写正文；不要的文件请删除',
    ]);
    expect(
      check({
        'news/a.md': '---\ntitle: 动态\ndate: 2024-05-01\nsummary: "没有关上的引号\nsample: true\n---\n\n正文\n',
      }),
    ).toEqual([
      '[错误] content/news/a.md:4 — YAML 格式错误（引号或括号没有关上） — 请检查这一行：每行写成“字段: 值”，冒号后留一个空格，值里有冒号或引号时整体加引号，缩进用空格',
    ]);
  });

  it('warns when bold next to Chinese punctuation would print its asterisks', () => {
    expect(
      check({ 'news/a.md': entry('title: 动态\ndate: 2024-05-01', '第一段。\n\n请注意**截止日期。**逾期不再受理。') }),
    ).toEqual([
      '[警告] content/news/a.md:8 body（正文） — “请注意**截止日期。**逾期不再”不会显示为粗体，页面上会出现星号（星号紧挨中文标点时 Markdown 不认） — 请把标点移到星号外面，例如 **加粗**。后文',
    ]);
    expect(
      check({ 'news/a.md': entry('title: 动态\ndate: 2024-05-01', '请注意**截止日期**。逾期不再受理，`**` 是代码。') }),
    ).toEqual([]);
  });
});
