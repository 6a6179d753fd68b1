/**
 * Chinese numerals and dates as they appear in 公文: 二〇二四年四月十五日, 2024年4月15日,
 * and the counters Word's numbering formats print (一、 （一） 1. （1） ①).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 十五 → 15, 二十 → 20, 三十一 → 31, 7 → 7; undefined when it is not a number up to 99. */
export function parseSmallNumber(text: string): number | undefined {
  const value = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(value);
  if (!match || value === '') return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? DIGITS[tens] : undefined;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

/** A year written digit by digit: 二〇二四 or 2024. */
function parseYear(text: string): number | undefined {
  const value = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{4}$/.test(value)) return Number(value);
  if ([...value].length !== 4) return undefined;
  let year = 0;
  for (const char of value) {
    const digit = DIGITS[char];
    if (digit === undefined) return undefined;
    year = year * 10 + digit;
  }
  return year;
}

const DATE_IN_TEXT =
  /([0-9０-９]{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/u;

/** The first date in `text` as YYYY-MM-DD, with where it was found; undefined when there is none or it is impossible. */
export function findChineseDate(text: string): { date: string; index: number; length: number } | undefined {
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return undefined;
  const year = parseYear(match[1] ?? '');
  const month = parseSmallNumber(match[2] ?? '');
  const day = parseSmallNumber(match[3] ?? '');
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1949 || year > 2100) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, index: match.index, length: match[0].length };
}

/** The whole of `text` (spaces aside) is one date: the 落款's date line. */
export function parseWholeChineseDate(text: string): string | undefined {
  const trimmed = text.replace(/[\s\u3000]+/g, '');
  const found = findChineseDate(trimmed);
  return found && found.index === 0 && found.length === trimmed.length ? found.date : undefined;
}

/** 15 → 十五, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const restText =
      rest === 0
        ? ''
        : rest < 10
          ? `零${CHINESE_DIGITS[rest]}`
          : rest < 20
            ? `一${chineseCounting(rest)}`
            : chineseCounting(rest);
    return `${CHINESE_DIGITS[Math.floor(n / 100)]}百${restText}`;
  }
  return String(n);
}

const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The counter Word prints for `n` in one of its numbering formats (w:numFmt). */
export function formatCounter(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return n < 10 ? (LEGAL_DIGITS[n] ?? String(n)) : chineseCounting(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(Number(d) + 0xff10)).join('');
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * The 公文 outline level a paragraph's start marks: 一、 → 1, （一） → 2, 1. → 3, （1） → 4.
 * Undefined when the text starts with none of them.
 */
export function outlineLevel(text: string): 1 | 2 | 3 | 4 | undefined {
  const value = text.replace(/^[\s\u3000]+/, '');
  if (/^[一二三四五六七八九十]{1,3}[、.．]/.test(value)) return 1;
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]/.test(value)) return 2;
  if (/^[0-9０-９]{1,2}[.．、](?![0-9０-９])/.test(value)) return 3;
  if (/^[（(][0-9０-９]{1,2}[）)]/.test(value)) return 4;
  return undefined;
}
