/**
 * The wording guard's matcher: finds near-misses of formulations that must be written
 * exactly. Pure, with no pinyin library inside: the homophones it needs come in as a table
 * (built at build time by `src/build/homophones.ts`), so the same code runs in the content
 * check and in the CMS in the browser.
 *
 * A near-miss is, at word level:
 * - a homophone swapped in (同音字): one character with the same toneless pinyin, two in a
 *   formulation of eight characters or more;
 * - one character substituted, missing or extra, inside a formulation of seven characters or
 *   more (never its first or last character, which is where a real, different word begins
 *   or ends: 社会主义核心价值体系, 望城区妇女儿童);
 * and either is found across a line break, spaces, quotes or Markdown emphasis.
 *
 * Precision rules, because a false alarm blocks a deploy:
 * - formulations shorter than MIN_LENGTH are not matched (except homophones of a leader's
 *   three-character name);
 * - numbers are exact: a difference in a digit or a Chinese numeral is never a near-miss
 *   (二十届三中全会 is not a slip for 二十届二中全会, nor 12348 for 12338);
 * - only Chinese characters count as slips: punctuation and Latin letters never do;
 * - a difference inside a look-alike that is a real word (湖北, 长春, 社会主义核心价值体系)
 *   or inside a correct formulation is not reported.
 *
 * Speed (the content check runs this over every text of the site, `npm run bench:wording`):
 * - each formulation has a few keys, runs of three of its characters (two where it is too
 *   short) that share no character and are the least shared with other formulations: a
 *   near-miss breaks at most one per slip, so it keeps at least one (see keysOf);
 * - a first pass reads the raw text for those keys, in a loop with no call in it (so the optimiser
 *   checks the arrays once, not at every character): a bit per character, two or three where
 *   Chinese characters follow one another; where a key may begin, the few characters around it
 *   are compared with the formulations that hold it (`settled`), a formulation written out
 *   exactly there being answered by one comparison and remembered for its other keys;
 * - only around a key that may be a near-miss is the text normalised and scanned in full, and
 *   only that stretch of it.
 */

/** One formulation the matcher looks for. */
export interface Target {
  text: string;
  /** What a near-miss of it is: a reviewed one fails the build, an editor's addition warns. */
  level: 'error' | 'warning';
}

/** For a character of a formulation, the other characters pronounced the same (toneless). */
export type HomophoneTable = Readonly<Record<string, string>>;
/** Whether `actual` is pronounced like `expected`, a character of a formulation (toneless). */
export type HomophoneTest = (expected: string, actual: string) => boolean;

export type NearMissKind = 'homophone' | 'substituted' | 'missing' | 'extra';

/** One near-miss, with offsets into the text that was checked. */
export interface NearMiss {
  /** Offset of the first character of the wrong text. */
  start: number;
  /** Offset after its last character. */
  end: number;
  /** The wrong text as written (with any line break or emphasis inside). */
  found: string;
  /** The formulation it should be. */
  expected: string;
  kind: NearMissKind;
  level: Target['level'];
  /** True when the text right after it is QUOTE_MARKER: a reviewed, deliberate quotation. */
  quoted: boolean;
}

export interface MatcherOptions {
  targets: readonly Target[];
  lookAlikes: readonly string[];
  /** A table (in the browser, made at build time) or a test (in Node, asking pinyin-pro as it goes). */
  homophones: HomophoneTable | HomophoneTest;
  /** Written after a wrong text to quote it deliberately; see formulations.ts. */
  quoteMarker?: string;
}

/** The size in bits of the filters the scan asks at every character (see createMatcher). */
const FILTER_SIZE = 1 << 13;
const FILTER_MASK = FILTER_SIZE - 1;
/** A 32-bit hash shifted right by this is a bit of a filter. */
const FILTER_SHIFT = 32 - 13;

/** Formulations shorter than this are not matched: too many real words lie one slip away. */
export const MIN_LENGTH = 5;
/** Substituted, missing or extra characters other than homophones are looked for from this length. */
const EDIT_MIN_LENGTH = 7;
/** Two homophones in one formulation are looked for from this length. */
const TWO_HOMOPHONES_LENGTH = 8;
/** A leader's name alone (习近平) is matched for homophones only, as a whole. */
const NAME_LENGTH = 3;

/** Skipped when matching: whitespace, line breaks, Markdown emphasis and code marks, quotes and title marks. */
const SKIPPED = /[\s*_~`“”‘’"'「」『』《》〈〉]/u;
/** Separators of a list, written interchangeably: 富强、民主 and 富强，民主. */
const SEPARATORS = /[、，,]/u;
const HAN = /\p{Script=Han}/u;
const NUMERAL = /[0-9０-９〇零一二三四五六七八九十百千万亿两]/u;
/**
 * Particles that may be added inside a formulation without making it wrong: 实现中华民族的伟大复兴
 * is as correct as 中华民族伟大复兴.
 */
const PARTICLES = /[的之]/u;

/** What normalize does with each UTF-16 code unit: keeps it (0), SKIPs it, or writes it as a SEPARATOR. */
const SKIP = 1;
const SEPARATOR = 2;
let unitClasses: Uint8Array | undefined;

/**
 * The class of every code unit, worked out once from SKIPPED and SEPARATORS: testing a
 * regular expression per character was most of the cost of normalising a long body.
 */
function classes(): Uint8Array {
  if (unitClasses) return unitClasses;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code += 1) {
    // Chinese characters, by far the most, are neither skipped nor separators.
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    const char = String.fromCharCode(code);
    if (SKIPPED.test(char)) table[code] = SKIP;
    else if (SEPARATORS.test(char)) table[code] = SEPARATOR;
  }
  return (unitClasses = table);
}

/** Per code unit, whether it may be a slip (see isSlipChar): 0 not yet known, 1 yes, 2 no. */
const slipUnits = new Uint8Array(0x10000);
function isSlipCode(code: number): boolean {
  let known = slipUnits[code]!;
  if (known === 0) slipUnits[code] = known = isSlipChar(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * The code unit at `index` of `text` as matched: a separator as 、, -1 when skipped (a line
 * break, emphasis, a quote); `kinds` is the table from classes(). The one rule every read of
 * the text being searched goes through; Chinese characters, the most, are tested first and
 * skip the table. The arrays come in as arguments, not from the matcher's closure, so that a
 * caller's loop passes its locals: read from the closure, they were checked again at every
 * character (about a tenth of find's instructions over the 5,000-article corpus).
 */
function keptCode(text: Uint16Array, index: number, kinds: Uint8Array): number {
  const code = text[index]!;
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  const kind = kinds[code];
  return kind === 0 ? code : kind === SEPARATOR ? 0x3001 : -1;
}

/** A text reduced to what is matched, with each kept character's offset in the original. */
interface Stream {
  chars: string;
  offsets: Int32Array;
}

/**
 * Reduces `text` to the characters that are matched (see SKIPPED and SEPARATORS). The result
 * is joined once, so it is a flat string: indexing a string built with += walks its pieces.
 */
export function normalize(text: string): Stream {
  const kept: string[] = [];
  const offsets = new Int32Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const code = char.charCodeAt(0);
    // Chinese characters, by far the most, are neither skipped nor separators.
    if (!(code >= 0x4e00 && code <= 0x9fff)) {
      if (SKIPPED.test(char)) continue;
      if (SEPARATORS.test(char)) {
        offsets[kept.length] = index;
        kept.push('、');
        continue;
      }
    }
    offsets[kept.length] = index;
    kept.push(char);
  }
  return { chars: kept.join(''), offsets: offsets.subarray(0, kept.length) };
}

/** A slip may only replace, add or drop a Chinese character that is not a numeral. */
function isSlipChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  // The CJK blocks (tested first: most characters compared are in them), then the full test.
  const cjk = (code >= 0x4e00 && code <= 0x9fff) || HAN.test(char);
  return cjk && !NUMERAL.test(char);
}

interface Prepared {
  text: string;
  plain: string;
  /** `plain` as code units, compared with the text's code units without making strings. */
  units: Uint16Array;
  level: Target['level'];
}

/**
 * A key of a formulation: `length` (2 or 3) of its characters from `offset`, or, for a leader's
 * name only, the pair at offset and offset + 2 (`gap` 1).
 */
type Key = readonly [offset: number, gap: 0 | 1, length: 2 | 3];

/**
 * What a pair costs as a key against a run of three: a pair of a formulation's characters is
 * far more often found outside it (家庭 of 家庭教育促进法, 女儿 of 妇女儿童之家) than three
 * characters in a row, and each such find is a comparison for nothing.
 */
const PAIR_COST = 1500;

/**
 * The keys of a formulation: enough of them that any near-miss keeps one. A slip (a character
 * substituted, missing or extra) breaks at most one of several keys that share no character,
 * so a formulation that may hold two slips (two homophones, from TWO_HOMOPHONES_LENGTH) gets
 * three such keys and any other two; a leader's three-character name gets all three of its
 * pairs, the first and last characters included. A key is three characters in a row where
 * the formulation is long enough, else two. Of the possible choices, the keys least shared
 * with other formulations and beginning with the least shared characters: the rarer a key,
 * the fewer places in a text are compared. Every text position holding a key is compared, so
 * no near-miss depends on how the keys were chosen, only how fast it is found.
 */
function keysOf(
  units: Uint16Array,
  gramCount: ReadonlyMap<string, number>,
  charCount: ReadonlyMap<number, number>,
): Key[] {
  const size = units.length;
  if (size < MIN_LENGTH)
    return [
      [0, 0, 2],
      [1, 0, 2],
      [0, 1, 2],
    ];
  const wanted = size >= TWO_HOMOPHONES_LENGTH ? 3 : 2;
  // A pair holding a separator or a numeral is as common in prose as its most common part.
  const common = (unit: number) => (isSlipCode(unit) || isHanUnit(unit) ? (charCount.get(unit) ?? 1) : 1000);
  const shared = (offset: number, length: number) =>
    gramCount.get(String.fromCharCode(...units.subarray(offset, offset + length))) ?? 1;
  // The text is scanned for a key's first two characters: how common they are is what it costs.
  const cost = (offset: number, length: 2 | 3) =>
    shared(offset, length) * 1000 +
    common(units[offset]!) * common(units[offset + 1]!) +
    (length === 2 ? PAIR_COST : 0);
  // best[k][i]: the least cost of k keys that share no character, all at offsets ≥ i.
  const best = Array.from({ length: wanted + 1 }, () => new Array<number>(size + 1).fill(Infinity));
  for (let i = 0; i <= size; i += 1) best[0]![i] = 0;
  const via = (k: number, i: number, length: 2 | 3) =>
    i + length <= size ? cost(i, length) + best[k - 1]![i + length]! : Infinity;
  for (let k = 1; k <= wanted; k += 1) {
    for (let i = size - 2; i >= 0; i -= 1) {
      best[k]![i] = Math.min(best[k]![i + 1]!, via(k, i, 2), via(k, i, 3));
    }
  }
  const keys: Key[] = [];
  for (let k = wanted, i = 0; k > 0;) {
    if (best[k]![i] === best[k]![i + 1]) i += 1;
    else {
      const length = best[k]![i] === via(k, i, 3) ? 3 : 2;
      keys.push([i, 0, length]);
      k -= 1;
      i += length;
    }
  }
  return keys;
}

/** Whether a code unit is a Chinese character (numerals included). */
function isHanUnit(unit: number): boolean {
  return (unit >= 0x4e00 && unit <= 0x9fff) || HAN.test(String.fromCharCode(unit));
}

/** A compiled matcher: `find(text)` lists every near-miss in a text. */
export interface Matcher {
  find(text: string): NearMiss[];
}

/** A candidate near-miss, before the spans of correct text are known. */
interface Candidate {
  formulation: number;
  start: number;
  length: number;
  kind: NearMissKind;
  slip: number;
}

/** Builds a matcher over `targets`. Targets too short to match safely are left out. */
export function createMatcher(options: MatcherOptions): Matcher {
  const { homophones } = options;
  const unitClass = classes();
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  for (const target of options.targets) {
    const plain = normalize(target.text).chars;
    if (seen.has(plain)) continue;
    if (plain.length < MIN_LENGTH && plain.length !== NAME_LENGTH) continue;
    seen.add(plain);
    const units = new Uint16Array(plain.length);
    for (let k = 0; k < plain.length; k += 1) units[k] = plain.charCodeAt(k);
    prepared.push({ text: target.text, plain, units, level: target.level });
  }
  // The keys of each formulation (see keysOf): a few of its character pairs, the rarest ones,
  // chosen so that any near-miss keeps at least one of them in line.
  // How many formulations hold each character, and each run of two or three characters.
  const gramCount = new Map<string, number>();
  const charCount = new Map<number, number>();
  for (const { units, plain } of prepared) {
    for (const unit of new Set(units)) charCount.set(unit, (charCount.get(unit) ?? 0) + 1);
    const grams = new Set<string>();
    for (let offset = 0; offset + 1 < plain.length; offset += 1) {
      grams.add(plain.slice(offset, offset + 2));
      if (offset + 2 < plain.length) grams.add(plain.slice(offset, offset + 3));
    }
    for (const gram of grams) gramCount.set(gram, (gramCount.get(gram) ?? 0) + 1);
  }
  const keysPer = prepared.map(({ units }) => keysOf(units, gramCount, charCount));
  // Every code unit that occurs in a key (its first two characters, or a name's first and
  // last), as an exact bitset (8 KB): asked only where the filters below let a character through.
  const member = new Int32Array(0x10000 >>> 5);
  // The filters the scan asks at every character, each of 2^13 bits (1 KB, so that all of them
  // stay in the processor's cache while the rest of the content check runs): a bit set for
  // everything that may begin a key, hashed, so a false yes only costs a closer look. Of the
  // first characters of keys: only where one is does the scan look further; of keys that skip
  // a character (a leader's name), for which it looks one character further. Then, where
  // characters follow one another unskipped (the common case), of the first two characters of
  // every key, of the keys of two, and of the keys of three. Prose is full of the first
  // characters of keys (社, 会, 中, 国…), less often of their first two (中国, 妇女, 望城),
  // and far less of their three (中国特, 妇女儿).
  const firstMember = new Int32Array(FILTER_SIZE >>> 5);
  const gappedFirst = new Int32Array(FILTER_SIZE >>> 5);
  const pairFilter = new Int32Array(FILTER_SIZE >>> 5);
  const pairKeyFilter = new Int32Array(FILTER_SIZE >>> 5);
  const tripleFilter = new Int32Array(FILTER_SIZE >>> 5);
  const pairBit = (first: number, second: number) =>
    (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> FILTER_SHIFT;
  const tripleBit = (first: number, second: number, third: number) =>
    (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ Math.imul(third, 0xc2b2ae35)) >>> FILTER_SHIFT;
  const setBit = (bits: Int32Array, bit: number) => (bits[bit >>> 5]! |= 1 << (bit & 31));
  prepared.forEach(({ units }, formulation) => {
    for (const [offset, gap, length] of keysPer[formulation]!) {
      for (const unit of [units[offset]!, units[offset + 1 + gap]!]) member[unit >>> 5]! |= 1 << (unit & 31);
      setBit(firstMember, units[offset]! & FILTER_MASK);
      if (gap === 1) setBit(gappedFirst, units[offset]! & FILTER_MASK);
      else {
        setBit(pairFilter, pairBit(units[offset]!, units[offset + 1]!));
        if (length === 2) setBit(pairKeyFilter, pairBit(units[offset]!, units[offset + 1]!));
        else setBit(tripleFilter, tripleBit(units[offset]!, units[offset + 1]!, units[offset + 2]!));
      }
    }
  });
  /** Whether a key begins with 、 (a separator): then separators are looked at too. */
  const separatorInKey = prepared.some(({ units }, formulation) =>
    keysPer[formulation]!.some(([offset]) => units[offset] === 0x3001),
  );
  /** A kept code unit if it is in a key, else 0. */
  const keyId = (code: number): number => ((member[code >>> 5]! >>> (code & 31)) & 1 ? code : 0);
  // A key is found by its first two characters (first code unit, second × 2 + gap), exact, kept
  // in an open-addressing table of typed arrays: a Map lookup per position was the largest cost
  // of the scan. Each holds its formulations as (formulation, offset, third code unit or 0).
  const lists = new Map<number, number[]>();
  const keyOf = (first: number, second: number, gap: number) => first * 0x20000 + second * 2 + gap;
  prepared.forEach(({ units }, formulation) => {
    for (const [offset, gap, length] of keysPer[formulation]!) {
      const key = keyOf(units[offset]!, units[offset + 1 + gap]!, gap);
      const entry = [formulation, offset, length === 3 ? units[offset + 2]! : 0];
      const list = lists.get(key);
      if (list) list.push(...entry);
      else lists.set(key, entry);
    }
  });
  let bits = 4;
  while (1 << bits < lists.size * 4) bits += 1;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  // One array of four integers per slot (first id, second id × 2 + gap, start and end of its
  // hits): a probe reads one small block of memory, which matters because the scan is bound
  // by memory reads, not by arithmetic. A first code unit of 0 (never in a key) marks an empty slot.
  const table = new Int32Array(4 << bits);
  const hashOf = (first: number, second: number) =>
    (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> shift;
  const flat: number[] = [];
  for (const [key, list] of lists) {
    const first = Math.floor(key / 0x20000);
    const second = key % 0x20000;
    let slot = hashOf(first, second);
    while (table[slot * 4] !== 0) slot = (slot + 1) & mask;
    table[slot * 4] = first;
    table[slot * 4 + 1] = second;
    table[slot * 4 + 2] = flat.length;
    flat.push(...list);
    table[slot * 4 + 3] = flat.length;
  }
  const hits = Int32Array.from(flat);
  const lookAlikes = options.lookAlikes.map((word) => normalize(word).chars).filter((word) => word.length > 0);
  const test: HomophoneTest =
    typeof homophones === 'function'
      ? homophones
      : (expected, actual) => homophones[expected]?.includes(actual) === true;
  // Every code unit of a formulation, numbered (for the homophone answers below).
  const formulationCharId = new Uint16Array(0x10000);
  let formulationChars = 0;
  for (const { units } of prepared)
    for (const unit of units) if (formulationCharId[unit] === 0) formulationCharId[unit] = ++formulationChars;
  // The same pairs are asked again and again in a long text: remember each answer.
  const heardPairs = new Map<number, boolean>();
  const isHomophone = (expected: number, actual: number): boolean => {
    // `expected` is a formulation's character: its small id keeps the key a small integer
    // (a larger number would be allocated on every lookup).
    const pair = formulationCharId[expected]! * 0x10000 + actual;
    let answer = heardPairs.get(pair);
    if (answer === undefined) {
      answer = test(String.fromCharCode(expected), String.fromCharCode(actual));
      heardPairs.set(pair, answer);
    }
    return answer;
  };
  const marker = options.quoteMarker;
  // Slots per formulation in the ring of compared starts: a power of two above the longest
  // formulation's length plus the starts shifted by one, so two starts that share a slot are
  // never compared at the same time. As small as that allows: the ring is read for every key
  // found, and a smaller ring stays in the processor's cache.
  let RING = 8;
  for (const { units } of prepared) while (RING < units.length + 4) RING *= 2;
  const tried = new Int32Array(prepared.length * RING);
  /** Whether any key skips a character (a leader's name's first and last): then the scan looks for them. */
  const gapped = keysPer.some((keys) => keys.some(([, gap]) => gap === 1));
  let generation = 1;
  // The normalised text, in buffers kept between calls (most texts are short fields; a new
  // array per call was much of the garbage collector's work).
  let codes = new Uint16Array(1024);
  let offsets = new Int32Array(1024);
  /** Per kept character, itself if it is in a key, else 0, read in order by the scan. */
  let idsOf = new Uint16Array(1024);
  // Spans of formulations written exactly (start, length, …), found during the scan.
  const exact: number[] = [];
  const candidates: Candidate[] = [];

  /** What holds and compare read: the normalised stretch (`codes`), or the few characters `aroundSettled` gathers. */
  let source = codes;
  /**
   * The text at `start` holds `units` from `from` on, exactly (`length` is the text's length);
   * the text is `source`, or `text`, such as the raw code units of the text being searched.
   */
  const holds = (length: number, start: number, units: Uint16Array, from: number, text = source): boolean => {
    if (start < 0 || start + units.length - from > length) return false;
    for (let k = from; k < units.length; k += 1) if (text[start + k - from] !== units[k]) return false;
    return true;
  };

  /**
   * Compares the text at `start` with a formulation: a near-miss of it (its kind, length in
   * the text and the position of the slip) or undefined.
   */
  const compare = (
    length: number,
    start: number,
    units: Uint16Array,
  ): Omit<Candidate, 'formulation' | 'start'> | undefined => {
    const size = units.length;
    // Same length: homophones anywhere, or one substitution inside.
    if (start + size <= length) {
      // At most two slips are of interest: their positions, without allocating (this runs for every candidate).
      let count = 0;
      let first = -1;
      let second = -1;
      for (let k = 0; k < size && count <= 2; k += 1) {
        if (source[start + k] === units[k]) continue;
        count += 1;
        if (count === 1) first = k;
        else second = k;
      }
      // Written out rather than as small closures: this runs for every compared start.
      if (
        count > 0 &&
        count <= 2 &&
        isSlipCode(source[start + first]!) &&
        isSlipCode(units[first]!) &&
        (count === 1 || (isSlipCode(source[start + second]!) && isSlipCode(units[second]!)))
      ) {
        const maxHomophones = size >= TWO_HOMOPHONES_LENGTH ? 2 : 1;
        if (
          count <= maxHomophones &&
          isHomophone(units[first]!, source[start + first]!) &&
          (count === 1 || isHomophone(units[second]!, source[start + second]!))
        ) {
          return { length: size, kind: 'homophone', slip: start + first };
        }
        if (count === 1 && size >= EDIT_MIN_LENGTH && first > 0 && first < size - 1) {
          return { length: size, kind: 'substituted', slip: start + first };
        }
      }
    }
    if (size < EDIT_MIN_LENGTH) return undefined;
    // One character extra: same first and last character, the rest equal once it is removed.
    if (start + size + 1 <= length && source[start] === units[0] && source[start + size] === units[size - 1]) {
      let k = 0;
      while (k < size && source[start + k] === units[k]) k += 1;
      if (k > 0 && k < size) {
        const added = source[start + k]!;
        if (
          isSlipCode(added) &&
          !PARTICLES.test(String.fromCharCode(added)) &&
          holds(length, start + k + 1, units, k)
        ) {
          return { length: size + 1, kind: 'extra', slip: start + k };
        }
      }
    }
    // One character missing.
    if (start + size - 1 <= length && source[start] === units[0] && source[start + size - 2] === units[size - 1]) {
      let k = 0;
      while (k < size - 1 && source[start + k] === units[k]) k += 1;
      if (k > 0 && k < size - 1 && isSlipCode(units[k]!) && holds(length, start + k, units, k + 1)) {
        return { length: size - 1, kind: 'missing', slip: start + k };
      }
    }
    return undefined;
  };

  // The text being scanned: its length and its base in the rings (see find). Kept here, with
  // visit and lookUp made once, rather than closures made anew for every text.
  let scanned = 0;
  let scanBase = 0;
  /**
   * Compares the text with the formulations that hold the key in `slot`, at `position`: the
   * key puts each one's start within one character of where it would begin (a character
   * missing or extra before the key shifts it by one).
   */
  const visit = (slot: number, position: number) => {
    const to = table[slot * 4 + 3]!;
    for (let hit = table[slot * 4 + 2]!; hit < to; hit += 3) {
      // A key of three characters whose third is not there: not this key.
      const third = hits[hit + 2]!;
      if (third !== 0 && (position + 2 >= scanned || source[position + 2] !== third)) continue;
      const formulation = hits[hit]!;
      const start = position - hits[hit + 1]!;
      const ring = formulation * RING;
      const units = prepared[formulation]!.units;
      // Written exactly (the common case): a slip beside it would lie in correct text anyway.
      if (holds(scanned, start, units, 0)) {
        exact.push(start, units.length);
        for (let shifted = start - 1; shifted <= start + 1; shifted += 1) {
          tried[ring + ((shifted + RING) & (RING - 1))] = shifted + scanBase;
        }
        continue;
      }
      for (let shifted = Math.max(0, start - 1); shifted <= start + 1; shifted += 1) {
        const at = ring + (shifted & (RING - 1));
        if (tried[at] === shifted + scanBase) continue;
        tried[at] = shifted + scanBase;
        if (holds(scanned, shifted, units, 0)) {
          exact.push(shifted, units.length);
          continue;
        }
        const found = compare(scanned, shifted, units);
        if (found) candidates.push({ formulation, start: shifted, ...found });
      }
    }
  };
  /** Finds the key (first, second) in the table and visits its formulations. */
  const lookUp = (first: number, second: number, position: number) => {
    let slot = hashOf(first, second);
    for (;;) {
      const at = table[slot * 4]!;
      if (at === 0) return;
      if (at === first && table[slot * 4 + 1] === second) {
        visit(slot, position);
        return;
      }
      slot = (slot + 1) & mask;
    }
  };

  /** The slot of the key (first id, second id × 2 + gap) in the table, or -1. */
  const slotOf = (first: number, second: number): number => {
    let slot = hashOf(first, second);
    for (;;) {
      const at = table[slot * 4]!;
      if (at === 0) return -1;
      if (at === first && table[slot * 4 + 1] === second) return slot;
      slot = (slot + 1) & mask;
    }
  };
  // The code units of the text being searched, read once into a typed array kept between calls:
  // every later read is an array read, where `charCodeAt` on a string cut out of a file (as
  // bodies are) costs several times as much, and the scan reads every character.
  let textUnits = new Uint16Array(1024);
  let textLength = 0;
  /** Node's Buffer, when there is one, copies a string's code units in one native call. */
  const NodeBuffer = (
    globalThis as {
      Buffer?: { from(buffer: ArrayBuffer): { write(text: string, offset: number, encoding: 'utf16le'): number } };
    }
  ).Buffer;
  let unitWriter = NodeBuffer?.from(textUnits.buffer);
  const readUnits = (text: string): void => {
    if (textUnits.length < text.length) {
      textUnits = new Uint16Array(text.length * 2);
      unitWriter = NodeBuffer?.from(textUnits.buffer);
    }
    if (unitWriter) unitWriter.write(text, 0, 'utf16le');
    else for (let index = 0; index < text.length; index += 1) textUnits[index] = text.charCodeAt(index);
    textLength = text.length;
  };
  /**
   * Whether the text from `start` on is `units` with one homophone swapped in (1), or is not
   * (0); -1 when a skipped character (a line break, emphasis) lies there or the text ends
   * first: then the characters must be gathered.
   */
  const homophoneAt = (start: number, units: Uint16Array): -1 | 0 | 1 => {
    if (start < 0 || start + units.length > textLength) return -1;
    const text = textUnits;
    const kinds = unitClass;
    let slip = -1;
    let actual = 0;
    for (let k = 0; k < units.length; k += 1) {
      const code = keptCode(text, start + k, kinds);
      if (code === -1) return -1;
      if (code === units[k]) continue;
      if (slip !== -1) return 0;
      slip = k;
      actual = code;
    }
    if (slip === -1) return 0;
    return isSlipCode(actual) && isSlipCode(units[slip]!) && isHomophone(units[slip]!, actual) ? 1 : 0;
  };
  // Per formulation, where `settled` last found it written out exactly: in which call of find
  // (`call`), and the text index and offset in the formulation of the key that found it.
  const exactCall = new Int32Array(prepared.length);
  const exactAt = new Int32Array(prepared.length);
  const exactOffset = new Int32Array(prepared.length);
  let call = 0;
  // The kept characters around a key, from two before a formulation's start to two after its
  // end (0xffff past the text's edges, which matches nothing), gathered by `aroundSettled`.
  let around = new Uint16Array(64);
  /**
   * Whether the kept characters around the key at `index`, at `offset` in the formulation
   * `units`, hold no near-miss of it: the part of `settled` that gathers them and compares.
   * A function of its own, so that `settled`, which most keys need no more of, stays small:
   * the optimiser compiles a small function better (measured over the 5,000-article corpus,
   * about 3% of find's instructions).
   */
  const aroundSettled = (units: Uint16Array, index: number, offset: number): boolean => {
    const size = units.length + 5;
    if (around.length < size) around = new Uint16Array(size * 2);
    const gathered = around;
    const text = textUnits;
    const kinds = unitClass;
    const length = textLength;
    // around[j] is the kept character at start - 2 + j, where start = index - offset (kept).
    const at = offset + 2;
    // Most often no character there is skipped (a line break, emphasis, a quote): then they
    // are read in one pass, with no walking back and forth.
    let plainRun = index - at >= 0 && index - at + size <= length;
    if (plainRun)
      for (let j = 0, raw = index - at; j < size; j += 1, raw += 1) {
        const code = keptCode(text, raw, kinds);
        if (code === -1) {
          plainRun = false;
          break;
        }
        gathered[j] = code;
      }
    if (!plainRun) {
      gathered[at] = keptCode(text, index, kinds);
      for (let j = at - 1, raw = index - 1; j >= 0; j -= 1, raw -= 1) {
        let code = -1;
        while (raw >= 0 && (code = keptCode(text, raw, kinds)) === -1) raw -= 1;
        gathered[j] = raw >= 0 ? code : 0xffff;
      }
      for (let j = at + 1, raw = index + 1; j < size; j += 1, raw += 1) {
        let code = -1;
        while (raw < length && (code = keptCode(text, raw, kinds)) === -1) raw += 1;
        gathered[j] = raw < length ? code : 0xffff;
      }
    }
    source = gathered;
    // Written out exactly (through any line break or emphasis): nothing to compare.
    if (holds(size, 2, units, 0)) return true;
    for (let start = 1; start <= 3; start += 1) if (compare(size, start, units)) return false;
    return true;
  };
  /**
   * Whether nothing is left to compare for the formulations with the key in `slot`, found at
   * `index` (`third` is the kept character after the key's second): each is written out
   * exactly there, or `compare` finds no near-miss of it at any start the key allows (within
   * one character of where the key puts it). Only the few characters around the key are
   * gathered for this: most keys in prose are settled here, and only the stretches around the
   * rest are normalised and scanned.
   */
  const settled = (slot: number, index: number, third: number): boolean => {
    const to = table[slot * 4 + 3]!;
    for (let hit = table[slot * 4 + 2]!; hit < to; hit += 3) {
      // A key of three characters whose third is not there: not this key.
      const need = hits[hit + 2]!;
      if (need !== 0 && need !== third) continue;
      const formulation = hits[hit]!;
      const offset = hits[hit + 1]!;
      // Another key of the same formulation written out exactly, as far before this one in
      // the text as in the formulation (so nothing was skipped between): the same occurrence.
      if (exactCall[formulation] === call && index - exactAt[formulation]! === offset - exactOffset[formulation]!)
        continue;
      const { units } = prepared[formulation]!;
      // Written out exactly, as is (the common case).
      if (holds(textLength, index - offset, units, 0, textUnits)) {
        exactCall[formulation] = call;
        exactAt[formulation] = index;
        exactOffset[formulation] = offset;
        continue;
      }
      // A formulation too short for a character missing, extra or substituted can only be
      // misspelt by a homophone, in place: at the start this key gives, since a homophone
      // elsewhere keeps its own keys in line. Most keys found in prose (妇女儿童 for
      // 妇女儿童之家, 望城区 for 望城区妇联) are settled by a few reads of the text there.
      if (units.length < EDIT_MIN_LENGTH) {
        const answer = homophoneAt(index - offset, units);
        if (answer === 1) return false;
        if (answer === 0) continue;
      }
      if (!aroundSettled(units, index, offset)) return false;
    }
    return true;
  };

  // How far around a key the text is compared, in kept characters: the longest formulation
  // (a near-miss of it, or a correct one beside it) and the longest look-alike, with room to spare.
  let margin = 4;
  for (const { units } of prepared) margin = Math.max(margin, units.length + 4);
  let longestLookAlike = 0;
  for (const word of options.lookAlikes) longestLookAlike = Math.max(longestLookAlike, word.length);
  margin += longestLookAlike;
  /** The raw index `count` kept characters before (step -1) or after (step 1) `index`, or the text's edge. */
  const walk = (index: number, step: -1 | 1, count: number): number => {
    let at = index;
    while (count > 0) {
      const next = at + step;
      if (next < 0 || next >= textLength) return step === 1 ? textLength : 0;
      at = next;
      if (keptCode(textUnits, at, unitClass) !== -1) count -= 1;
    }
    return step === 1 ? at + 1 : at;
  };

  /** Every near-miss in text[from, to), an independent stretch of the text, added to `results`. */
  const scanRange = (text: string, from: number, to: number, results: NearMiss[]): void => {
    // Normalise into the kept buffers (see normalize, which this must agree with).
    if (codes.length < to - from) {
      codes = new Uint16Array((to - from) * 2);
      offsets = new Int32Array((to - from) * 2);
      idsOf = new Uint16Array((to - from) * 2);
    }
    source = codes;
    let length = 0;
    const units = textUnits;
    const kinds = unitClass;
    for (let index = from; index < to; index += 1) {
      const code = keptCode(units, index, kinds);
      if (code === -1) continue;
      offsets[length] = index;
      codes[length] = code;
      idsOf[length] = keyId(code);
      length += 1;
    }
    exact.length = 0;
    candidates.length = 0;
    // The starts already compared, per formulation: a ring of RING slots, enough because
    // every start tried from one position lies within a formulation's length of it. The
    // ring is kept between calls (most texts are a short field): a slot holds start + base,
    // and each call takes a new base, so older entries never match.
    if (generation > 0x3fffffff - length) {
      tried.fill(0);
      generation = 1;
    }
    scanned = length;
    scanBase = generation;
    generation += length + RING + 2;
    for (let position = 0; position + 1 < length; position += 1) {
      const first = idsOf[position]!;
      if (first === 0) continue;
      const next = idsOf[position + 1]!;
      if (next !== 0) lookUp(first, next * 2, position);
      if (gapped && position + 2 < length) {
        const after = idsOf[position + 2]!;
        if (after !== 0) lookUp(first, after * 2 + 1, position);
      }
    }
    // Nearly every stretch has no candidate: then the spans of correct text are not needed.
    if (candidates.length === 0) return;
    let chars = '';
    for (let from = 0; from < length; from += 4096)
      chars += String.fromCharCode(...codes.subarray(from, Math.min(length, from + 4096)));
    // Spans of correct text: formulations written exactly, and real look-alikes.
    const correct = new Uint8Array(length + 1);
    for (let span = 0; span < exact.length; span += 2) correct.fill(1, exact[span], exact[span]! + exact[span + 1]!);
    for (const word of lookAlikes) {
      for (let at = chars.indexOf(word); at !== -1; at = chars.indexOf(word, at + 1))
        correct.fill(1, at, at + word.length);
    }
    // Keep near-misses whose slip is not inside correct text; of overlapping ones, the
    // longest formulation (长沙市望城区妇女联合会 over 望城区妇女联合会).
    const kept = candidates
      .filter((candidate) => correct[candidate.slip] === 0)
      .sort(
        (a, b) => prepared[b.formulation]!.plain.length - prepared[a.formulation]!.plain.length || a.start - b.start,
      );
    const taken = new Uint8Array(length + 1);
    const found: NearMiss[] = [];
    for (const candidate of kept) {
      if (taken[candidate.slip] === 1) continue;
      taken.fill(1, candidate.start, candidate.start + candidate.length);
      const { text: expected, level } = prepared[candidate.formulation]!;
      const start = offsets[candidate.start]!;
      const end = offsets[candidate.start + candidate.length - 1]! + 1;
      found.push({
        start,
        end,
        found: text.slice(start, end),
        expected,
        kind: candidate.kind,
        level,
        quoted: marker !== undefined && followedBy(text, end, marker),
      });
    }
    results.push(...found.sort((a, b) => a.start - b.start));
  };

  return {
    find(text: string): NearMiss[] {
      // First, where the text holds a key at all: most of a text (and most texts) holds none,
      // and only the stretches around the keys found are normalised and compared. A stretch reaches `margin` kept characters either side of
      // its keys, so everything a near-miss there is compared with lies inside it.
      const results: NearMiss[] = [];
      call = (call + 1) | 0;
      readUnits(text);
      let from = -1;
      /** The last key found. */
      let last = -1;
      // In local constants, which the optimiser keeps in registers through the calls below.
      const units = textUnits;
      const length = textLength;
      const starts = firstMember;
      const gappedStarts = gappedFirst;
      const pairs = pairFilter;
      const pairKeys = pairKeyFilter;
      const triples = tripleFilter;
      const kinds = unitClass;
      for (let index = 0; index < length; index += 1) {
        // Most characters begin no key. They are passed over in a loop with nothing else in it
        // (no call), which the optimiser compiles to a few instructions a character: a bit for
        // the first character; where two or three Chinese characters follow one another (the
        // common case), a bit for the two and one for the three. Anything else (a separator,
        // which is matched as 、; a character skipped; a leader's name) is looked at below.
        for (; index < length; index += 1) {
          const code = units[index]!;
          const hashed = code & FILTER_MASK;
          if (((starts[hashed >>> 5]! >>> (hashed & 31)) & 1) === 0) {
            // Chinese characters, most of prose, are not separators: they skip the table, which
            // is too large to stay in cache.
            if (separatorInKey && (code < 0x4e00 || code > 0x9fff) && kinds[code] === SEPARATOR) break;
            continue;
          }
          if (code < 0x4e00 || code > 0x9fff || ((gappedStarts[hashed >>> 5]! >>> (hashed & 31)) & 1) !== 0) break;
          if (index + 1 >= length) break;
          // The next two characters as matched (keptCode): a separator as 、, punctuation as
          // itself; a character skipped (a line break, a quote) is looked past below. A key's
          // first character before a comma or a full stop is common in prose, and most such
          // places are passed over here.
          const nextUnit = keptCode(units, index + 1, kinds);
          if (nextUnit === -1) break;
          let bit = pairBit(code, nextUnit);
          if (((pairs[bit >>> 5]! >>> (bit & 31)) & 1) === 0) continue;
          // A key of two, or a key of three whose third character is not simply the next one.
          if (((pairKeys[bit >>> 5]! >>> (bit & 31)) & 1) !== 0 || index + 2 >= length) break;
          const thirdUnit = keptCode(units, index + 2, kinds);
          if (thirdUnit === -1) break;
          bit = tripleBit(code, nextUnit, thirdUnit);
          if (((triples[bit >>> 5]! >>> (bit & 31)) & 1) !== 0) break;
        }
        if (index >= length) break;
        const kept = keptCode(units, index, kinds);
        const first = kept === -1 ? 0 : keyId(kept);
        if (first === 0) continue;
        let next = index + 1;
        let nextCode = -1;
        while (next < length && (nextCode = keptCode(units, next, kinds)) === -1) next += 1;
        if (next >= length) break;
        const second = keyId(nextCode);
        const slot = second === 0 ? -1 : slotOf(first, second * 2);
        // Only a leader's name has a key that skips a character: its first character is rare.
        const gappedHere = ((gappedStarts[(first & FILTER_MASK) >>> 5]! >>> (first & 31)) & 1) !== 0;
        // The kept character after the second (0xffff past the text's end): the third of a key of
        // three, or the second of a key that skips a character.
        let third = 0xffff;
        if (slot !== -1 || gappedHere) {
          for (let at = next + 1; at < length; at += 1) {
            const code = keptCode(units, at, kinds);
            if (code !== -1) {
              third = code;
              break;
            }
          }
        }
        const gappedSecond = gappedHere ? keyId(third) : 0;
        const gappedSlot = gappedSecond === 0 ? -1 : slotOf(first, gappedSecond * 2 + 1);
        // Formulations written exactly where the key is, or that no near-miss of is written
        // there (the common cases): nothing more to do. Where one written exactly is a
        // neighbour of a near-miss, that near-miss's stretch reaches it and finds it again.
        if ((slot === -1 || settled(slot, index, third)) && (gappedSlot === -1 || settled(gappedSlot, index, third)))
          continue;
        // Close to the last key (by raw distance, never less than the distance in kept
        // characters): the same stretch, found without walking.
        if (from !== -1 && index - last <= margin) {
          last = index;
          continue;
        }
        const start = walk(index, -1, margin);
        if (from !== -1) {
          const end = walk(last, 1, margin);
          if (start <= end) {
            last = index;
            continue;
          }
          scanRange(text, from, end, results);
        }
        from = start;
        last = index;
      }
      if (from !== -1) scanRange(text, from, walk(last, 1, margin), results);
      return results;
    },
  };
}

/** True when `marker` follows offset `end` of `text`, after any spaces, quotes or emphasis marks. */
function followedBy(text: string, end: number, marker: string): boolean {
  let at = end;
  while (at < text.length && SKIPPED.test(text[at]!)) at += 1;
  return text.startsWith(marker, at);
}
