/**
 * The homophone table the wording matcher needs (`src/lib/wording/matcher.ts`): for each
 * character of the formulations, every other common character with a toneless pinyin
 * reading in common (和 → 合, 何, 河…). Built with pinyin-pro at build time, so the browser
 * gets a small table and no pinyin dictionary.
 */
import { pinyin } from 'pinyin-pro';
import type { HomophoneTable, HomophoneTest } from '../lib/wording/matcher.ts';

/** The CJK Unified Ideographs block: the characters an input method offers. */
const FIRST = 0x4e00;
const LAST = 0x9fff;

/** Every toneless reading of one character (多音字 have several). */
function readings(char: string): string[] {
  return pinyin(char, { toneType: 'none', multiple: true, type: 'array' }).filter((reading) =>
    /^[a-zü]+$/.test(reading),
  );
}

/** Homophones of every Chinese character in `texts`. */
export function homophoneTable(texts: Iterable<string>): HomophoneTable {
  const wanted = new Set<string>();
  for (const text of texts) for (const char of text) if (/\p{Script=Han}/u.test(char)) wanted.add(char);
  const bySound = new Map<string, string[]>();
  for (const char of wanted) for (const reading of readings(char)) bySound.set(reading, []);
  for (let code = FIRST; code <= LAST; code += 1) {
    const char = String.fromCharCode(code);
    for (const reading of readings(char)) bySound.get(reading)?.push(char);
  }
  const table: Record<string, string> = {};
  for (const char of wanted) {
    const same = new Set<string>();
    for (const reading of readings(char))
      for (const other of bySound.get(reading) ?? []) if (other !== char) same.add(other);
    table[char] = [...same].join('');
  }
  return table;
}

/**
 * Readings already asked of pinyin-pro, kept for the whole process: a character's readings
 * never change, and the content check makes a new test on every run (a watch loop, the
 * benchmark), which otherwise asked pinyin-pro again for the same characters.
 */
const readingCache = new Map<string, string[]>();

/**
 * The same relation as homophoneTable, asked character by character with a cache: in Node
 * this is far faster than building the table, which needs the pinyin of every character,
 * when a text holds a few thousand distinct characters.
 */
export function homophoneTest(): HomophoneTest {
  const cache = readingCache;
  const of = (char: string) => {
    let found = cache.get(char);
    if (!found) cache.set(char, (found = /\p{Script=Han}/u.test(char) ? readings(char) : []));
    return found;
  };
  return (expected, actual) => {
    const heard = of(actual);
    return heard.length > 0 && of(expected).some((reading) => heard.includes(reading));
  };
}
