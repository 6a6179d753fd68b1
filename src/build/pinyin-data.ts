/**
 * The pinyin data of search that forgives (src/lib/search-pinyin.ts): the vocabulary of what
 * is indexed, each word with its toneless pinyin (pinyin-pro reads 多音字 by phrase: 银行 →
 * yin hang, 行长 → hang zhang), and a table of each syllable's characters for reading what a
 * person typed. Written by src/build/search-index.ts after Pagefind, as `PINYIN_FILE`.
 *
 * The vocabulary:
 * - the words of the indexed text as Pagefind segmented it (zero-width spaces in its fragments);
 * - runs of single characters the segmenter left apart (两 + 癌 → 两癌, 反 + 家 + 暴 → 反家暴);
 * - in titles and in the values of the fields searched as text (the model's `search.text`
 *   roles, which SearchIndexData.astro writes into the page), neighbouring words that make up
 *   four characters at most (亲子 + 阅读 → 亲子阅读).
 * The character table covers GB2312's 6,763 characters (what an input method offers first)
 * and every character of the site, each under all its readings.
 */
import { pinyin } from 'pinyin-pro';
import type { PinyinData } from '../lib/search-pinyin.ts';

const HAN_ONLY = /^\p{Script=Han}+$/u;
const SPLIT = /[\s\p{P}\p{S}\d]+/u;
/** Longest vocabulary word: queries are corrected in sequences of 2–4 characters, whole words up to 6. */
const MAX_WORD = 6;
/** Characters that join words rather than make them: never the start of a compound. */
const FUNCTION_CHARS = new Set([...'的了是在和与及等也都就把被从对为以于而或并向将由其这那个一不有我你他她它们之所']);
/** Most words kept (by how many pages hold them): bounds the file at large sites. */
export const MAX_WORDS = 40_000;

/** One indexed page, as the build reads it back. */
export interface IndexedPage {
  /** Pagefind's text of the page, words separated by zero-width spaces. */
  content: string;
  /** Its title, and the values of its `search.text` fields. */
  phrases: string[];
}

/** Toneless syllables, ü written v (as typed on a keyboard). */
function syllablesOf(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

/** The characters of GB2312 (levels 1 and 2), from the encoding's own byte ranges. */
function gb2312Chars(): string[] {
  const decoder = new TextDecoder('gbk');
  const chars: string[] = [];
  for (let high = 0xb0; high <= 0xf7; high += 1) {
    for (let low = 0xa1; low <= 0xfe; low += 1) {
      const char = decoder.decode(new Uint8Array([high, low]));
      if (HAN_ONLY.test(char)) chars.push(char);
    }
  }
  return chars;
}

/** Splits a text into Han words with `Intl.Segmenter`, keeping which words were neighbours. */
function segmentRuns(text: string, segmenter: Intl.Segmenter): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike && HAN_ONLY.test(s.segment)) run.push(s.segment);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Pagefind's words of a text in runs of neighbouring Han words (punctuation and Latin break a run). */
function pagefindRuns(content: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const token of content.split('\u200b')) {
    const pieces = token.split(SPLIT);
    if (pieces.length === 1 && HAN_ONLY.test(token)) {
      run.push(token);
      continue;
    }
    // Punctuation or spaces inside the token: its first piece ends a run, its last starts one.
    pieces.forEach((piece, i) => {
      if (i > 0 && run.length) {
        runs.push(run);
        run = [];
      }
      if (HAN_ONLY.test(piece)) run.push(piece);
      else if (piece && run.length) {
        runs.push(run);
        run = [];
      }
    });
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Words of a run: each word, runs of single characters joined, and (when `compounds`) neighbours up to 4 characters. */
function wordsOfRun(run: readonly string[], compounds: boolean, add: (word: string) => void): void {
  let singles: string[] = [];
  const flush = () => {
    // A run of single characters (区 妇 联 反 家 暴): each window of 2–4 of them, since the
    // words' own boundaries are unknown (妇联, 反家暴); runs longer than 8 are prose, not words.
    if (singles.length >= 2 && singles.length <= 8) {
      for (let start = 0; start < singles.length - 1; start += 1) {
        for (let end = start + 2; end <= Math.min(singles.length, start + 4); end += 1) {
          if (!FUNCTION_CHARS.has(singles[start]!)) add(singles.slice(start, end).join(''));
        }
      }
    }
    singles = [];
  };
  run.forEach((word, i) => {
    const length = [...word].length;
    if (length === 1) singles.push(word);
    else flush();
    if (length >= 2 && length <= MAX_WORD) add(word);
    // A character the segmenter set apart before a two-character word (反 + 家暴 → 反家暴),
    // unless it is a particle or preposition (的, 在…), which would make noise, not words.
    const next = run[i + 1];
    if (length === 1 && !FUNCTION_CHARS.has(word) && next && [...next].length === 2) add(word + next);
    if (compounds) {
      let joined = word;
      for (let j = i + 1; j < run.length; j += 1) {
        joined += run[j]!;
        if ([...joined].length > 4) break;
        add(joined);
      }
    }
  });
  flush();
}

/** Builds the pinyin data from the indexed pages. */
export function buildPinyinData(pages: readonly IndexedPage[], maxWords = MAX_WORDS): PinyinData {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const pagesHolding = new Map<string, number>();
  const latin = new Set<string>();
  const siteChars = new Set<string>();
  for (const page of pages) {
    const words = new Set<string>();
    const add = (word: string) => words.add(word);
    for (const run of pagefindRuns(page.content)) wordsOfRun(run, false, add);
    for (const phrase of page.phrases) for (const run of segmentRuns(phrase, segmenter)) wordsOfRun(run, true, add);
    for (const match of page.content.matchAll(/[A-Za-z]{2,20}/g)) latin.add(match[0].toLowerCase());
    for (const word of words) {
      pagesHolding.set(word, (pagesHolding.get(word) ?? 0) + 1);
      for (const char of word) siteChars.add(char);
    }
  }
  const words = [...pagesHolding.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxWords)
    .map(([word]) => word);
  const py = words.map((word) => syllablesOf(word).join(' '));

  const chars: Record<string, string> = {};
  for (const char of new Set([...gb2312Chars(), ...siteChars])) {
    for (const reading of pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true })) {
      const syllable = reading.toLowerCase();
      if (!/^[a-z]+$/.test(syllable)) continue;
      chars[syllable] = (chars[syllable] ?? '') + char;
    }
  }
  return { v: 1, words, py, chars, latin: [...latin].sort() };
}
