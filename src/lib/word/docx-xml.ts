/**
 * What mammoth does not read from a .docx, read from its XML before mammoth sees it:
 * - Word's automatic numbering: mammoth keeps bullets and numbered lists as lists but drops
 *   the number format, so 一、 （一） （1） ① would be lost. Every numbered paragraph that
 *   is not a bullet gets its counter written into its text (from numbering.xml) and loses its
 *   numbering, so the Markdown keeps exactly the numbers the reader saw.
 * - Heading fonts: an outline paragraph (一、…) set in 黑体 or 楷体 rather than bold is a
 *   heading in a 公文; its runs are made bold so the converter can tell it from body text.
 * - Tracked changes and comments: reported, because an attached .docx would publish them.
 *
 * Plain string work on the XML (no DOM), so the same code runs in Node and in the browser.
 */
import { formatCounter, outlineLevel } from './chinese.ts';

/** Fonts 公文 use for headings: 黑体 (一、), 楷体 (（一）), 小标宋 (the title). */
const HEADING_FONT = /黑体|SimHei|Hei\b|楷体|KaiTi|Kai\b|小标宋|标宋|FZXBS|FZHTK/i;

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
}

interface Numbering {
  /** numId → abstractNumId. */
  nums: Map<string, string>;
  /** numId → ilvl → start override. */
  overrides: Map<string, Map<number, number>>;
  /** abstractNumId → ilvl → level. */
  abstracts: Map<string, Map<number, Level>>;
}

const attr = (xml: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** numbering.xml, read just enough to print counters. */
export function parseNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), overrides: new Map(), abstracts: new Map() };
  if (!xml) return numbering;
  for (const match of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(match[1] ?? '', 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const lvl of (match[2] ?? '').matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const body = lvl[2] ?? '';
      levels.set(Number(attr(lvl[1] ?? '', 'w:ilvl') ?? 0), {
        start: Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 1),
        numFmt: attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        lvlText: decodeXml(attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? ''),
      });
    }
    numbering.abstracts.set(id, levels);
  }
  for (const match of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const numId = attr(match[1] ?? '', 'w:numId');
    const abstractId = attr(/<w:abstractNumId\b[^>]*>/.exec(match[2] ?? '')?.[0] ?? '', 'w:val');
    if (numId === undefined || abstractId === undefined) continue;
    numbering.nums.set(numId, abstractId);
    const overrides = new Map<number, number>();
    for (const o of (match[2] ?? '').matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(/<w:startOverride\b[^>]*>/.exec(o[2] ?? '')?.[0] ?? '', 'w:val');
      if (start !== undefined) overrides.set(Number(attr(o[1] ?? '', 'w:ilvl') ?? 0), Number(start));
    }
    numbering.overrides.set(numId, overrides);
  }
  return numbering;
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The visible text of a run or paragraph's XML (deleted text is in w:delText and is left out). */
export function xmlText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g))
    text += match[1] === undefined ? ' ' : decodeXml(match[1]);
  return text;
}

export interface PreparedDocument {
  /** document.xml with counters written in and heading-font outline runs made bold. */
  documentXml: string;
  /** Visible characters in the body (0: an empty document). */
  textLength: number;
}

/** Rewrites document.xml as described at the top of this file. */
export function prepareDocumentXml(documentXml: string, numberingXml: string | undefined): PreparedDocument {
  const numbering = parseNumbering(numberingXml);
  // Formatting revisions carry old copies of pPr/rPr; they would confuse the matching below.
  let xml = documentXml.replace(/<w:(pPr|rPr|sectPr|tblPr|trPr|tcPr|tblGridChange)Change\b[\s\S]*?<\/w:\1Change>/g, '');
  xml = xml.replace(/<w:(pPr|rPr|sectPr|tblPr|trPr|tcPr)Change\b[^>]*\/>/g, '');
  /** abstractNumId → counters per level. */
  const counters = new Map<string, number[]>();
  const seenNums = new Set<string>();
  let textLength = 0;
  xml = xml.replace(/<w:p\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:p>)/g, (whole, attrs: string, inner: string | undefined) => {
    if (inner === undefined) return whole;
    textLength += xmlText(inner).replace(/\s/g, '').length;
    let body = inner;
    let label = '';
    const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body);
    const numPr = pPr ? /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr[1] ?? '') : null;
    if (numPr) {
      const numId = attr(/<w:numId\b[^>]*>/.exec(numPr[1] ?? '')?.[0] ?? '', 'w:val') ?? '0';
      const ilvl = Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr[1] ?? '')?.[0] ?? '', 'w:val') ?? 0);
      const abstractId = numbering.nums.get(numId);
      const levels = abstractId === undefined ? undefined : numbering.abstracts.get(abstractId);
      const level = levels?.get(ilvl);
      if (abstractId !== undefined && levels && level && level.numFmt !== 'bullet') {
        const count = counters.get(abstractId) ?? [];
        if (!seenNums.has(numId)) {
          seenNums.add(numId);
          for (const [overrideLevel, start] of numbering.overrides.get(numId) ?? []) count[overrideLevel] = start - 1;
        }
        count[ilvl] = (count[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
        count.length = ilvl + 1;
        counters.set(abstractId, count);
        label = level.lvlText.replace(/%(\d)/g, (_, n: string) => {
          const at = Number(n) - 1;
          const lvl = levels.get(at);
          return formatCounter(count[at] ?? lvl?.start ?? 1, lvl?.numFmt ?? 'decimal');
        });
        // The numbering goes; its counter becomes text.
        body = body.replace(numPr[0], '');
      }
    }
    const text = label + xmlText(body);
    const isOutline = outlineLevel(text) !== undefined;
    const runs = [...body.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)].filter((r) => xmlText(r[1] ?? '').trim() !== '');
    const allHeadingFont =
      runs.length > 0 &&
      runs.every(
        (r) =>
          HEADING_FONT.test(/<w:rFonts\b[^>]*>/.exec(r[1] ?? '')?.[0] ?? '') ||
          /<w:b\/>|<w:b w:val="(1|true|on)"\/>/.test(r[1] ?? ''),
      );
    const bold = isOutline && allHeadingFont;
    if (bold) {
      body = body.replace(/<w:r\b([^>]*)>(\s*)(<w:rPr>)?/g, (run, rAttrs: string, space: string, rPr?: string) => {
        if (rAttrs.endsWith('/')) return run;
        return rPr ? `<w:r${rAttrs}>${space}<w:rPr><w:b/>` : `<w:r${rAttrs}>${space}<w:rPr><w:b/></w:rPr>`;
      });
    }
    if (label) {
      const run = `<w:r><w:rPr>${bold ? '<w:b/>' : ''}</w:rPr><w:t xml:space="preserve">${encodeXml(label)}</w:t></w:r>`;
      body = pPr ? body.replace(/<\/w:pPr>/, `</w:pPr>${run}`) : run + body;
    }
    return `<w:p${attrs}>${body}</w:p>`;
  });
  return { documentXml: xml, textLength };
}

/** Tracked changes (insertions, deletions, moves) in document.xml. */
export function hasTrackedChanges(documentXml: string): boolean {
  return /<w:(ins|del|moveFrom|moveTo)\b/.test(documentXml);
}

/** Comments in comments.xml. */
export function hasComments(commentsXml: string | undefined): boolean {
  return commentsXml !== undefined && /<w:comment\b/.test(commentsXml);
}
