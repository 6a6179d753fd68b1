/**
 * Word documents imported with `npm run import:docx`'s code (tests/support/word-import-site.ts,
 * added to the hostile build) pass the build, and their pages look like the documents: the
 * headings, the numbered list, the table, the footnote, the images and the right-aligned 落款.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLink } from '../../src/build/link-check.ts';
import { HOSTILE_DIST } from '../support/paths.ts';
import { WORD_IMPORTED } from '../support/word-import-site.ts';

const page = (collection: string, slug: string) =>
  fs.readFileSync(path.join(HOSTILE_DIST, collection, slug, 'index.html'), 'utf8');

/** The article body as built: the `.fl-prose` block (a body holds no div of its own). */
function prose(html: string): string {
  const start = html.indexOf('<div class="fl-prose">');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</div>', start));
}

describe('a red-header notice imported from Word', () => {
  const html = page('notices', WORD_IMPORTED.notice);
  const body = prose(html);

  it('has its title, 文号 and 成文日期 from the document', () => {
    expect(html).toContain('<h1 class="fl-page-title">关于开展2024年“最美家庭”推选活动的通知</h1>');
    expect(html).toMatch(/望妇发〔2024〕88号/);
    // The 发布日期 is the 成文日期, flagged until an editor confirms it.
    expect(html).toMatch(
      /<time datetime="2024-04-15">2024年4月15日<\/time>\s*<span class="fl-tag fl-tag--warning">日期待核实<\/span>/,
    );
  });

  it('shows the 主送 line, 一、 headings, the numbered list and the table', () => {
    expect(body).toMatch(/<p>各街镇妇联、经开区妇联：<\/p>/);
    expect(body).toMatch(/<h3[^>]*>一、推选范围<\/h3>/);
    expect(body).toMatch(/<h3[^>]*>三、名额分配<\/h3>/);
    expect(body).toMatch(/<ol>[\s\S]*街镇推荐。[\s\S]*区妇联审核。[\s\S]*公示结果。[\s\S]*<\/ol>/);
    expect(body).toMatch(/<table>[\s\S]*<th>街镇<\/th>[\s\S]*<th>名额<\/th>[\s\S]*<td>月亮岛街道<\/td>\s*<td>3<\/td>/);
    // The office line and the 落款 are not repeated in the text.
    expect(body).not.toContain('妇女联合会文件');
    expect(body).not.toContain('二〇二四年四月十五日');
  });

  it('ends with the 落款 below the text: issuer, then the date', () => {
    const end = html.indexOf('</div>', html.indexOf('<div class="fl-prose">'));
    const signature = html.indexOf('<div class="fl-signature"');
    expect(signature).toBeGreaterThan(end);
    expect(html.slice(signature)).toMatch(
      /^<div class="fl-signature"[^>]*>\s*<p class="fl-signature__line">长沙市望城区妇女联合会<\/p>\s*<p class="fl-signature__line"><time datetime="2024-04-15">2024年4月15日<\/time><\/p>\s*<\/div>/,
    );
  });
});

describe('other imported documents', () => {
  it('an auto-numbered outline keeps its numbers as headings', () => {
    const body = prose(page('notices', WORD_IMPORTED.outline));
    expect(body).toMatch(/<h3[^>]*>一、总体要求<\/h3>/);
    expect(body).toMatch(/<h4[^>]*>（一）工作目标<\/h4>/);
    expect(body).toMatch(/<h3[^>]*>二、主要措施<\/h3>/);
    // No 成文日期: no 落款 block.
    expect(page('notices', WORD_IMPORTED.outline)).not.toContain('fl-signature');
  });

  it('a footnote links to its note and back; deleted text and comments are absent', () => {
    const html = page('notices', WORD_IMPORTED.review);
    expect(prose(html)).toContain('报名截止日期为五月十日。');
    expect(html).not.toContain('五月一日');
    expect(html).not.toContain('内部意见');
    const ref = /<a href="#(user-content-fn-[^"]+)"[^>]*>/.exec(html);
    expect(ref).not.toBeNull();
    expect(html).toContain(`id="${ref?.[1]}"`);
    expect(html).toContain('《中华人民共和国家庭教育促进法》。');
  });

  it('news images are published with Word’s descriptions as alt text', () => {
    const body = prose(page('news', WORD_IMPORTED.news));
    expect(body).toMatch(/<img [^>]*alt="妇联干部在社区讲解家庭教育知识"/);
    expect(body).toMatch(/<img [^>]*alt="孩子们在社区活动室听绘本故事"/);
  });

  it('no imported page has a broken link, anchor or image', () => {
    const broken = checkLinks(HOSTILE_DIST).filter((link) =>
      Object.values(WORD_IMPORTED).some((slug) => formatBrokenLink(link).includes(slug)),
    );
    expect(broken.map(formatBrokenLink)).toEqual([]);
  });
});
