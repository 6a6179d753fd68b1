/**
 * Paragraphs follow the Enter key: the transform the CMS applies to a Markdown body on save
 * (admin/word/paragraphs-on-save.ts) and in its preview.
 *
 * Editors press Enter once between paragraphs, as in Word. In Markdown a single line break
 * inside a paragraph is only a soft break, so two typed paragraphs ran together on the page.
 * Text pasted from a PDF is the opposite: it breaks at every visual line, in the middle of
 * sentences. This transform turns each single line break inside prose into either
 *
 * - a paragraph break (a blank line), when the line before it ends a sentence, is short, or
 *   the next line starts an outline number (一、 （一） 1. （1）); or
 * - nothing at all (the lines are joined), when the line before it is a full-width line that
 *   stops mid-sentence, as PDF lines do. Chinese text is joined without a space; Latin words
 *   and numbers keep one.
 *
 * It is Markdown-aware and changes nothing else: headings, lists (and the lines that continue
 * a list item), tables, fenced or indented code, block quotes, HTML blocks, footnote and link
 * definitions, hard breaks (two trailing spaces or a backslash) and setext headings are copied
 * as they are. A prose line that comes straight after a list or a block quote would be folded
 * into its last item by Markdown ("lazy continuation"); it gets a blank line before it, so it
 * starts a paragraph of its own, as the editor meant.
 *
 * Pure and shared: runs in the editor's browser and in Node (tests, scripts). Idempotent.
 */

/** Characters that end a sentence or a clause that a line may end on deliberately. */
const SENTENCE_END = /[。！？：；…”’」』!?:;.]$/u;

/** A line that starts an item of the official outline: 一、 （一） 1. 1、 （1）. */
const OUTLINE_START = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d+[.、．]|[（(]\d+[）)])/u;

/** A PDF line is at least this wide (in Chinese characters; Latin letters count half). */
const MIN_PDF_LINE_WIDTH = 16;
/** ... and at least this share of the widest line of its paragraph. */
const PDF_LINE_SHARE = 0.8;

const BLANK = /^\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const QUOTE = /^ {0,3}>/;
const HTML_START = /^ {0,3}<[A-Za-z!/?]/;
const TABLE_ROW = /^ {0,3}\|/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const INDENTED = /^(?: {4}|\t)/;
const LEADING_SPACE = /^[ \t]+/;
const HARD_BREAK = /(?: {2,}|\\)$/;

/** How wide a line looks: a Chinese character counts 1, an ASCII character half. */
function visualWidth(line: string): number {
  let width = 0;
  for (const char of line.trim()) width += char.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

/** True for a character after or before which a joined line needs a space (Latin, digits). */
const isLatin = (char: string | undefined) => char !== undefined && /[A-Za-z0-9]/.test(char);

/** One paragraph's lines (a run of prose lines with no blank line between them), transformed. */
function transformRun(lines: string[]): string[] {
  if (lines.length < 2) return lines;
  const widest = Math.max(...lines.map(visualWidth));
  const out: string[] = [lines[0]!];
  for (let i = 1; i < lines.length; i += 1) {
    const previous = out[out.length - 1]!;
    const original = lines[i - 1]!;
    const line = lines[i]!;
    if (HARD_BREAK.test(original)) {
      out.push(line);
      continue;
    }
    const text = line.replace(LEADING_SPACE, '');
    const width = visualWidth(original);
    const isPdfLine =
      !SENTENCE_END.test(original.trimEnd()) &&
      width >= MIN_PDF_LINE_WIDTH &&
      width >= widest * PDF_LINE_SHARE &&
      !OUTLINE_START.test(text);
    if (isPdfLine) {
      const head = previous.trimEnd();
      const space = isLatin(head.at(-1)) && isLatin(text[0]) ? ' ' : '';
      out[out.length - 1] = head + space + text;
    } else {
      out.push('', text);
    }
  }
  return out;
}

type Kind = 'prose' | 'list' | 'quote' | 'other';

/** Applies the rules above to a Markdown body (no front matter). */
export function paragraphsFollowEnter(markdown: string): string {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const lines = markdown.split(/\r?\n/);
  const out: string[] = [];
  let run: string[] = [];
  /** What the previous non-blank line belongs to; `undefined` after a blank line. */
  let context: Kind | 'html' | 'table' | 'definition' | undefined;
  /** Inside a list: the list continues after blank lines with indented lines. */
  let inList = false;
  let fence: string | undefined;

  const flush = () => {
    out.push(...transformRun(run));
    run = [];
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (fence !== undefined) {
      out.push(line);
      const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      if (closing.test(line)) fence = undefined;
      continue;
    }
    if (BLANK.test(line)) {
      flush();
      out.push(line);
      context = undefined;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      flush();
      out.push(line);
      fence = fenceMatch[1];
      context = 'other';
      continue;
    }
    // Lines that continue what came before them, whatever they look like.
    if (context === 'html' || context === 'table' || (context === 'definition' && INDENTED.test(line))) {
      out.push(line);
      continue;
    }
    if (INDENTED.test(line) || (LEADING_SPACE.test(line) && inList)) {
      if (context === 'prose') run.push(line);
      else {
        // Indented code, or the continuation of a list item (after a blank line or not).
        flush();
        out.push(line);
        if (inList) context = 'list';
        else if (context === undefined) context = 'other';
      }
      continue;
    }
    const next = lines[i + 1];
    if (context === 'prose' && SETEXT_UNDERLINE.test(line)) {
      // The paragraph so far is a setext heading: keep it as it is.
      out.push(...run, line);
      run = [];
      context = 'other';
      continue;
    }
    let kind: Kind | 'html' | 'table' | 'definition';
    if (LIST_ITEM.test(line) && !THEMATIC_BREAK.test(line)) kind = 'list';
    else if (QUOTE.test(line)) kind = 'quote';
    else if (HTML_START.test(line)) kind = 'html';
    else if (TABLE_ROW.test(line) || (next !== undefined && TABLE_DELIMITER.test(next) && line.includes('|')))
      kind = 'table';
    else if (DEFINITION.test(line)) kind = 'definition';
    else if (ATX_HEADING.test(line) || THEMATIC_BREAK.test(line)) kind = 'other';
    else kind = 'prose';

    if (kind === 'prose') {
      // Straight after a list or a quote, Markdown would fold this line into it.
      if (context === 'list' || context === 'quote') out.push('');
      run.push(line);
      inList = false;
    } else {
      flush();
      out.push(line);
      inList = kind === 'list' || (inList && kind !== 'other');
    }
    context = kind;
  }
  flush();
  const result = out.join(eol);
  return result === lines.join(eol) ? markdown : result;
}
