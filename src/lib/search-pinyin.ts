/**
 * Search that forgives: corrects a query typed with the wrong homophone (两爱 → 两癌, 越读 →
 * 阅读) or typed as pinyin without choosing characters (liangai → 两癌, fjb → 反家暴), against
 * the words the site itself holds. Pure functions over the pinyin data the build writes
 * (src/build/pinyin-data.ts, `PINYIN_FILE`); the search page fetches that file only when a
 * query's exact phrase is not on the site, so a correct query costs nothing.
 *
 * Precision rules: a sequence the site holds is never replaced; only an exact pinyin match can
 * be searched in place of what was typed; the fuzzy pairs an input method offers (z/zh, n/l,
 * an/ang…) only ever produce suggestions; digits and a 文号 are left as typed.
 */

/** The pinyin data file, relative to the output folder (beside the word list). */
export const PINYIN_FILE = 'search/pinyin.json';

/** What the build writes: the site's vocabulary with its toneless pinyin, and a character table. */
export interface PinyinData {
  /** Format version. */
  v: 1;
  /** Site words (2–6 Han characters), most frequent first. */
  words: string[];
  /** Each word's toneless pinyin, syllables joined by spaces (phrase readings: 银行 → yin hang). */
  py: string[];
  /** Each toneless syllable → the characters that can be read so (多音字 under each reading). */
  chars: Record<string, string>;
  /** Latin-letter words the site contains (lower case): such a query is not taken as pinyin. */
  latin: string[];
}

/** One replacement within a query. */
export interface Fix {
  from: string;
  to: string;
}

/** What the matcher proposes for a query. */
export interface Correction {
  /** The query with the best exact-pinyin replacements: may be searched in place of the query. */
  best?: string | undefined;
  /** Other queries to offer (您是不是要找), best first; fuzzy matches only ever land here. */
  suggestions: string[];
  /** Whether the query was read as pinyin (Latin letters only). */
  fromLatin: boolean;
}

/** The data, indexed for lookups; built once per page from the fetched file. */
export interface PinyinIndex {
  /** Site words, for "is this on the site". */
  known: Set<string>;
  /** Exact pinyin key (syllables joined by spaces) → words, most frequent first. */
  byKey: Map<string, string[]>;
  /** Fuzzy key → words. */
  byFuzzy: Map<string, string[]>;
  /** Full pinyin without spaces → words. */
  byJoined: Map<string, string[]>;
  /** Initials (first letters) → words. */
  byInitials: Map<string, string[]>;
  /** Character → its toneless readings. */
  readings: Map<string, string[]>;
  latin: Set<string>;
  /** Each word's rank (0 = most frequent). */
  rank: Map<string, number>;
}

/** Folds a syllable by the fuzzy pairs: zh→z ch→c sh→s, n→l, h→f, ang→an eng→en ing→in. */
export function fuzzySyllable(syllable: string): string {
  let s = syllable.replace(/^([zcs])h/, '$1').replace(/^n(?=[aeiou])/, 'l');
  s = s.replace(/^h(?=[aeiou])/, 'f');
  return s.replace(/([aei])ng$/, '$1n');
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

/** Indexes the fetched data (a few ms at thousands of words). */
export function indexPinyin(data: PinyinData): PinyinIndex {
  const index: PinyinIndex = {
    known: new Set(data.words),
    byKey: new Map(),
    byFuzzy: new Map(),
    byJoined: new Map(),
    byInitials: new Map(),
    readings: new Map(),
    latin: new Set(data.latin),
    rank: new Map(),
  };
  data.words.forEach((word, i) => {
    const key = data.py[i];
    if (!key) return;
    const syllables = key.split(' ');
    index.rank.set(word, i);
    push(index.byKey, key, word);
    push(index.byFuzzy, syllables.map(fuzzySyllable).join(' '), word);
    push(index.byJoined, syllables.join(''), word);
    if (syllables.length >= 2) push(index.byInitials, syllables.map((s) => s[0]).join(''), word);
  });
  for (const [syllable, chars] of Object.entries(data.chars)) {
    for (const char of chars) {
      const list = index.readings.get(char);
      if (!list) index.readings.set(char, [syllable]);
      else if (!list.includes(syllable)) list.push(syllable);
    }
  }
  return index;
}

/** Every pinyin key a character sequence can be read as (多音字: each reading), at most `cap`. */
export function keysOf(chars: readonly string[], index: PinyinIndex, cap = 32): string[] {
  let keys: string[][] = [[]];
  for (const char of chars) {
    const readings = index.readings.get(char);
    if (!readings) return [];
    keys = keys.flatMap((key) => readings.map((reading) => [...key, reading])).slice(0, cap);
  }
  return keys.map((key) => key.join(' '));
}

/** The site word, other than the sequence itself, read like `chars` (exactly, or by the fuzzy pairs). */
function soundsLike(chars: readonly string[], index: PinyinIndex, fuzzy: boolean): string | undefined {
  const seq = chars.join('');
  const found: string[] = [];
  for (const key of keysOf(chars, index)) {
    const map = fuzzy ? index.byFuzzy : index.byKey;
    const lookup = fuzzy ? key.split(' ').map(fuzzySyllable).join(' ') : key;
    for (const word of map.get(lookup) ?? []) if (word !== seq && !found.includes(word)) found.push(word);
  }
  // Most frequent first; a word sharing more characters with what was typed wins a tie.
  const shared = (word: string) => [...word].filter((char, i) => chars[i] === char).length;
  found.sort((a, b) => shared(b) - shared(a) || (index.rank.get(a) ?? 0) - (index.rank.get(b) ?? 0));
  return found[0];
}

/**
 * Corrects one run of Han characters, left to right: at each place the longest sequence (4 to 2
 * characters) that the site doesn't hold but that reads like a site word is replaced; a
 * sequence the site holds is kept as it is, and so is a character nothing fits.
 */
export function correctHan(run: string, index: PinyinIndex, fuzzy: boolean): { text: string; fixes: Fix[] } {
  const chars = [...run];
  const out: string[] = [];
  const fixes: Fix[] = [];
  let i = 0;
  while (i < chars.length) {
    let step = 1;
    let replaced: string | undefined;
    for (let n = Math.min(4, chars.length - i); n >= 2; n -= 1) {
      const seq = chars.slice(i, i + n);
      if (index.known.has(seq.join(''))) {
        step = n;
        break;
      }
      const word = soundsLike(seq, index, fuzzy);
      if (word) {
        replaced = word;
        step = n;
        fixes.push({ from: seq.join(''), to: word });
        break;
      }
    }
    out.push(replaced ?? chars.slice(i, i + step).join(''));
    i += step;
  }
  return { text: out.join(''), fixes };
}

/** The site words a run of Latin letters spells as full pinyin (split into words) or as initials; best first. */
export function fromPinyin(letters: string, index: PinyinIndex, fuzzy = false): string[] {
  const q = letters.toLowerCase().replace(/[\s']+/g, '');
  if (q.length < 2) return [];
  const byRank = (a: string, b: string) => (index.rank.get(a) ?? 0) - (index.rank.get(b) ?? 0);
  const found: string[] = [...(index.byJoined.get(q) ?? [])].sort(byRank);
  // Full pinyin of several site words (liangaijiuzhu → 两癌救助): the fewest words, each the most frequent.
  if (found.length === 0 && q.length <= 40) {
    const best: (string[] | undefined)[] = [[]];
    for (let end = 1; end <= q.length; end += 1) {
      for (let start = Math.max(0, end - 24); start < end; start += 1) {
        const prefix = best[start];
        const words = index.byJoined.get(q.slice(start, end));
        if (!prefix || !words) continue;
        const candidate = [...prefix, [...words].sort(byRank)[0]!];
        if (!best[end] || candidate.length < best[end]!.length) best[end] = candidate;
      }
    }
    const split = best[q.length];
    if (split && split.length > 1) found.push(split.join(''));
  }
  const initials = [...(index.byInitials.get(q) ?? [])].sort(byRank);
  for (const word of initials) if (!found.includes(word)) found.push(word);
  if (fuzzy && found.length === 0) {
    // The fuzzy pairs, on what the letters spell as whole site words.
    for (const [joined, words] of index.byJoined) {
      if (joined.length === q.length && fuzzyLetters(joined) === fuzzyLetters(q)) found.push(...words);
    }
  }
  return found;
}

/** A crude fold of spelled-out pinyin by the fuzzy pairs, for Latin queries. */
function fuzzyLetters(text: string): string {
  return text.replace(/([zcs])h/g, '$1').replace(/([aei])ng/g, '$1n');
}

/** A piece of a query: a Han run, a Latin run, or anything else kept as typed. */
interface Piece {
  kind: 'han' | 'latin' | 'other';
  text: string;
}

function piecesOf(query: string, keep: string | undefined): Piece[] {
  const pieces: Piece[] = [];
  const at = keep ? query.indexOf(keep) : -1;
  const parts =
    at >= 0 && keep ? [query.slice(0, at), keep, query.slice(at + keep.length)] : [query, undefined, undefined];
  const add = (text: string) => {
    for (const match of text.matchAll(
      /(\p{Script=Han}+)|([a-zA-Z]+(?:['\s]+[a-zA-Z]+)*)|([^\p{Script=Han}a-zA-Z]+)/gu,
    )) {
      pieces.push({ kind: match[1] ? 'han' : match[2] ? 'latin' : 'other', text: match[0] });
    }
  };
  add(parts[0]!);
  if (parts[1]) pieces.push({ kind: 'other', text: parts[1] });
  if (parts[2]) add(parts[2]);
  return pieces;
}

export interface CorrectOptions {
  /** The fuzzy pairs' switch (search settings). */
  fuzzy: boolean;
  /** A 文号 found in the query (findDocNumber's `text`): kept as typed. */
  docText?: string | undefined;
  /** How many suggestions at most. */
  max?: number;
}

/**
 * What to offer for a query whose exact phrase is not on the site. Han runs are corrected by
 * sound; Latin runs are read as pinyin unless the site holds the word; digits, punctuation and
 * a 文号 stay as typed. `best` holds exact-sound corrections only; fuzzy ones are suggestions.
 */
export function correctQuery(query: string, index: PinyinIndex, options: CorrectOptions): Correction {
  const pieces = piecesOf(query, options.docText);
  const latinPieces = pieces.filter((piece) => piece.kind === 'latin');
  const fromLatin = latinPieces.length > 0 && pieces.every((piece) => piece.kind === 'latin' || !piece.text.trim());
  const max = options.max ?? 4;
  const build = (fuzzy: boolean): string[] => {
    // Each piece's options, best first; the query's variants take the first option of all but one piece.
    const choices = pieces.map((piece): string[] => {
      if (piece.kind === 'han') {
        const fixed = correctHan(piece.text, index, fuzzy).text;
        return fixed === piece.text ? [piece.text] : [fixed, piece.text];
      }
      if (piece.kind === 'latin') {
        const word = piece.text.toLowerCase().replace(/[\s']+/g, '');
        if (index.latin.has(word)) return [piece.text];
        const words = fromPinyin(piece.text, index, fuzzy);
        return words.length > 0 ? words.slice(0, max) : [piece.text];
      }
      return [piece.text];
    });
    const variants: string[] = [choices.map((options) => options[0]!).join('')];
    choices.forEach((options, i) => {
      for (const option of options.slice(1)) {
        variants.push(choices.map((other, j) => (j === i ? option : other[0]!)).join(''));
      }
    });
    return [...new Set(variants.map((variant) => variant.replace(/\s+/g, ' ').trim()))];
  };
  const exact = build(false).filter((text) => stillChanged(text, query));
  const suggestions = [...exact];
  if (options.fuzzy) {
    for (const text of build(true))
      if (stillChanged(text, query) && !suggestions.includes(text)) suggestions.push(text);
  }
  return { best: exact[0], suggestions: suggestions.slice(0, max), fromLatin };
}

/** Whether a variant differs from the query in its Han characters or letters (not only spacing). */
function stillChanged(variant: string, query: string): boolean {
  const strip = (text: string) => text.replace(/[\s']+/g, '').toLowerCase();
  return strip(variant) !== strip(query);
}
