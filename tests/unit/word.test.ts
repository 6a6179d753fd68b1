/**
 * The Word converter (src/lib/word): .docx fixtures written at test time with the `docx`
 * package (tests/support/docx-fixtures.ts), and pasted HTML.
 */
import { describe, expect, it } from 'vitest';
import { convertDocx, htmlToMarkdown, WordImportError } from '../../src/lib/word/index.ts';
import { chineseCounting, parseWholeChineseDate } from '../../src/lib/word/chinese.ts';
import { readRedHeader } from '../../src/lib/word/red-header.ts';
import * as fx from '../support/docx-fixtures.ts';

const opts = {
  slug: '2024-04-15-wangfufa-2024-12',
  collection: 'notices',
  today: '2026-12-02',
  imagesDir: './images',
} as const;

async function convert(bytes: Uint8Array | Promise<Uint8Array>) {
  return convertDocx(await bytes, opts);
}

async function failure(bytes: Uint8Array | Promise<Uint8Array>): Promise<WordImportError> {
  try {
    await convert(bytes);
  } catch (error) {
    if (error instanceof WordImportError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('red-header notice', () => {
  it('takes 文号, title and 落款 into fields and keeps 主送 in the body', async () => {
    const result = await convert(fx.redHeaderNotice());
    expect(result.fields).toEqual({
      title: '关于开展2024年“最美家庭”推选活动的通知',
      docNumber: '望妇发〔2024〕12号',
      issuer: '长沙市望城区妇女联合会',
      writtenDate: '2024-04-15',
      date: '2024-04-15',
      dateUnconfirmed: true,
    });
    expect(result.markdown.split('\n')[0]).toBe('各街镇妇联、经开区妇联：');
    // The office line repeats the issuer: dropped. The 落款 is in the fields, not the body.
    expect(result.markdown).not.toContain('妇女联合会文件');
    expect(result.markdown).not.toContain('2024年4月15日');
    expect(result.markdown).not.toMatch(/长沙市望城区妇女联合会\s*$/);
    expect(result.markdown).toContain('### 一、推选范围');
    expect(result.markdown).toContain('1. 街镇推荐。\n\n2. 区妇联审核。\n\n3. 公示结果。');
    expect(result.markdown).toContain('| 街镇 | 名额 |\n| --- | --- |\n| 月亮岛街道 | 3 |\n| 桥驿镇 | 2 |');
    expect(result.markdown).not.toMatch(/<[a-z]/i);
  });

  it('reads a 落款 date in Chinese numerals', async () => {
    const result = await convert(fx.redHeaderNotice({ date: '二〇二四年四月十五日' }));
    expect(result.fields.writtenDate).toBe('2024-04-15');
    expect(result.fields.date).toBe('2024-04-15');
  });

  it('keeps an office line that is not the issuer, and says so', async () => {
    const result = await convert(fx.redHeaderNotice({ officeLine: '中共长沙市望城区委员会文件' }));
    expect(result.markdown.split('\n')[0]).toBe('中共长沙市望城区委员会文件');
    expect(result.warnings.join('\n')).toContain('版头');
  });

  it('a document without a date gets today, marked to be confirmed', async () => {
    const result = await convertDocx(await fx.newsDraft(), { ...opts, collection: 'news' });
    expect(result.fields).toEqual({ title: '桥驿镇妇联开展亲子阅读活动', date: '2026-12-02', dateUnconfirmed: true });
    expect(result.markdown).toBe('本周六，桥驿镇妇联在镇文化站开展亲子阅读活动。');
    expect(result.warnings.join('\n')).toContain('没有找到落款日期');
  });
});

describe('outline and lists', () => {
  it('turns a 黑体/楷体, auto-numbered outline into headings with its numbers', async () => {
    const { markdown } = await convert(fx.autoNumberedOutline());
    expect(markdown).toContain('### 一、总体要求');
    expect(markdown).toContain('#### （一）工作目标');
    expect(markdown).toContain('##### 1.建立指导站点');
    expect(markdown).toContain('2. 开展亲子活动');
    expect(markdown).toContain('（1）细则一');
    // The counter continues at level 0 and restarts below it.
    expect(markdown).toContain('### 二、主要措施');
    expect(markdown).toContain('#### （一）加强组织领导');
    expect(markdown).toContain('### 三、手写编号的标题');
    // Not bold, not a heading font: a paragraph, not a heading.
    expect(markdown).toMatch(/^四、不加粗的一段普通文字/m);
  });

  it('keeps numbered and bulleted lists', async () => {
    const { markdown } = await convert(fx.lists());
    expect(markdown).toContain('1. 带好身份证。\n\n2. 提前十分钟到场。');
    expect(markdown).toContain('- 不要带宠物。\n- 保管好随身物品。');
  });
});

describe('formatting', () => {
  it('drops fonts, sizes, colours, page breaks, empty paragraphs and full-width-space indents', async () => {
    const { markdown } = await convert(fx.styledText());
    expect(markdown).toBe('第一页第二页\n\n缩进段落\n\n红色大字');
  });
});

describe('tables', () => {
  it('makes the first row the header when Word marks none, and flattens merged cells without losing text', async () => {
    const result = await convert(fx.tables());
    expect(result.markdown).toContain('| 月亮岛街道 | 3 |\n| --- | --- |\n| 桥驿镇 | 2 |');
    for (const text of [
      '时间',
      '地点',
      '内容',
      '上午',
      '区妇联会议室',
      '培训',
      '社区活动室',
      '座谈',
      '下午全天自由参观',
    ]) {
      expect(result.markdown).toContain(text);
    }
    expect(result.markdown).toContain('| 上午 | 区妇联会议室 | 培训 |');
    const rows = result.markdown.split('\n').filter((line) => line.startsWith('| '));
    // Every row of the merged table has the same three columns.
    expect(rows.slice(3).map((row) => row.split(' | ').length)).toEqual([3, 3, 3, 3, 3]);
    expect(result.warnings.join('\n')).toMatch(/第 2 个表格有合并单元格/);
  });
});

describe('images', () => {
  it('extracts images named after the slug, with Word’s description as alt text', async () => {
    const result = await convert(fx.images());
    expect(result.images.map((image) => [image.fileName, image.alt])).toEqual([
      ['2024-04-15-wangfufa-2024-12-1.png', '妇联干部在社区讲解家庭教育知识'],
      ['2024-04-15-wangfufa-2024-12-2.png', null],
    ]);
    expect(result.images[0]?.bytes).toEqual(fx.PNG);
    expect(result.markdown).toContain('![妇联干部在社区讲解家庭教育知识](./images/2024-04-15-wangfufa-2024-12-1.png)');
    // No description: empty alt, which the content check rejects with its usual message.
    expect(result.markdown).toContain('![](./images/2024-04-15-wangfufa-2024-12-2.png)');
    expect(result.warnings.join('\n')).toContain('没有“说明文字”');
  });

  it('leaves an EMF picture out with a warning', async () => {
    const result = await convert(fx.images({ emf: true }));
    expect(result.images).toHaveLength(1);
    expect(result.markdown).not.toContain('-2.');
    expect(result.markdown).toContain('第二张照片');
    expect(result.warnings.join('\n')).toMatch(/第 2 张图片是 EMF 格式.*已略去/);
  });
});

describe('review marks and footnotes', () => {
  it('shows insertions, never deletions, drops comments, and writes footnotes as [^n]', async () => {
    const result = await convert(fx.review());
    expect(result.markdown).toContain('报名截止日期为五月十日。');
    expect(result.markdown).not.toContain('五月一日');
    expect(result.markdown).not.toContain('内部意见');
    expect(result.markdown).toContain('依据有关规定[^1]执行。');
    expect(result.markdown).toContain('[^1]: 《中华人民共和国家庭教育促进法》。');
    expect(result.markdown).not.toContain('↑');
    expect(result.review).toEqual({ trackedChanges: true, comments: true });
  });

  it('a clean document has no review marks, and a stable hash', async () => {
    const bytes = await fx.newsDraft();
    const a = await convert(bytes);
    expect(a.review).toEqual({ trackedChanges: false, comments: false });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await convert(bytes)).sha256).toBe(a.sha256);
  });
});

describe('files that are not a usable .docx', () => {
  it.each([
    ['a binary .doc', () => fx.binaryDoc(), 'doc', /另存为.*docx/],
    ['a PDF', () => fx.pdf(), 'pdf', /PDF/],
    ['a truncated zip', () => fx.truncatedDocx(), 'broken-zip', /损坏|不完整/],
    ['an empty document', () => fx.emptyDocument(), 'empty-document', /没有文字/],
    ['an empty file', () => new Uint8Array(), 'empty-file', /0 字节/],
    ['plain text', () => new TextEncoder().encode('hello'), 'not-zip', /不是 Word 文档/],
  ] as const)('%s gets a Chinese message saying what to do', async (_name, make, code, message) => {
    const error = await failure(make());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('htmlToMarkdown (paste)', () => {
  const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:宋体}</style></head><body><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22pt;font-family:方正小标宋简体'>关于开展活动的通知</span></b></p>
<p class=MsoNormal><span style='font-family:黑体'>一、活动时间</span><o:p></o:p></p>
<p class=MsoNormal style='text-indent:32pt'><span style='font-family:仿宋_GB2312;color:red'>\u3000\u30002024年5月10日上午。</span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span style='font:7pt'>&nbsp;&nbsp;</span></span><![endif]>带好证件。</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;</span></span><![endif]>按时到场。</p>
<p class=MsoNormal><a href="javascript:alert(1)">危险链接</a>和<a href="https://www.wangcheng.gov.cn/">望城区政府网</a></p>
<p class=MsoNormal><img src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"></p>
<p class=MsoNormal>&nbsp;</p>
<table border=1><tr><td><p>街镇</p></td><td><p>名额</p></td></tr><tr><td><p>桥驿镇</p></td><td><p>2</p></td></tr></table>
<p><b>注意：</b>请准时。</p>
</div></body></html>`;

  it('keeps headings, lists, tables, bold and safe links; drops styles and indents', () => {
    const { markdown, warnings } = htmlToMarkdown(wordHtml);
    expect(markdown).toContain('### 一、活动时间');
    expect(markdown).toMatch(/^2024年5月10日上午。$/m);
    expect(markdown).toContain('1. 带好证件。');
    expect(markdown).toContain('- 按时到场。');
    expect(markdown).toContain('| 街镇 | 名额 |\n| --- | --- |\n| 桥驿镇 | 2 |');
    expect(markdown).toContain('[望城区政府网](https://www.wangcheng.gov.cn/)');
    expect(markdown).not.toContain('javascript');
    expect(markdown).toContain('危险链接');
    expect(markdown).toContain('**注意**：请准时。');
    expect(markdown).not.toMatch(/font|color|MsoNormal|<|file:/);
    expect(warnings.join('\n')).toMatch(/本机文件.*从 Word 导入/);
  });

  it('plain HTML from a web page; headings move one level down, below the page title', () => {
    const { markdown } = htmlToMarkdown(
      '<h1>标题</h1><ul><li>一</li><li>二</li></ul><p><em>斜体</em> 和 <strong>粗体。</strong>后文</p>',
    );
    expect(markdown).toBe('## 标题\n\n- 一\n- 二\n\n*斜体* 和 **粗体**。后文');
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['二〇二四年四月十五日', '2024-04-15'],
    ['2024年4月15日', '2024-04-15'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['２０２４年１０月２０日', '2024-10-20'],
    ['2024 年 4 月 15 日', '2024-04-15'],
  ])('%s → %s', (text, date) => {
    expect(parseWholeChineseDate(text)).toBe(date);
  });
  it('rejects what is not one date', () => {
    expect(parseWholeChineseDate('2024年13月1日')).toBeUndefined();
    expect(parseWholeChineseDate('于2024年4月15日召开')).toBeUndefined();
  });
  it('counts like Word', () => {
    expect([1, 10, 11, 20, 25, 100, 105].map(chineseCounting)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十五',
      '一百',
      '一百零五',
    ]);
  });
});

describe('readRedHeader (on converted Markdown)', () => {
  it('joins a title set over two lines, takes a 文号 typed with [] beside 签发人, and reads joint issuers', () => {
    const header = readRedHeader(
      [
        '长沙市望城区妇女联合会文件',
        '望妇发[2024]7号　　签发人：张某',
        '关于印发《望城区家庭教育工作方案》的',
        '通知',
        '各街镇妇联：',
        '正文。',
        '长沙市望城区妇女联合会\n长沙市望城区教育局',
        '2024年5月6日',
        '（此件公开发布）',
      ].join('\n\n'),
    );
    expect(header.title).toBe('关于印发《望城区家庭教育工作方案》的通知');
    expect(header.docNumber).toBe('望妇发〔2024〕7号');
    expect(header.issuer).toBe('长沙市望城区妇女联合会、长沙市望城区教育局');
    expect(header.writtenDate).toBe('2024-05-06');
    // The office line repeats the first issuer: dropped. What follows the 落款 stays, reported.
    expect(header.body).toBe('各街镇妇联：\n\n正文。\n\n（此件公开发布）');
    expect(header.warnings.join('\n')).toMatch(/签发人[\s\S]*落款之后的内容/);
  });

  it('a date written as text inside a paragraph is not a 落款', () => {
    const header = readRedHeader('活动通知\n\n活动定于2024年5月6日举行。');
    expect(header.writtenDate).toBeUndefined();
    expect(header.body).toBe('活动定于2024年5月6日举行。');
  });
});

describe('bold runs', () => {
  it('side by side are one, and punctuation stays outside the asterisks so CommonMark closes them', () => {
    expect(htmlToMarkdown('<p><b>注意</b><b>事项</b>：按时。</p><p>乙<b>“引”</b>丙</p>').markdown).toBe(
      '**注意事项**：按时。\n\n乙“**引**”丙',
    );
  });
});
