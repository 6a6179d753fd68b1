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
 * Speed: candidates come from an index of each formulation's character bigrams and gapped
 * bigrams; only positions where one of them occurs are compared.
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

/** Slots per formulation in the ring of compared starts: a power of two above any formulation's length. */
const RING = 128;

/** A small-integer key for a pair of characters (`gap` 1: with one character between them). */
function pairKey(first: number, second: number, gap: 0 | 1): number {
  return (((first & 0x3fff) << 14) | (second & 0x3fff)) * 2 + gap;
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
  level: Target['level'];
}

/** A compiled matcher: `find(text)` lists every near-miss in a text. */
export interface Matcher {
  find(text: string): NearMiss[];
}

/** Builds a matcher over `targets`. Targets too short to match safely are left out. */
export function createMatcher(options: MatcherOptions): Matcher {
  const { homophones } = options;
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  for (const target of options.targets) {
    const plain = normalize(target.text).chars;
    if (seen.has(plain)) continue;
    if (plain.length < MIN_LENGTH && plain.length !== NAME_LENGTH) continue;
    seen.add(plain);
    prepared.push({ text: target.text, plain, level: target.level });
  }
  // Bigrams and gapped bigrams of every formulation: any near-miss keeps at least one. Keys
  // are small integers (see pairKey); a collision only adds a candidate, never loses one.
  const lists = new Map<number, number[]>();
  const add = (key: number, formulation: number, offset: number) => {
    const list = lists.get(key);
    if (list) list.push(formulation, offset);
    else lists.set(key, [formulation, offset]);
  };
  prepared.forEach(({ plain }, formulation) => {
    for (let offset = 0; offset + 1 < plain.length; offset += 1) {
      add(pairKey(plain.charCodeAt(offset), plain.charCodeAt(offset + 1), 0), formulation, offset);
      if (offset + 2 < plain.length)
        add(pairKey(plain.charCodeAt(offset), plain.charCodeAt(offset + 2), 1), formulation, offset);
    }
  });
  const index = new Map<number, Int32Array>([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
  const lookAlikes = options.lookAlikes.map((word) => normalize(word).chars).filter((word) => word.length > 0);
  const isHomophone: HomophoneTest =
    typeof homophones === 'function'
      ? homophones
      : (expected, actual) => homophones[expected]?.includes(actual) === true;
  const marker = options.quoteMarker;
  const tried = new Int32Array(prepared.length * RING);
  const voteAt = new Int32Array(prepared.length * RING);
  const votes = new Uint8Array(prepared.length * RING);
  // Keys a start needs before it is compared: any near-miss of five characters or more keeps
  // two of its keys in line (a three-character name, one).
  const needed = Uint8Array.from(prepared, ({ plain }) => (plain.length < MIN_LENGTH ? 1 : 2));
  let generation = 1;

  return {
    find(text: string): NearMiss[] {
      const stream = normalize(text);
      const { chars } = stream;
      // Spans of correct text: formulations written exactly, and real look-alikes.
      const correct = new Uint8Array(chars.length + 1);
      const markCorrect = (start: number, length: number) => correct.fill(1, start, start + length);
      for (const word of lookAlikes) {
        for (let at = chars.indexOf(word); at !== -1; at = chars.indexOf(word, at + 1)) markCorrect(at, word.length);
      }
      const candidates: { formulation: number; start: number; length: number; kind: NearMissKind; slip: number }[] = [];
      // The starts already compared, per formulation: a ring of RING slots, enough because
      // every start tried from one position lies within a formulation's length of it. The
      // ring is kept between calls (most texts are a short field): a slot holds start + base,
      // and each call takes a new base, so older entries never match.
      if (generation > 0x3fffffff - chars.length) {
        tried.fill(0);
        voteAt.fill(0);
        generation = 1;
      }
      const base = generation;
      generation += chars.length + RING + 2;
      const visit = (hits: Int32Array | undefined, position: number) => {
        if (!hits) return;
        for (let hit = 0; hit < hits.length; hit += 2) {
          const formulation = hits[hit]!;
          const start = position - hits[hit + 1]!;
          // Count the keys that put this formulation at this start; compare once there are enough.
          const ballot = formulation * RING + ((start + RING) & (RING - 1));
          if (voteAt[ballot] !== start + base + RING) {
            voteAt[ballot] = start + base + RING;
            votes[ballot] = 0;
          }
          votes[ballot] = Math.min(255, votes[ballot]! + 1);
          if (votes[ballot] !== needed[formulation]) continue;
          const plain = prepared[formulation]!.plain;
          // Written exactly (the common case): a slip beside it would lie in correct text anyway.
          if (chars.startsWith(plain, start)) {
            markCorrect(start, plain.length);
            for (let shifted = start - 1; shifted <= start + 1; shifted += 1) {
              tried[formulation * RING + ((shifted + RING) & (RING - 1))] = shifted + base;
            }
            continue;
          }
          for (let shifted = Math.max(0, start - 1); shifted <= start + 1; shifted += 1) {
            const slot = formulation * RING + (shifted & (RING - 1));
            if (tried[slot] === shifted + base) continue;
            tried[slot] = shifted + base;
            if (chars.startsWith(plain, shifted)) {
              markCorrect(shifted, plain.length);
              continue;
            }
            const found = compare(chars, shifted, plain, isHomophone);
            if (found) candidates.push({ formulation, start: shifted, ...found });
          }
        }
      };
      for (let position = 0; position + 1 < chars.length; position += 1) {
        const first = chars.charCodeAt(position);
        visit(index.get(pairKey(first, chars.charCodeAt(position + 1), 0)), position);
        if (position + 2 < chars.length) visit(index.get(pairKey(first, chars.charCodeAt(position + 2), 1)), position);
      }
      // Keep near-misses whose slip is not inside correct text; of overlapping ones, the
      // longest formulation (长沙市望城区妇女联合会 over 望城区妇女联合会).
      const kept = candidates
        .filter((candidate) => correct[candidate.slip] === 0)
        .sort(
          (a, b) => prepared[b.formulation]!.plain.length - prepared[a.formulation]!.plain.length || a.start - b.start,
        );
      const taken = new Uint8Array(chars.length + 1);
      const results: NearMiss[] = [];
      for (const candidate of kept) {
        if (taken[candidate.slip] === 1) continue;
        taken.fill(1, candidate.start, candidate.start + candidate.length);
        const { text: expected, level } = prepared[candidate.formulation]!;
        const start = stream.offsets[candidate.start]!;
        const end = stream.offsets[candidate.start + candidate.length - 1]! + 1;
        results.push({
          start,
          end,
          found: text.slice(start, end),
          expected,
          kind: candidate.kind,
          level,
          quoted: marker !== undefined && followedBy(text, end, marker),
        });
      }
      return results.sort((a, b) => a.start - b.start);
    },
  };
}

/**
 * Compares the text at `start` with a formulation: a near-miss of it (returning its kind,
 * length in the text and the position of the slip) or undefined.
 */
function compare(
  chars: string,
  start: number,
  plain: string,
  isHomophone: (expected: string, actual: string) => boolean,
): { length: number; kind: NearMissKind; slip: number } | undefined {
  const length = plain.length;
  // Same length: homophones anywhere, or one substitution inside.
  if (start + length <= chars.length) {
    // At most two slips are of interest: their positions, without allocating (this runs for every candidate).
    let count = 0;
    let first = -1;
    let second = -1;
    for (let k = 0; k < length && count <= 2; k += 1) {
      if (chars.charCodeAt(start + k) === plain.charCodeAt(k)) continue;
      count += 1;
      if (count === 1) first = k;
      else second = k;
    }
    const slipAt = (k: number) => isSlipChar(chars[start + k]) && isSlipChar(plain[k]);
    if (count > 0 && count <= 2 && slipAt(first) && (count === 1 || slipAt(second))) {
      const maxHomophones = length >= TWO_HOMOPHONES_LENGTH ? 2 : 1;
      const heard = (k: number) => isHomophone(plain[k]!, chars[start + k]!);
      if (count <= maxHomophones && heard(first) && (count === 1 || heard(second))) {
        return { length, kind: 'homophone', slip: start + first };
      }
      if (count === 1 && length >= EDIT_MIN_LENGTH && first > 0 && first < length - 1) {
        return { length, kind: 'substituted', slip: start + first };
      }
    }
  }
  if (length < EDIT_MIN_LENGTH) return undefined;
  // One character extra: same first and last character, the rest equal once it is removed.
  if (start + length + 1 <= chars.length && chars[start] === plain[0] && chars[start + length] === plain[length - 1]) {
    let k = 0;
    while (k < length && chars[start + k] === plain[k]) k += 1;
    const added = chars[start + k];
    if (
      k > 0 &&
      k < length &&
      isSlipChar(added) &&
      !PARTICLES.test(added!) &&
      chars.startsWith(plain.slice(k), start + k + 1)
    ) {
      return { length: length + 1, kind: 'extra', slip: start + k };
    }
  }
  // One character missing.
  if (
    start + length - 1 <= chars.length &&
    chars[start] === plain[0] &&
    chars[start + length - 2] === plain[length - 1]
  ) {
    let k = 0;
    while (k < length - 1 && chars[start + k] === plain[k]) k += 1;
    if (k > 0 && k < length - 1 && isSlipChar(plain[k]) && chars.startsWith(plain.slice(k + 1), start + k)) {
      return { length: length - 1, kind: 'missing', slip: start + k };
    }
  }
  return undefined;
}

/** True when `marker` follows offset `end` of `text`, after any spaces, quotes or emphasis marks. */
function followedBy(text: string, end: number, marker: string): boolean {
  let at = end;
  while (at < text.length && SKIPPED.test(text[at]!)) at += 1;
  return text.startsWith(marker, at);
}
