/**
 * 文号 (document numbers): 机关代字〔年份〕序号号, e.g. 望妇发〔2024〕1号.
 *
 * People type the brackets as [] 【】 () （） or [] and the digits full-width; parsing accepts
 * all of them, and `normalizeDocNumber` writes the one official form, so a search or a link
 * can match a 文号 exactly whichever way it was typed.
 */

export interface DocNumber {
  /** 机关代字, e.g. 望妇发. */
  agency: string;
  year: number;
  /** 序号. */
  seq: number;
}

/** The opening and closing brackets people type around the year, as regex character-class bodies. */
export const OPEN_BRACKETS = '〔\\[【(（［';
export const CLOSE_BRACKETS = '〕\\]】)）］';
const DOC_NUMBER_RE = new RegExp(
  `([\\u4e00-\\u9fa5]{1,12})\\s*[${OPEN_BRACKETS}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE_BRACKETS}]\\s*第?\\s*0*([1-9]\\d{0,3})\\s*号`,
  'u',
);

/** Full-width digits (０-９) to ASCII, so ２０２４ reads as 2024. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Finds the first 文号 in `text`, in any bracket style; undefined when there is none. */
export function parseDocNumber(text: string): DocNumber | undefined {
  const match = DOC_NUMBER_RE.exec(toHalfWidthDigits(text));
  if (!match) return undefined;
  return { agency: match[1] ?? '', year: Number(match[2]), seq: Number(match[3]) };
}

/** The official written form: 望妇发〔2024〕1号. */
export function formatDocNumber(doc: DocNumber): string {
  return `${doc.agency}〔${doc.year}〕${doc.seq}号`;
}

/** Any typed variant → the official form; undefined when `text` holds no 文号. */
export function normalizeDocNumber(text: string): string | undefined {
  const doc = parseDocNumber(text);
  return doc ? formatDocNumber(doc) : undefined;
}
