/**
 * The red-header layout of a 公文, read from the converted Markdown's first and last blocks:
 *
 *     长沙市望城区妇女联合会文件        ← office line: dropped when it only repeats the issuer
 *     望妇发〔2024〕12号                ← docNumber
 *     关于……的通知                     ← title (may run over two paragraphs)
 *     各街镇妇联：                      ← 主送: stays in the body
 *     ……
 *     长沙市望城区妇女联合会            ← 落款: issuer
 *     2024年4月15日                    ← 落款: writtenDate (or 二〇二四年四月十五日)
 *
 * Whatever is not recognised stays in the body; nothing is dropped silently.
 */
import { normalizeDocNumber, parseDocNumber } from '../doc-number.ts';
import { parseWholeChineseDate } from './chinese.ts';

export interface RedHeader {
  title?: string;
  docNumber?: string;
  issuer?: string;
  writtenDate?: string;
  /** The Markdown body without the recognised parts. */
  body: string;
  warnings: string[];
}

/** Markdown decoration off a block: heading marks, bold, escapes. */
function plain(block: string): string {
  return block
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

/** A line that names an organisation: short, no sentence punctuation, ends like one. */
function looksLikeIssuer(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 40 &&
    !/[。，；：！？,;:!?]/.test(text) &&
    /(会|委|局|办|部|处|室|院|厅|团|联|政府|中心|公司|站|所|校|队|组|妇联)$/.test(text)
  );
}

/** How 公文 titles end: a title without one of these may continue on the next line. */
const TITLE_END = /(通知|通报|意见|办法|方案|决定|公告|报告|规定|细则|要点|函|纪要|请示|批复|规划|倡议书|公示|简报)$/;

/** A title: short, not a sentence, not a list or 主送 line. */
function looksLikeTitle(block: string, text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= 80 &&
    !/[。；：:]$/.test(text) &&
    !/^(-|\d+\.|\|)\s/.test(block) &&
    !block.startsWith('![') &&
    !block.includes('\n')
  );
}

export function readRedHeader(markdown: string): RedHeader {
  const warnings: string[] = [];
  const blocks = markdown.split(/\n{2,}/).filter((b) => b.trim() !== '');
  const result: Omit<RedHeader, 'body' | 'warnings'> = {};
  let office: { index: number; name: string } | undefined;
  const drop = new Set<number>();

  // The head: office line, 文号 (maybe with 签发人 on the same line), title.
  let i = 0;
  const first = plain(blocks[0] ?? '');
  if (/文件$/.test(first.replace(/\s/g, '')) && first.length <= 40) {
    office = { index: 0, name: first.replace(/\s/g, '').replace(/文件$/, '') };
    i = 1;
  }
  for (let look = i; look < Math.min(blocks.length, i + 2); look++) {
    const text = plain(blocks[look] ?? '');
    const doc = parseDocNumber(text);
    const rest = text.replace(/签发人[:：]\s*\S+/, '').replace(/[\s\u3000]/g, '');
    const docText = doc ? normalizeDocNumber(text) : undefined;
    if (
      doc &&
      docText &&
      rest.replace(/[^\u4e00-\u9fa5]/g, '').length <= docText.replace(/[^\u4e00-\u9fa5]/g, '').length + 1
    ) {
      result.docNumber = docText;
      drop.add(look);
      if (/签发人/.test(text)) warnings.push(`文号一行里的“签发人”没有放进正文：${text}`);
      i = look + 1;
      break;
    }
  }
  const titleBlock = blocks[i] ?? '';
  const titleText = plain(titleBlock);
  if (looksLikeTitle(titleBlock, titleText)) {
    result.title = titleText;
    drop.add(i);
    // A long title set over two lines: the next short line, when it ends as titles do (…的 / 通知).
    const next = blocks[i + 1] ?? '';
    const nextText = plain(next);
    if (
      !next.includes('\n') &&
      nextText.length <= 30 &&
      !/[。；：:]$/.test(nextText) &&
      TITLE_END.test(nextText) &&
      !TITLE_END.test(titleText)
    ) {
      result.title = titleText + nextText;
      drop.add(i + 1);
    }
  } else {
    warnings.push('没有认出标题 — 请在“标题”里填写');
  }

  // The tail: the last block that is a date alone, and the issuer line(s) just before it.
  for (let j = blocks.length - 1; j > i && j >= blocks.length - 8; j--) {
    const lines = (blocks[j] ?? '').split('\n').map(plain).filter(Boolean);
    const dateLine = lines.at(-1) ?? '';
    const date = parseWholeChineseDate(dateLine);
    if (!date) continue;
    result.writtenDate = date;
    const issuers: string[] = lines.slice(0, -1).filter(looksLikeIssuer);
    drop.add(j);
    if (issuers.length !== lines.length - 1) {
      // Not a plain 落款 block: keep it in the body.
      drop.delete(j);
      delete result.writtenDate;
      continue;
    }
    const sameBlock = issuers.length > 0;
    for (let k = j - 1; !sameBlock && k > i && k >= j - 3; k--) {
      // One issuer per paragraph, or several (联合发文) on the lines of one paragraph.
      const names = (blocks[k] ?? '').split('\n').map(plain).filter(Boolean);
      if (names.length === 0 || !names.every(looksLikeIssuer)) break;
      issuers.unshift(...names);
      drop.add(k);
    }
    if (issuers.length) result.issuer = issuers.join('、');
    const after = blocks.slice(j + 1).map(plain);
    if (after.length) warnings.push(`落款之后的内容留在了正文末尾，请核对：${after.join(' / ').slice(0, 80)}`);
    break;
  }

  if (office) {
    if (!result.issuer) result.issuer = office.name;
    if (result.issuer.replace(/、/g, '').includes(office.name) || office.name === result.issuer) drop.add(office.index);
    else warnings.push(`版头“${office.name}文件”与落款“${result.issuer}”不一致，版头留在了正文开头，请核对`);
  }

  const body = blocks.filter((_, index) => !drop.has(index)).join('\n\n');
  return { ...result, body, warnings };
}
