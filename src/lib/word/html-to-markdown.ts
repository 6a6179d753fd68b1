/**
 * HTML → the site's Markdown, for a converted .docx (mammoth's HTML) and for HTML pasted from
 * Word, WPS or a web page. Same rules for both:
 * - kept: paragraphs, headings, lists, bold, italic, links, GFM tables, footnotes;
 * - 公文 outline paragraphs (一、 （一） 1. （1）) set apart by bold or a heading font become
 *   headings at the levels the site's content uses (一、 = ###);
 * - a paragraph that starts with 1. or a bullet character becomes a list item;
 * - dropped: fonts, sizes, colours, styles, empty paragraphs, full-width-space indents,
 *   tracked deletions (<del>), comments, scripts;
 * - tables: first row is the header; merged cells are split (the text goes into the first
 *   cell) with a warning; never raw HTML;
 * - links keep only http(s), mailto, tel and site-relative targets; images keep only local
 *   sources (`./images/…`, `/…`), others are left out with a warning.
 *
 * Built on turndown (https://github.com/mixmark-io/turndown), which parses HTML with the
 * browser's DOMParser, and with domino in Node.
 */
import TurndownService from 'turndown';
import { outlineLevel } from './chinese.ts';

export interface MarkdownResult {
  markdown: string;
  /** Chinese, for the editor: what was changed or left out and what to check. */
  warnings: string[];
}

/** 一、 → ###, （一） → ####, 1. → #####, （1） → ######. */
const OUTLINE_HEADING = { 1: '###', 2: '####', 3: '#####', 4: '######' } as const;
/** Word's Heading 1… without an outline number: the title is the page's h1, so Heading 1 is ##. */
const HEADING_FOR_TAG: Record<string, string> = {
  H1: '##',
  H2: '###',
  H3: '####',
  H4: '#####',
  H5: '######',
  H6: '######',
};

const BULLET_START = /^[\s\u3000]*[·•●▪■◆◇○►√✓\uF0B7\uF0A7\uF0D8\uF076\uF06C\uF0FC]\s*/;
const HEADING_FONT = /黑体|SimHei|楷体|KaiTi|小标宋|标宋/i;
const SAFE_HREF = /^(https?:|mailto:|tel:|\/(?!\/)|\.{1,2}\/)/i;
const LOCAL_IMAGE = /^(\.{1,2}\/|\/(?!\/))/;
/** Punctuation that stops CommonMark from closing ** or * next to Chinese text: moved outside. */
const EDGE_PUNCTUATION = /[\p{P}\p{S}\s\u3000]/u;

type El = HTMLElement;

const isElement = (node: Node): node is El => node.nodeType === 1;

function styleOf(node: El): string {
  return (node.getAttribute('style') ?? '').toLowerCase();
}

/** Bold by tag, by style (WPS and web pages), or set in a heading font (Word paste). */
function isBoldElement(node: El): boolean {
  if (node.nodeName === 'STRONG' || node.nodeName === 'B') return true;
  const style = styleOf(node);
  return (
    /font-weight\s*:\s*(bold|[6-9]00)/.test(style) ||
    HEADING_FONT.test(node.getAttribute('style') ?? '') ||
    HEADING_FONT.test(node.getAttribute('face') ?? '')
  );
}

/** Every visible character of `node` is inside a bold element (under `root`). */
function isAllBold(root: El): boolean {
  let sawText = false;
  const visit = (node: Node, bold: boolean): boolean => {
    if (node.nodeType === 3) {
      if ((node.textContent ?? '').replace(/[\s\u3000\u00a0]/g, '') === '') return true;
      sawText = true;
      return bold;
    }
    if (!isElement(node)) return true;
    if (node.nodeName === 'A' && /^#(footnote|endnote)-/.test(node.getAttribute('href') ?? '')) return true;
    const here = bold || isBoldElement(node);
    for (const child of Array.from(node.childNodes)) if (!visit(child, here)) return false;
    return true;
  };
  return visit(root, isBoldElement(root)) && sawText;
}

function insideTable(node: Node): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p.nodeName === 'TD' || p.nodeName === 'TH') return true;
  return false;
}

function cleanText(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** Moves punctuation and spaces at the ends of an emphasised run outside its delimiters. */
function wrap(content: string, delimiter: string): string {
  let start = 0;
  const chars = [...content];
  let head = '';
  let tail = '';
  while (
    start < chars.length &&
    EDGE_PUNCTUATION.test(chars[start] ?? '') &&
    !(chars[start] === '[' || chars[start] === '\\')
  )
    head += chars[start++];
  let end = chars.length;
  while (end > start && EDGE_PUNCTUATION.test(chars[end - 1] ?? '') && chars[end - 1] !== ']')
    tail = (chars[--end] ?? '') + tail;
  const middle = chars.slice(start, end).join('');
  if (middle === '') return content;
  return `${head}${delimiter}${middle}${delimiter}${tail}`;
}

const CELL = '\u0001';
const CELL_END = '\u0002';
const ROW = '\u0003';
const ROW_END = '\u0004';

function makeService(warnings: string[]): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
    br: '\n',
  });
  let tableCount = 0;
  let droppedImages = 0;

  service.remove([
    'style',
    'script',
    'head',
    'title',
    'meta',
    'link',
    'noscript',
    'iframe',
    'object',
    'embed',
    'del',
    'template',
  ]);
  // Word's paste HTML: <xml>, <o:p>, conditional comments. Unknown elements keep their text.
  service.remove(
    (node) =>
      node.nodeName === 'XML' ||
      node.nodeName.toLowerCase() === 'svg' ||
      (/^(O|V|W):/.test(node.nodeName) && node.nodeName !== 'O:P'),
  );

  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as El | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? 1);
        const index = Array.from(parent.children).indexOf(node);
        prefix = `${start + index}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/^[\u3000\u00a0 ]+/, '')
        .replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });

  service.addRule('paragraph', {
    filter: ['p', 'div'],
    replacement: (content, node) => {
      const el = node;
      const text = cleanText(el.textContent ?? '');
      if (text === '' && !el.querySelector('img')) return '\n\n';
      // A wrapper (Word's <div class=WordSection1>) or a cell holds blocks: keep them as they are.
      if (el.nodeName === 'DIV' || insideTable(el)) return `\n\n${content}\n\n`;
      const level = outlineLevel(text);
      if (level && text.length <= 60 && isAllBold(el)) {
        return `\n\n${OUTLINE_HEADING[level]} ${cleanText(content.replace(/\*\*/g, ''))}\n\n`;
      }
      const body = content.replace(/^[\s\u3000\u00a0]+/, '');
      const numbered = /^(\d{1,3})\\?[.．](?![0-9])[\s\u3000\u00a0]*/.exec(body);
      if (numbered && body.length > numbered[0].length)
        return `\n\n${numbered[1]}. ${body.slice(numbered[0].length)}\n\n`;
      const bullet = BULLET_START.exec(body);
      if (bullet && body.length > bullet[0].length) return `\n\n- ${body.slice(bullet[0].length)}\n\n`;
      return `\n\n${body}\n\n`;
    },
  });

  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = cleanText(content.replace(/\*\*/g, ''));
      if (text === '') return '\n\n';
      if (insideTable(node)) return `\n\n${text}\n\n`;
      const level = outlineLevel(text);
      const hashes = level ? OUTLINE_HEADING[level] : (HEADING_FOR_TAG[node.nodeName] ?? '###');
      return `\n\n${hashes} ${text}\n\n`;
    },
  });

  service.addRule('strong', {
    filter: (node) =>
      node.nodeName !== 'P' &&
      node.nodeName !== 'DIV' &&
      node.nodeName !== 'TD' &&
      node.nodeName !== 'TH' &&
      isBoldElement(node) &&
      !/^H\d$/.test(node.nodeName),
    replacement: (content, node) => {
      if (cleanText(content) === '') return content;
      // Nested bold inside bold prints once.
      for (let p = node.parentNode; p; p = p.parentNode)
        if (isElement(p) && p.nodeName !== 'P' && isBoldElement(p)) return content;
      return wrap(content, '**');
    },
  });
  service.addRule('emphasis', {
    filter: ['em', 'i'],
    replacement: (content) => (cleanText(content) === '' ? content : wrap(content, '*')),
  });
  service.addRule('plainInline', {
    filter: (node) => ['U', 'INS', 'S', 'STRIKE', 'FONT', 'MARK', 'SMALL', 'BIG'].includes(node.nodeName),
    replacement: (content) => content,
  });

  service.addRule('link', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = (node.getAttribute('href') ?? '').trim();
      if (!href || !SAFE_HREF.test(href) || cleanText(content) === '') return content;
      return `[${content}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
    },
  });

  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node;
      const src = (el.getAttribute('src') ?? '').trim();
      const alt = cleanText(el.getAttribute('alt') ?? '').replace(/[[\]]/g, '');
      if (src === '') return '';
      if (LOCAL_IMAGE.test(src)) return `![${alt}](${src})`;
      droppedImages++;
      if (/^file:/i.test(src)) {
        warnings.push(
          `第 ${droppedImages} 张图片是本机文件（${src.slice(0, 60)}），浏览器读不到，已略去 — 请用“从 Word 导入”导入整篇文档，或单独上传这张图片`,
        );
      } else if (src) {
        warnings.push(`第 ${droppedImages} 张图片来自其他网站或无法保存，已略去 — 请把图片保存到电脑后上传`);
      }
      return '';
    },
  });

  // Tables: cells and rows are marked, then the table lays them out on a grid.
  service.addRule('tableCell', {
    filter: ['td', 'th'],
    replacement: (content, node) => {
      const el = node;
      const span = (name: string) => Math.max(1, Math.min(50, Number(el.getAttribute(name) ?? 1) || 1));
      const text = content
        .replace(/\*\*\s*\*\*/g, '')
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
        .replace(/\|/g, '\\|');
      return `${CELL}${span('rowspan')},${span('colspan')}${CELL_END}${text}`;
    },
  });
  service.addRule('tableRow', { filter: 'tr', replacement: (content) => `${ROW}${content}${ROW_END}` });
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('tableCaption', { filter: 'caption', replacement: (content) => `\n\n${content}\n\n` });
  service.addRule('table', {
    filter: 'table',
    replacement: (content) => {
      tableCount++;
      const grid: string[][] = [];
      let merged = false;
      const rows = content
        .split(ROW)
        .slice(1)
        .map((r) => r.split(ROW_END)[0] ?? '');
      rows.forEach((row, r) => {
        grid[r] ??= [];
        let c = 0;
        for (const cell of row.split(CELL).slice(1)) {
          const [spans = '1,1', text = ''] = cell.split(CELL_END);
          const [rowspan = 1, colspan = 1] = spans.split(',').map(Number);
          while (grid[r]?.[c] !== undefined) c++;
          if (rowspan > 1 || colspan > 1) merged = true;
          for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
            for (let dc = 0; dc < colspan; dc++) {
              (grid[r + dr] ??= [])[c + dc] = dr === 0 && dc === 0 ? text.trim() : '';
            }
          }
          c += colspan;
        }
      });
      const width = Math.max(0, ...grid.map((row) => row.length));
      const filled = grid
        .map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''))
        .filter((row) => row.some((cell) => cell !== ''));
      if (width === 0 || filled.length === 0) return '\n\n';
      if (merged)
        warnings.push(
          `第 ${tableCount} 个表格有合并单元格，已拆成普通格：合并格的文字放在左上第一格，其余格留空 — 请核对这个表格`,
        );
      const line = (cells: string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
      const [header = [], ...body] = filled;
      return `\n\n${[line(header), line(header.map(() => '---')), ...body.map(line)].join('\n')}\n\n`;
    },
  });
  // turndown tries the rules added last first: these are exceptions to the link and list rules.
  service.addRule('footnoteBack', {
    filter: (node) => node.nodeName === 'A' && /^#(footnote|endnote)-ref-/.test(node.getAttribute('href') ?? ''),
    replacement: () => '',
  });
  service.addRule('footnoteRef', {
    filter: (node) => node.nodeName === 'A' && /^#(footnote|endnote)-\d+$/.test(node.getAttribute('href') ?? ''),
    replacement: (_content, node) => {
      const [, kind, n] = /^#(footnote|endnote)-(\d+)$/.exec(node.getAttribute('href') ?? '') ?? [];
      return `[^${kind === 'endnote' ? 'e' : ''}${n}]`;
    },
  });
  service.addRule('footnoteItem', {
    filter: (node) => node.nodeName === 'LI' && /^(footnote|endnote)-\d+$/.test(node.getAttribute('id') ?? ''),
    replacement: (content, node) => {
      const [, kind, n] = /^(footnote|endnote)-(\d+)$/.exec(node.getAttribute('id') ?? '') ?? [];
      return `[^${kind === 'endnote' ? 'e' : ''}${n}]: ${cleanText(content)}\n\n`;
    },
  });

  return service;
}

/** Tidies what turndown wrote: indents, blank lines, spaces at line ends. */
function tidy(markdown: string): string {
  return (
    markdown
      .split('\n')
      .map((line) => line.replace(/^( *)[\u3000\u00a0][\u3000\u00a0 ]*/, '$1').replace(/[ \t\u3000\u00a0]+$/, ''))
      .join('\n')
      // Two bold runs side by side (**注意****事项**) are one.
      .replace(/(\S)\*\*\*\*(?=\S)/g, '$1')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Converts HTML (a converted .docx, or the text/html of a paste) to the site's Markdown. */
export function htmlToMarkdown(html: string): MarkdownResult {
  const warnings: string[] = [];
  const markdown = tidy(makeService(warnings).turndown(html));
  return { markdown, warnings };
}
