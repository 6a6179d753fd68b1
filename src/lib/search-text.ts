/**
 * Text helpers for Chinese search, shared by the build (word list) and the search page
 * (query splitting without `Intl.Segmenter`, excerpts with whole-term highlighting).
 * Pure functions: no DOM, no Pagefind.
 */

/** One Han character (CJK Unified Ideographs and extensions). */
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Longest word kept in the fallback word list; longer runs are split by the segmenter anyway. */
export const MAX_WORD_LENGTH = 8;

/**
 * The distinct multi-character Chinese words of `texts`, sorted. Browsers without
 * `Intl.Segmenter` split a query with this list (`splitQuery`), so their queries reach Pagefind
 * in the words its index holds. Pagefind's own texts mark its word boundaries with zero-width
 * spaces, so those are taken as they are; other text is split with `Intl.Segmenter`.
 */
export function collectWords(texts: Iterable<string>, locale = 'zh-CN'): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const words = new Set<string>();
  const add = (piece: string) => {
    const length = [...piece].length;
    if (length >= 2 && length <= MAX_WORD_LENGTH && HAN.test(piece) && !/\s/.test(piece)) words.add(piece);
  };
  // Thousands of articles repeat the same words: each distinct token is judged once, and the
  // costly split on punctuation runs on distinct tokens only.
  const seen = new Set<string>();
  for (const text of texts) {
    if (!text.includes('\u200b')) {
      for (const s of segmenter.segment(text)) if (s.isWordLike) add(s.segment);
      continue;
    }
    for (const token of text.split('\u200b')) {
      if (seen.has(token)) continue;
      seen.add(token);
      for (const piece of token.split(/[\s\p{P}\p{S}]+/u)) add(piece);
    }
  }
  return [...words].sort();
}

/**
 * Splits `query` into words separated by spaces, for browsers without `Intl.Segmenter`
 * (older WeChat/X5, 360 compatibility mode, Firefox < 125): each run of Han characters is cut
 * greedily into the longest words of `dictionary`; characters no word starts with stay single.
 * Everything else (digits, Latin, spaces) is kept as typed.
 */
export function splitQuery(query: string, dictionary: ReadonlySet<string>): string {
  return query
    .replace(HAN_RUN, (run) => {
      const chars = [...run];
      const words: string[] = [];
      let i = 0;
      while (i < chars.length) {
        let length = Math.min(MAX_WORD_LENGTH, chars.length - i);
        while (length > 1 && !dictionary.has(chars.slice(i, i + length).join(''))) length -= 1;
        words.push(chars.slice(i, i + length).join(''));
        i += length;
      }
      return ` ${words.join(' ')} `;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A piece of an excerpt; `mark` pieces are highlighted matches. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Where each term occurs in `text`, longest terms first, without overlaps; sorted by position. */
export function findTerms(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const sorted = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const taken: { start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const term of sorted) {
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (!taken.some((span) => at < span.end && end > span.start)) taken.push({ start: at, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

const SENTENCE_END = /[。！？；!?;]/u;

/**
 * An excerpt of about `length` characters of `text` around the best match of `terms`, with
 * every occurrence of a term marked whole (Pagefind's own excerpt marks each segment on its
 * own and counts its length in segments, which is too short for Chinese). The window starts
 * at the sentence holding the first occurrence of the preferred (first) term, or of any term;
 * without any match it is the start of the text.
 */
export function buildExcerpt(text: string, terms: readonly string[], length = 110): ExcerptPart[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const spans = findTerms(clean, terms);
  const preferred = terms[0] ? findTerms(clean, [terms[0]])[0] : undefined;
  const anchor = preferred ?? spans[0];
  let start = 0;
  if (anchor && anchor.end > length - 10) {
    // Back up to the start of the sentence, but never so far that the match falls outside.
    const earliest = Math.max(0, anchor.start - Math.floor(length / 3));
    start = anchor.start;
    while (start > earliest && !SENTENCE_END.test(clean[start - 1] ?? '')) start -= 1;
  }
  const end = Math.min(clean.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece) parts.push({ text: piece, mark });
  };
  if (start > 0) push('…', false);
  let cursor = start;
  for (const span of spans) {
    if (span.end <= start || span.start >= end) continue;
    const from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    push(clean.slice(cursor, from), false);
    push(clean.slice(from, to), true);
    cursor = to;
  }
  push(clean.slice(cursor, end), false);
  if (end < clean.length) push('…', false);
  return parts;
}

/** Pagefind joins blocks with ". "; after Chinese text that reads as a sentence break. */
function sentences(text: string): string {
  return text
    .replace(/([\p{Script=Han}”’》）])\. /gu, '$1。')
    .replace(/\. (?=\S)/g, ' ')
    .trim();
}

/**
 * The excerpt of a result. Pagefind's text of a page is its title, its body, then the hidden
 * search fields (starting with the section label, see SearchIndexData.astro): the excerpt
 * leaves out the title (shown above it) and quotes the body where a term occurs there, else
 * the fields (a match only in the summary or a person's name shows that), else the body's start.
 */
export function resultExcerpt(
  content: string,
  title: string,
  sectionLabel: string | undefined,
  terms: readonly string[],
  length?: number,
): ExcerptPart[] {
  let text = content.startsWith(title) ? content.slice(title.length).replace(/^[\s.。]+/, '') : content;
  const split = sectionLabel ? text.lastIndexOf(sectionLabel) : -1;
  const body = sentences(split >= 0 ? text.slice(0, split) : text);
  const fields = split >= 0 ? sentences(text.slice(split + (sectionLabel?.length ?? 0)).replace(/^[\s.。]+/, '')) : '';
  text = findTerms(body, terms).length > 0 || findTerms(fields, terms).length === 0 ? body || fields : fields;
  return buildExcerpt(text, terms, length);
}
