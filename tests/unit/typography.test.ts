/**
 * Chinese typography in the house style (src/content/typography.ts): what it changes, and
 * what it never touches.
 */
import { describe, expect, it } from 'vitest';
import { fixLine, lintFile } from '../../src/content/typography.ts';

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
