/**
 * Chinese typography lint, with AutoCorrect configured to the house style first, then two
 * rules of our own. Pure: AutoCorrect comes in as a `format` function, `autocorrect-node` in
 * Node (src/content/typography.ts) and `@huacnlee/autocorrect` (WebAssembly) in the CMS
 * preview (admin/typography.ts), so both apply the same rules. Findings are suggestions: `npm run fix:content` shows them
 * as a diff and writes them only with `--write`; they never fail a build.
 *
 * House style (GB/T 15834 and the layout of government documents, as the federation's own
 * documents are written):
 * - no space between Chinese and digits or Latin letters: 2024年, 12338妇女维权热线,
 *   Decap CMS后台 (AutoCorrect's default adds one, so `space-word` is off, and spaces already
 *   typed between Chinese and digits are removed);
 * - full-width punctuation in Chinese prose: 要点，请落实。 (AutoCorrect `fullwidth`);
 * - no space around full-width punctuation (AutoCorrect `no-space-fullwidth`);
 * - straight double quotes around Chinese become “ ” (mixed quotes).
 *
 * Never touched: 文号 (望妇发〔2024〕1号), addresses, code, link targets, HTML, and titles in
 * 《》, which are quoted as their issuer wrote them (《长沙市望城区妇联 2024 年工作要点》).
 */
import { DOC_NUMBER_PATTERN } from './patterns.ts';

/** AutoCorrect's rules for the house style (0 off, 1 on). */
export const HOUSE_STYLE = {
  rules: {
    'space-word': 0,
    'space-punctuation': 0,
    'space-bracket': 0,
    'space-dash': 0,
    'space-backticks': 0,
    spellcheck: 0,
    fullwidth: 1,
    'no-space-fullwidth': 1,
    'no-space-fullwidth-quote': 1,
    'halfwidth-word': 1,
    'halfwidth-punctuation': 1,
  },
} as const;

/** AutoCorrect's `format`, already configured with HOUSE_STYLE. */
export type Format = (text: string) => string;

/** Spans left exactly as written: 《titles》, 文号, addresses, inline code, link targets, HTML tags. */
const SPANS = [
  '《[^》\\n]*》',
  `[\\p{Script=Han}A-Za-z]*${DOC_NUMBER_PATTERN.source.replace(/^\^|\$$/g, '')}`,
  'https?://[^\\s）)]+',
  '`[^`\\n]*`',
  '\\]\\([^)\\n]*\\)',
  '<[^>\\n]*>',
];
const PROTECTED = new RegExp(SPANS.join('|'), 'gu');
/**
 * The same without 文号, for a line without 〔, where none can be: the 文号 pattern, tried at
 * every Chinese character of a long paragraph, was most of the lint's time.
 */
const PROTECTED_NO_DOC_NUMBER = new RegExp(SPANS.filter((_, index) => index !== 1).join('|'), 'gu');
/** What every protected span holds: a line without any has none. */
const SPAN_MARKS = /[《〔`<]|:\/\/|\]\(/u;

const HAN = /\p{Script=Han}/u;

/** Chinese text or punctuation, which makes the prose after it Chinese prose. */
const CHINESE_CONTEXT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef》〕]$/u;

/**
 * House style on prose with nothing protected in it. `after` is the text before it (a
 * protected span): AutoCorrect decides from the neighbours whether a comma is Chinese, so a
 * segment after 《…》 is given a Chinese character to look at, removed again afterwards.
 */
function fixProse(format: Format, text: string, after: string): string {
  if (!HAN.test(text) && !CHINESE_CONTEXT.test(after)) return text;
  // Sentence by sentence, where a sentence ends with 。！？； between two Chinese characters
  // (every rule looks only at a character's neighbours, so nothing spans such an end): a
  // paragraph is one line, and AutoCorrect's time grows with the text it is given, while
  // most sentences have nothing it could change.
  // Not where a straight double quote could pair across sentences (our own quote rule).
  const sentences = text.includes('"') ? [text] : text.split(SENTENCE_END);
  if (sentences.length > 1) {
    return sentences
      .map((sentence, index) =>
        MAY_CHANGE.test(sentence) ? fixSentence(format, sentence, index === 0 ? after : '中') : sentence,
      )
      .join('');
  }
  return fixSentence(format, text, after);
}

/** Splits after 。！？； that stand between two Chinese characters (kept with the sentence they end). */
const SENTENCE_END = /(?<=\p{Script=Han}[。！？；])(?=\p{Script=Han})/u;

/** fixProse for one sentence. */
function fixSentence(format: Format, text: string, after: string): string {
  const context = CHINESE_CONTEXT.test(after) ? '中' : '';
  const formatted = format(context + text);
  const fixed = context && formatted.startsWith(context) ? formatted.slice(context.length) : context ? text : formatted;
  return fixed
    .replace(/(\p{Script=Han}) +(?=\d)/gu, '$1')
    .replace(/(\d) +(?=\p{Script=Han})/gu, '$1')
    .replace(/"([^"\n]*\p{Script=Han}[^"\n]*)"/gu, '“$1”');
}

/**
 * A character AutoCorrect (with the house style) or our own rules could change: printable
 * ASCII other than digits (spaces, punctuation, Latin letters), tabs and carriage returns, the ideographic space, or full-width
 * letters and digits. A line without any (Chinese, digits, full-width punctuation only, most
 * lines of the site's prose) is already in the house style, and is not handed to AutoCorrect:
 * calling it once per line was nearly all of the lint's time.
 */
const MAY_CHANGE = /[\t\r\u0020-\u002f\u003a-\u007f\u3000\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u;

/** One line of prose in the house style, protected spans untouched. */
export function fixLine(format: Format, line: string): string {
  if (!MAY_CHANGE.test(line)) return line;
  if (!SPAN_MARKS.test(line)) return fixProse(format, line, '');
  let fixed = '';
  let at = 0;
  for (const match of line.matchAll(line.includes('〔') ? PROTECTED : PROTECTED_NO_DOC_NUMBER)) {
    fixed += fixProse(format, line.slice(at, match.index), fixed) + match[0];
    at = match.index + match[0].length;
  }
  return fixed + fixProse(format, line.slice(at), fixed);
}

/** Front-matter keys that hold prose (the rest are names, numbers, paths and choices). */
const PROSE_KEYS = new Set(['title', 'summary']);

/** A single-line YAML value in the house style: inside its quotes, if it has them; block scalars left alone. */
function fixValue(format: Format, value: string): string {
  if (/^[|>]/.test(value)) return value;
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (!quoted) return /^["']/.test(value) ? value : fixLine(format, value);
  const [, quote, inner] = quoted as unknown as [string, string, string];
  const fixed = fixLine(format, inner);
  return fixed.includes(quote) ? value : `${quote}${fixed}${quote}`;
}

/** A line the lint would change. */
export interface TypographyChange {
  /** 1-based, in the whole file. */
  line: number;
  old: string;
  new: string;
}

/**
 * The house style over one Markdown/MDX file: the title and summary in its front matter
 * (single-line values) and the body outside code blocks. Returns the changes and the fixed text.
 */
export function lintFile(format: Format, text: string): { changes: TypographyChange[]; fixed: string } {
  const lines = text.split('\n');
  const changes: TypographyChange[] = [];
  let frontMatter = lines[0] === '---';
  let fenced = false;
  lines.forEach((line, index) => {
    if (index === 0 && frontMatter) return;
    let fixed = line;
    if (frontMatter) {
      if (line === '---') {
        frontMatter = false;
        return;
      }
      const field = /^(\w+):( +)(.+)$/.exec(line);
      if (field && PROSE_KEYS.has(field[1]!)) fixed = `${field[1]}:${field[2]}${fixValue(format, field[3]!)}`;
    } else {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced && !/^\s*(import|export) /.test(line)) fixed = fixLine(format, line);
    }
    if (fixed !== line) {
      changes.push({ line: index + 1, old: line, new: fixed });
      lines[index] = fixed;
    }
  });
  return { changes, fixed: lines.join('\n') };
}

/** Characters shown either side of a change. */
const CONTEXT = 8;

/** The part of a line that changes, before and after, with a little context: “…2024 年是…” → “…2024年是…”. */
export function changeExcerpt(change: Pick<TypographyChange, 'old' | 'new'>): { before: string; after: string } {
  const { old: before, new: after } = change;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail += 1;
  const from = Math.max(0, head - CONTEXT);
  const cut = (text: string) => {
    const to = Math.min(text.length, text.length - tail + CONTEXT);
    return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
  };
  return { before: cut(before), after: cut(after) };
}
