/**
 * Chinese typography in the house style (src/content/typography.ts): what it changes, and
 * what it never touches.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocorrect from 'autocorrect-node';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestionsOf } from '../../admin/typography.ts';
import { checkContent, formatProblem } from '../../src/content/check/index.ts';
import { changeExcerpt, fixLine, lintFile } from '../../src/content/typography.ts';

describe('the house style', () => {
  it('writes no space between Chinese and digits or Latin letters', () => {
    expect(fixLine('望城区妇联 2024 年工作要点')).toBe('望城区妇联2024年工作要点');
    expect(fixLine('拨打12338妇女维权热线')).toBe('拨打12338妇女维权热线');
    expect(fixLine('在Decap CMS后台编辑')).toBe('在Decap CMS后台编辑');
  });

  it('writes full-width punctuation in Chinese prose, without spaces around it', () => {
    expect(fixLine('请认真落实,确保实效.')).toBe('请认真落实，确保实效。');
    expect(fixLine('一、 认真学习 。')).toBe('一、认真学习。');
  });

  it('turns straight double quotes around Chinese into “ ”', () => {
    expect(fixLine('开展"巾帼心向党"主题活动')).toBe('开展“巾帼心向党”主题活动');
  });

  it('never touches 文号, addresses, code, link targets or titles in 《》', () => {
    expect(fixLine('见望妇发〔2024〕1号通知,请落实')).toBe('见望妇发〔2024〕1号通知，请落实');
    expect(fixLine('望妇发〔2024〕12号')).toBe('望妇发〔2024〕12号');
    expect(fixLine('印发《长沙市望城区妇联 2024 年工作要点》,请落实')).toBe(
      '印发《长沙市望城区妇联 2024 年工作要点》，请落实',
    );
    expect(fixLine('访问 https://example.cn/a,b.html 查看')).toBe('访问 https://example.cn/a,b.html 查看');
    expect(fixLine('运行 `npm run fix:content,中文` 即可')).toBe('运行 `npm run fix:content,中文` 即可');
    expect(fixLine('[下载附件](/uploads/2024 年,表.pdf)')).toBe('[下载附件](/uploads/2024 年,表.pdf)');
  });
});

describe('a whole file', () => {
  it('fixes the title, the summary and the body, and leaves code blocks and other fields alone', () => {
    const text = [
      '---',
      'title: "2024 年工作要点"',
      'summary: 发布 8 项措施,请关注.',
      'docNumber: 望妇发〔2024〕1号',
      'source: 望城区妇联 2024',
      '---',
      '',
      '2024 年,全区妇联.',
      '',
      '```',
      '2024 年,代码.',
      '```',
    ].join('\n');
    const { changes, fixed } = lintFile(text);
    expect(changes.map((change) => change.line)).toEqual([2, 3, 8]);
    expect(fixed.split('\n')).toEqual([
      '---',
      'title: "2024年工作要点"',
      'summary: 发布8项措施，请关注。',
      'docNumber: 望妇发〔2024〕1号',
      'source: 望城区妇联 2024',
      '---',
      '',
      '2024年，全区妇联。',
      '',
      '```',
      '2024 年,代码.',
      '```',
    ]);
  });

  it('fixes inside a quoted front-matter value and keeps its quotes', () => {
    expect(lintFile(`---\ntitle: '开展"巾帼心向党"活动'\n---\n`).fixed).toBe(
      `---\ntitle: '开展“巾帼心向党”活动'\n---\n`,
    );
  });
});

describe('in the content check', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The content check over one entry: its problems as printed. */
  function check(file: string, text: string) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-typography-'));
    const files = { 'settings/site.yml': 'siteName: 测试\norganization: 测试单位\n', [file]: text };
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'content', name)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'content', name), content);
    }
    return checkContent({ rootDir: dir, contentDir: path.join(dir, 'content'), today: '2026-11-29' });
  }

  it('warns, never errs, with file, line, field and the part that changes; never about 文号, addresses or 《titles》', () => {
    const result = check(
      'news/a.md',
      [
        '---',
        'title: 望城区妇联 2024 年工作会议',
        'date: 2024-03-08',
        'summary: 会议部署全年工作,请各单位落实.',
        '---',
        '',
        '会议要求，全区各级妇联要认真学习 。',
        '',
        '拨打12338妇女维权热线，或见望妇发〔2024〕1号和《长沙市望城区妇联 2024 年工作要点》，网址 https://example.cn/a,b 。',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      '[警告] content/news/a.md:2 title（标题） — 排版建议：“望城区妇联 2024 年工作会议”宜改为“望城区妇联2024年工作会议”（本站排版规范：中文与数字、字母之间不加空格，中文里用全角标点） — 运行 npm run fix:content 查看，加 -- --write 一次改好；只是建议，不改也能发布',
      '[警告] content/news/a.md:4 summary（摘要） — 排版建议：“会议部署全年工作,请各单位落实.”宜改为“会议部署全年工作，请各单位落实。”（本站排版规范：中文与数字、字母之间不加空格，中文里用全角标点） — 运行 npm run fix:content 查看，加 -- --write 一次改好；只是建议，不改也能发布',
      '[警告] content/news/a.md:7 body（正文） — 排版建议：“…级妇联要认真学习 。”宜改为“…级妇联要认真学习。”（本站排版规范：中文与数字、字母之间不加空格，中文里用全角标点） — 运行 npm run fix:content 查看，加 -- --write 一次改好；只是建议，不改也能发布',
    ]);
  });

  it('says nothing about text already in the house style', () => {
    const result = check(
      'news/a.md',
      '---\ntitle: 望城区妇联2024年工作会议\ndate: 2024-03-08\n---\n\n拨打12338妇女维权热线，见望妇发〔2024〕1号和《长沙市望城区妇联 2024 年工作要点》。\n',
    );
    expect(result.problems).toEqual([]);
  });

  it('shows only the part of a long paragraph that changes', () => {
    const before = `${'全区妇联认真落实工作要点，'.repeat(10)}2024 年${'各项工作稳步推进，'.repeat(10)}`;
    expect(changeExcerpt({ old: before, new: before.replace('2024 年', '2024年') })).toEqual({
      before: '…作要点，2024 年各项工作稳步推…',
      after: '…作要点，2024年各项工作稳步推…',
    });
  });
});

describe('in the CMS preview', () => {
  // The browser runs AutoCorrect's WebAssembly; the same rules here through autocorrect-node.
  const format = (text: string) => {
    fixLine('中'); // configures autocorrect-node to the house style
    return autocorrect.format(text);
  };

  it('lists the title, summary and body suggestions, with the body line', () => {
    const data = {
      title: '望城区妇联 2024 年工作会议',
      summary: '望城区妇联2024年工作会议',
      body: '---\n\n会议要求认真学习 。\n\n见望妇发〔2024〕1号和《长沙市望城区妇联 2024 年工作要点》。',
    };
    expect(suggestionsOf(format, { title: '标题', summary: '摘要' }, data)).toEqual([
      { label: '标题', before: '望城区妇联 2024 年工作会议', after: '望城区妇联2024年工作会议' },
      { label: '正文', line: 3, before: '会议要求认真学习 。', after: '会议要求认真学习。' },
    ]);
  });
});
