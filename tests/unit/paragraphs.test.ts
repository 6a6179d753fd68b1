/**
 * Paragraphs follow the Enter key (src/lib/paragraphs.ts): what an editor types or pastes with
 * single line breaks is saved as the paragraphs they see, and nothing else in the Markdown
 * changes. Rendering is checked with Sätteri, the site's own Markdown renderer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { paragraphsFollowEnter as transform } from '../../src/lib/paragraphs.ts';
import { ROOT } from '../support/paths.ts';

const render = (markdown: string) => markdownToHtml(markdown, { features: { gfm: true, rawHtml: true } }).html;

/** The paragraphs of the rendered HTML, as text. */
const paragraphs = (markdown: string) =>
  [...render(markdown).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));

describe('single line breaks in prose', () => {
  it('turns each typed line into a paragraph', () => {
    const typed = '第一段，活动时间另行通知。\n第二段，请各街镇妇联做好准备。\n第三段';
    expect(transform(typed)).toBe('第一段，活动时间另行通知。\n\n第二段，请各街镇妇联做好准备。\n\n第三段');
    expect(paragraphs(transform(typed))).toHaveLength(3);
    // Before the transform the page showed one paragraph: the bug editors met.
    expect(paragraphs(typed)).toHaveLength(1);
  });

  it('starts a paragraph after a short line, such as a heading typed as plain text', () => {
    expect(transform('报名方式\n请于3月1日前报送推荐表。')).toBe('报名方式\n\n请于3月1日前报送推荐表。');
  });

  it('starts a paragraph at an outline number even after a full line', () => {
    const text = '为深入贯彻落实全国妇女儿童发展纲要，现就有关事项通知如下，请认真组织实施\n一、活动时间';
    expect(transform(text)).toBe(
      '为深入贯彻落实全国妇女儿童发展纲要，现就有关事项通知如下，请认真组织实施\n\n一、活动时间',
    );
    expect(transform(`${text.split('\n')[0]}\n（一）推荐对象`)).toContain('\n\n（一）推荐对象');
  });

  it('keeps hard line breaks (two spaces or a backslash at the end of a line)', () => {
    const text = '长沙市望城区妇女联合会  \n2024年4月15日\n\n地址\\\n电话';
    expect(transform(text)).toBe(text);
  });

  it('leaves text that is already in paragraphs exactly as it is', () => {
    const text = '第一段。\n\n第二段。\n';
    expect(transform(text)).toBe(text);
  });

  it('is idempotent', () => {
    const text = '第一段。\n第二段\n- 一项\n接着的一段\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |';
    expect(transform(transform(text))).toBe(transform(text));
  });

  it('keeps Windows line endings', () => {
    expect(transform('第一段。\r\n第二段。\r\n')).toBe('第一段。\r\n\r\n第二段。\r\n');
  });
});

describe('text pasted from a PDF', () => {
  // A PDF breaks at every visual line, mid-sentence; the last line of a paragraph is short.
  const pdf = [
    '为进一步弘扬中华民族家庭美德，推动形成爱国爱家、相亲相爱、向上向善、共建',
    '共享的社会主义家庭文明新风尚，区妇联决定在全区开展2024年度“最美家庭”寻',
    '访活动。现将有关事项通知如下：',
    '一、寻访对象',
    '全区范围内遵纪守法、热爱祖国、家庭和睦、邻里团结的家庭，重点关注在家庭',
    '教育、家风建设等方面表现突出的家庭。',
  ].join('\n');

  it('joins the lines of a paragraph without a space between Chinese characters', () => {
    expect(transform(pdf)).toBe(
      [
        '为进一步弘扬中华民族家庭美德，推动形成爱国爱家、相亲相爱、向上向善、共建共享的社会主义家庭文明新风尚，区妇联决定在全区开展2024年度“最美家庭”寻访活动。现将有关事项通知如下：',
        '一、寻访对象',
        '全区范围内遵纪守法、热爱祖国、家庭和睦、邻里团结的家庭，重点关注在家庭教育、家风建设等方面表现突出的家庭。',
      ].join('\n\n'),
    );
    expect(paragraphs(transform(pdf))).toHaveLength(3);
  });

  it('keeps a line that ends a sentence (。！？：；” …) as the end of its paragraph', () => {
    for (const end of ['。', '！', '？', '：', '；', '”', '…']) {
      const line = `这是一行足够长的从PDF复制出来的文字内容用来测试句末标点${end}`;
      expect(transform(`${line}\n下一段`)).toBe(`${line}\n\n下一段`);
    }
  });

  it('keeps a space between Latin words when it joins them', () => {
    const text =
      'The Women’s Federation of Wangcheng District will hold the annual family\neducation lecture in March.';
    expect(transform(text)).toBe(
      'The Women’s Federation of Wangcheng District will hold the annual family education lecture in March.',
    );
  });
});

describe('Markdown other than prose is left alone', () => {
  const untouched: Record<string, string> = {
    'a list with continuation lines': '- 第一项\n  接着第一项\n- 第二项\n\n1. 一\n2. 二',
    'a nested list': '- 甲\n  - 乙\n  - 丙\n- 丁',
    'a table': '| 序号 | 名额 |\n| --- | --- |\n| 1 | 高塘岭街道 |\n| 2 | 乌山街道 |',
    'a table after a paragraph line': '名额如下\n| 街镇 | 名额 |\n| --- | --- |\n| 高塘岭 | 2 |',
    headings: '### 一、活动时间\n2024年3月\n\n标题\n===\n\n小标题\n---',
    'fenced code': '```\n第一行\n第二行\n```\n\n~~~\n甲\n乙\n~~~',
    'indented code': '说明。\n\n    代码一\n    代码二',
    'a block quote': '> 引用第一行\n> 引用第二行',
    'an HTML block': '<div>\n第一行\n第二行\n</div>',
    'footnote definitions': '正文[^1]。\n\n[^1]: 注释第一行\n    注释第二行',
    'a thematic break': '第一段。\n\n***\n\n第二段。',
  };
  for (const [name, text] of Object.entries(untouched)) {
    it(name, () => expect(transform(text)).toBe(text));
  }

  it('does not fold a line that follows a list into its last item', () => {
    const text = '- 第一项\n- 第二项\n联系人：张老师';
    expect(paragraphs(text)).toEqual([]); // today: 联系人 is swallowed by the list item
    expect(transform(text)).toBe('- 第一项\n- 第二项\n\n联系人：张老师');
    expect(paragraphs(transform(text))).toEqual(['联系人：张老师']);
  });

  it('does not fold a line that follows a block quote into it', () => {
    expect(transform('> 引用。\n正文。')).toBe('> 引用。\n\n正文。');
  });

  it('does not turn an indented line into code when it splits a paragraph', () => {
    const result = transform('第一段。\n    第二段。');
    expect(result).toBe('第一段。\n\n第二段。');
    expect(render(result)).not.toContain('<code>');
  });
});

/** Every Markdown file under `dir`, relative paths. */
function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.join(dir, file));
}

/** The body of a Markdown file, without its front matter. */
const bodyOf = (source: string) => source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('content already published', () => {
  const files = [
    ...markdownFiles(path.join(ROOT, 'content')),
    ...markdownFiles(path.join(ROOT, 'tests/fixtures/site/content')),
  ].filter((file) => file.endsWith('.md'));

  it('finds the content', () => expect(files.length).toBeGreaterThan(20));

  it('renders exactly as today after the transform', () => {
    const changed = files.filter((file) => {
      const body = bodyOf(fs.readFileSync(file, 'utf8'));
      return render(transform(body)) !== render(body);
    });
    expect(changed.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
